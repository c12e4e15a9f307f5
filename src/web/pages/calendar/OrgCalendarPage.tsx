import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useOrgDetail } from '../../api/useOrgs.ts';
import { M } from '../../messages.ts';
import { CalendarView } from './CalendarView.tsx';

/** The month calendar of one org, embeddable as the org page's 日历 tab. */
export function OrgCalendar({ orgId }: { orgId: string }) {
  return <CalendarView source={{ orgId }} />;
}

/** /orgs/:id/calendar — an org's month calendar (links from 待办 land here). */
export default function OrgCalendarPage() {
  const { id = '' } = useParams();
  const org = useOrgDetail(id);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="org-calendar-page">
      <Space>
        <Link to={`/orgs/${id}`}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {M.calendar.orgTitle(org.data?.name ?? '')}
        </Typography.Title>
      </Space>
      <OrgCalendar key={id} orgId={id} />
    </Space>
  );
}
