import { Card, Table } from 'antd';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { MEMBER_STATUSES, MEMBER_STATUS_LABEL, type MemberStatus } from '../../../shared/enums.ts';
import { M } from '../../messages.ts';

interface CountRow {
  status: MemberStatus;
  current: number;
  subtree: number;
}

/** Current members by status, for the org itself and its whole subtree. */
export function OrgCounts({ org }: { org: OrgDetail }) {
  const rows: CountRow[] = MEMBER_STATUSES.filter((s) => s !== 'left').map((status) => ({
    status,
    current: org.counts[status] ?? 0,
    subtree: org.subtreeCounts[status] ?? 0,
  }));
  return (
    <Card title={M.orgs.countsTitle} size="small" data-testid="org-counts">
      <Table<CountRow>
        size="small"
        rowKey="status"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: M.people.status,
            dataIndex: 'status',
            render: (s: MemberStatus) => MEMBER_STATUS_LABEL[s],
          },
          { title: M.orgs.countsCurrent, dataIndex: 'current', align: 'right' },
          { title: M.orgs.countsSubtree, dataIndex: 'subtree', align: 'right' },
        ]}
      />
    </Card>
  );
}
