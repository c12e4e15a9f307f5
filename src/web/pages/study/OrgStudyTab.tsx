import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, InputNumber, Progress, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BranchStudyRow } from '../../../shared/contracts/study.contract.ts';
import { POSITION_ROLE_LABEL, type PositionRole } from '../../../shared/enums.ts';
import { STUDY_KIND_LABEL } from '../../../shared/study-enums.ts';
import { studyXlsxUrl, useOrgStudy } from '../../api/useStudy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { M } from '../../messages.ts';

/** 学习学时 on the org page: every member of the subtree, hours by kind, threshold, met or short; xlsx. */
export function OrgStudyTab({ orgId }: { orgId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [onlyShort, setOnlyShort] = useState(false);
  const table = useOrgStudy(orgId, year);
  const rows = (table.data?.rows ?? []).filter((r) => !onlyShort || !r.shortfall.met);
  return (
    <Card size="small" data-testid="org-study">
      <Space style={{ marginBottom: 12 }} wrap>
        {M.study.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Checkbox
          checked={onlyShort}
          onChange={(e) => setOnlyShort(e.target.checked)}
          data-testid="study-only-short"
        >
          {M.study.onlyShort}
        </Checkbox>
        <Button href={studyXlsxUrl(orgId, year)} icon={<DownloadOutlined />} data-testid="study-xlsx">
          {M.study.exportXlsx}
        </Button>
      </Space>
      <ErrorAlert error={table.error} />
      <Table<BranchStudyRow>
        size="small"
        rowKey={(r) => `${r.orgId}|${r.personId}`}
        loading={table.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.study.empty} /> }}
        columns={[
          { title: M.study.org, dataIndex: 'orgName', width: 180 },
          {
            title: M.study.name,
            dataIndex: 'name',
            width: 90,
            render: (name: string, r) => <Link to={`/people/${r.personId}`}>{name}</Link>,
          },
          {
            title: M.study.roles,
            dataIndex: 'roles',
            width: 90,
            render: (roles: string[]) =>
              roles.map((x) => POSITION_ROLE_LABEL[x as PositionRole] ?? x).join('、'),
          },
          {
            title: STUDY_KIND_LABEL.concentrated_training,
            width: 80,
            render: (_: unknown, r) => r.byKind.concentrated_training,
          },
          {
            title: STUDY_KIND_LABEL.collective_study,
            width: 80,
            render: (_: unknown, r) => r.byKind.collective_study,
          },
          { title: STUDY_KIND_LABEL.online, width: 80, render: (_: unknown, r) => r.byKind.online },
          { title: STUDY_KIND_LABEL.self_study, width: 60, render: (_: unknown, r) => r.byKind.self_study },
          {
            title: M.study.counted,
            width: 170,
            render: (_: unknown, r) => (
              <Progress
                size="small"
                percent={Math.min(100, Math.round((r.counted / r.minHours) * 100))}
                format={() => `${r.counted}/${r.minHours}`}
                status={r.shortfall.met ? 'success' : 'normal'}
              />
            ),
          },
          {
            title: M.study.status,
            width: 110,
            render: (_: unknown, r) => (
              <Tooltip title={M.study.ruleTip[r.ruleId]}>
                {r.shortfall.met ? (
                  <Tag color="green">{M.study.met}</Tag>
                ) : (
                  <Tag color="red">{M.study.notMet}</Tag>
                )}
              </Tooltip>
            ),
          },
        ]}
      />
    </Card>
  );
}
