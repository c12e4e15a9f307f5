import { Descriptions, Drawer, Space, Table, Typography } from 'antd';
import type { FindingView, WhyParam } from '../../../shared/contracts/compliance.contract.ts';
import { M } from '../../messages.ts';
import { SeverityTag, UnverifiedTag, valueText } from './ComplianceTags.tsx';

interface Props {
  finding: FindingView | null;
  onClose: () => void;
}

/** Why a finding was raised: the rule, its source, the pack's parameter values with their sources, the evidence. */
export function FindingWhyDrawer({ finding, onClose }: Props) {
  return (
    <Drawer open={!!finding} onClose={onClose} size={640} title={M.compliance.whyTitle} destroyOnHidden>
      {finding && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="finding-why">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={M.compliance.whyRule}>
              {finding.ruleId} {finding.ruleTitle} <SeverityTag severity={finding.severity} />
            </Descriptions.Item>
            <Descriptions.Item label={M.compliance.colOrg}>
              {finding.orgName}（{finding.orgCode}）
            </Descriptions.Item>
            <Descriptions.Item label={M.compliance.whyMessage}>{finding.message}</Descriptions.Item>
            <Descriptions.Item label={M.compliance.whySource}>{finding.sourceRef}</Descriptions.Item>
            <Descriptions.Item label={M.compliance.whyPack}>{finding.why.packTitle}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{M.compliance.whyParams}</Typography.Title>
            <Table<WhyParam>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={finding.why.params}
              data-testid="finding-why-params"
              columns={[
                { title: M.compliance.paramKey, dataIndex: 'key' },
                { title: M.compliance.paramValue, dataIndex: 'value', width: 110, render: valueText },
                {
                  title: M.compliance.paramSource,
                  key: 'source',
                  render: (_: unknown, p) => (
                    <Space size={4} wrap>
                      {p.sourceRef}
                      {p.unverified && <UnverifiedTag />}
                    </Space>
                  ),
                },
                {
                  title: M.compliance.paramDefinedIn,
                  dataIndex: 'definedIn',
                  width: 150,
                  render: (d: string | null) => d ?? M.compliance.paramRegistry,
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{M.compliance.whyEvidence}</Typography.Title>
            <Descriptions size="small" column={1} bordered data-testid="finding-why-evidence">
              {Object.entries(finding.why.evidence).map(([k, v]) => (
                <Descriptions.Item key={k} label={M.compliance.evidence[k] ?? k}>
                  {valueText(v)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
