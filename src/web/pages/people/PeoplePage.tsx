import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiUrl } from '../../api/client.ts';
import { useMe } from '../../api/useAuth.ts';
import { peopleSearchParams } from '../../api/usePeople.ts';
import { PersonTable } from '../../components/PersonTable.tsx';
import { M } from '../../messages.ts';
import { PeopleFilters, type PeopleFilterValues } from './PeopleFilters.tsx';
import { parsePeopleQuery } from './peopleQuery.ts';

/** /people — filtered, server-paginated list; filters live in the URL. */
export default function PeoplePage() {
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => parsePeopleQuery(sp), [sp]);
  const me = useMe();

  const handleApply = (filters: PeopleFilterValues) => {
    setSp(peopleSearchParams({ ...filters, page: 1, pageSize: query.pageSize }));
  };
  const handlePageChange = (page: number, pageSize: number) => {
    setSp(peopleSearchParams({ ...query, page, pageSize }));
  };

  return (
    <Card
      title={M.people.title}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/people/export.xlsx', peopleSearchParams(query, false))}
            data-testid="people-export"
          >
            {M.people.export}
          </Button>
          {me.data?.canWrite && (
            <Link to={query.orgId ? `/people/new?orgId=${query.orgId}` : '/people/new'}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="people-create">
                {M.people.create}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <PeopleFilters query={query} onApply={handleApply} />
      <div style={{ marginTop: 8 }}>
        <PersonTable query={query} onPageChange={handlePageChange} />
      </div>
    </Card>
  );
}
