import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router';
import type { MembershipView, PersonDetail } from '../../../shared/contracts/people.contract.ts';
import { DUTY_LABEL, POSITION_ROLE_LABEL } from '../../../shared/enums.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { labelOf } from '../../lib/labels.ts';
import { M } from '../../messages.ts';

type PositionRow = PersonDetail['positions'][number];

const roleLabel = (r: string) => labelOf(POSITION_ROLE_LABEL, r);
const dutyLabel = (d: string | null) => labelOf(DUTY_LABEL, d);
const period = (from: string, to: string | null) =>
  `${fmtDate(from)} ~ ${to ? fmtDate(to) : M.people.current}`;

/** 组织关系历史 (newest first) and 任职情况. */
export function PersonHistory({ person, linkOrgs }: { person: PersonDetail; linkOrgs: boolean }) {
  return (
    <>
      <Card title={M.people.history} size="small" style={{ marginBottom: 16 }}>
        <Table<MembershipView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={person.history}
          data-testid="person-history"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.people.historyEmpty} />,
          }}
          columns={[
            { title: M.people.period, key: 'period', render: (_, m) => period(m.validFrom, m.validTo) },
            {
              title: M.people.status,
              dataIndex: 'status',
              render: (_, m) => <StatusTag status={m.status} />,
            },
            {
              title: M.people.org,
              dataIndex: 'orgName',
              render: (n: string, m) => (linkOrgs ? <Link to={`/orgs/${m.orgId}`}>{n}</Link> : n),
            },
            { title: M.common.note, dataIndex: 'note', render: (n: string | null) => n ?? M.common.none },
          ]}
        />
      </Card>
      <Card title={M.people.positions} size="small">
        <Table<PositionRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={person.positions}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.people.positionsEmpty} />,
          }}
          columns={[
            { title: M.people.org, dataIndex: 'orgName' },
            { title: M.committee.role, dataIndex: 'role', render: roleLabel },
            { title: M.committee.duty, dataIndex: 'duty', render: dutyLabel },
            { title: M.people.period, key: 'period', render: (_, p) => period(p.validFrom, p.validTo) },
          ]}
        />
      </Card>
    </>
  );
}
