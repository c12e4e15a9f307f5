import { Alert, Button, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RuleTotal } from '../../../shared/contracts/compliance.contract.ts';
import { toSearchParams } from '../../api/client.ts';
import { useMe } from '../../api/useAuth.ts';
import { type DashboardFilters, useDashboard } from '../../api/useCompliance.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { M } from '../../messages.ts';
import { ComplianceFilters } from './ComplianceFilters.tsx';
import { ComplianceHeatmap, ComplianceTrend } from './DashboardCharts.tsx';

/** /compliance — heat map of the branches of an org subtree over recent periods, totals by rule, trend. */
export default function CompliancePage() {
  const [sp, setSp] = useSearchParams();
  const me = useMe();
  const navigate = useNavigate();
  const filters = useMemo<DashboardFilters>(
    () => ({
      orgId: sp.get('orgId') ?? me.data?.homeOrgIds[0],
      asOf: sp.get('asOf') ?? undefined,
      granularity: sp.get('granularity') === 'month' ? 'month' : 'quarter',
      periods: Number(sp.get('periods')) || 4,
    }),
    [sp, me.data],
  );
  const dash = useDashboard(filters);
  const data = dash.data;

  const handleChange = (next: DashboardFilters) => setSp(toSearchParams(next));
  const handleOpen = (orgId: string, end?: string) => {
    const asOf = end ?? filters.asOf;
    navigate(`/compliance/orgs/${orgId}${asOf ? `?asOf=${asOf}` : ''}`);
  };
  const findingsUrl = (ruleId?: string) =>
    `/compliance/findings?${toSearchParams({ orgId: filters.orgId, asOf: data?.asOf, ruleId }).toString()}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="compliance-page">
      <Card
        title={M.compliance.title}
        extra={
          <Link to={findingsUrl()} data-testid="compliance-findings-link">
            <Button>{M.compliance.findingsLink}</Button>
          </Link>
        }
      >
        <ComplianceFilters value={filters} onChange={handleChange} />
      </Card>
      <ErrorAlert error={dash.error} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={M.compliance.heatmapTitle} loading={dash.isPending && !!filters.orgId}>
            {data && (
              <>
                <Typography.Paragraph type="secondary">{M.compliance.heatmapHint}</Typography.Paragraph>
                {data.truncated && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={M.compliance.truncated(data.rows.length, data.totalRows)}
                    data-testid="compliance-truncated"
                  />
                )}
                {data.rows.length ? (
                  <ComplianceHeatmap data={data} onOpen={handleOpen} />
                ) : (
                  <Empty description={M.compliance.heatmapEmpty} />
                )}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={M.compliance.trendTitle} loading={dash.isPending && !!filters.orgId}>
              {data && <ComplianceTrend data={data} />}
            </Card>
            <Card title={M.compliance.byRuleTitle}>
              <Table<RuleTotal>
                size="small"
                rowKey="ruleId"
                pagination={false}
                loading={dash.isFetching}
                dataSource={data?.totalsByRule ?? []}
                locale={{ emptyText: <Empty description={M.compliance.byRuleEmpty} /> }}
                data-testid="compliance-by-rule"
                columns={[
                  {
                    title: M.compliance.rule,
                    dataIndex: 'ruleId',
                    width: 90,
                    render: (id: string) => <Link to={findingsUrl(id)}>{id}</Link>,
                  },
                  { title: M.compliance.ruleTitle, dataIndex: 'title' },
                  { title: M.compliance.severity.violation, dataIndex: 'violation', width: 56 },
                  { title: M.compliance.severity.warn, dataIndex: 'warn', width: 56 },
                  { title: M.compliance.severity.info, dataIndex: 'info', width: 56 },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
