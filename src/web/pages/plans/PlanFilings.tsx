import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PlanFilingRow } from '../../../shared/contracts/plans.contract.ts';
import { usePlanFilings } from '../../api/usePlans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const STATUS_COLOR: Record<string, string> = { none: 'red', draft: 'orange', filed: 'green' };

/** For a parent org: each branch of its subtree with its plan's filing status and items held so far. */
export function PlanFilings({ orgId, year }: { orgId: string; year: number }) {
  const q = usePlanFilings(orgId, year);
  return (
    <Card size="small" title={M.plans.filings} data-testid="plan-filings">
      <ErrorAlert error={q.error} />
      {q.data && (
        <Typography.Paragraph type="secondary">{M.plans.filingsIntro(q.data.dueDate)}</Typography.Paragraph>
      )}
      <Table<PlanFilingRow>
        size="small"
        rowKey="orgId"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: M.plans.branch,
            dataIndex: 'orgName',
            render: (name: string, r) => <Link to={`/orgs/${r.orgId}`}>{name}</Link>,
          },
          { title: M.plans.code, dataIndex: 'orgCode', width: 120 },
          {
            title: M.plans.status,
            width: 220,
            render: (_: unknown, r) => (
              <>
                <Tag color={STATUS_COLOR[r.status]}>{M.plans.statuses[r.status]}</Tag>
                {r.filedOn && fmtDate(r.filedOn)}{' '}
                {r.onTime === false && <Tag color="red">{M.plans.late}</Tag>}
              </>
            ),
          },
          { title: M.plans.itemCount, dataIndex: 'itemCount', width: 100 },
          { title: M.plans.heldCount, dataIndex: 'heldCount', width: 100 },
        ]}
      />
    </Card>
  );
}
