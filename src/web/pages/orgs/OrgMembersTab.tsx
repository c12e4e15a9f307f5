import { Button, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { apiUrl } from '../../api/client.ts';
import { type PeopleQuery, peopleSearchParams } from '../../api/usePeople.ts';
import { PersonTable } from '../../components/PersonTable.tsx';
import { M } from '../../messages.ts';

/** 成员: people of this org and its subtree. */
export function OrgMembersTab({ org }: { org: OrgDetail }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query: PeopleQuery = { orgId: org.id, ...paging };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {org.canWrite && !org.dissolvedOn && (
          <Link to={`/people/new?orgId=${org.id}`}>
            <Button type="primary">{M.people.create}</Button>
          </Link>
        )}
        <Button
          href={apiUrl('/api/people/export.xlsx', peopleSearchParams(query, false))}
          data-testid="people-export"
        >
          {M.people.export}
        </Button>
      </Space>
      <PersonTable
        query={query}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        emptyText={M.people.orgEmpty}
      />
    </>
  );
}
