import { Empty, Table } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router';
import type { PersonListRow } from '../../shared/contracts/people.contract.ts';
import type { MemberStatus } from '../../shared/enums.ts';
import { type PeopleQuery, usePeopleList } from '../api/usePeople.ts';
import { fmtDate } from '../lib/dates.ts';
import { M } from '../messages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { StatusTag } from './StatusTag.tsx';

interface PersonTableProps {
  query: PeopleQuery;
  onPageChange: (page: number, pageSize: number) => void;
  emptyText?: ReactNode;
}

const orEmpty = (v: string | number | null) => (v === null || v === '' ? M.common.none : v);

/** Server-paginated people list; each name links to the person's page. */
export function PersonTable({ query, onPageChange, emptyText }: PersonTableProps) {
  const list = usePeopleList(query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;

  return (
    <div data-testid="people-table">
      <ErrorAlert error={list.error} />
      <Table<PersonListRow>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={emptyText ?? M.people.empty} /> }}
        onRow={(p) =>
          ({ 'data-testid': 'people-row', 'data-person-id': p.id }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: M.common.total,
          onChange: (p, ps) => onPageChange(ps === pageSize ? p : 1, ps),
        }}
        columns={[
          {
            title: M.people.name,
            dataIndex: 'name',
            fixed: 'start',
            width: 110,
            render: (name: string, p) => <Link to={`/people/${p.id}`}>{name}</Link>,
          },
          { title: M.people.gender, dataIndex: 'gender', width: 60, render: orEmpty },
          { title: M.people.age, dataIndex: 'age', width: 60, render: orEmpty },
          {
            title: M.people.status,
            dataIndex: 'status',
            width: 120,
            render: (s: MemberStatus) => <StatusTag status={s} />,
          },
          { title: M.people.statusSince, dataIndex: 'statusSince', width: 110, render: fmtDate },
          {
            title: M.people.org,
            dataIndex: 'orgName',
            ellipsis: true,
            render: (n: string, p) => <Link to={`/orgs/${p.orgId}`}>{n}</Link>,
          },
          { title: M.people.partyAge, dataIndex: 'partyAge', width: 60, render: orEmpty },
          { title: M.people.education, dataIndex: 'education', width: 100, render: orEmpty },
          { title: M.people.phone, dataIndex: 'phone', width: 130, render: orEmpty },
          { title: M.people.idNumber, dataIndex: 'idNumber', width: 190, render: orEmpty },
        ]}
      />
    </div>
  );
}
