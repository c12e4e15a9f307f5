import { Alert, Space, Typography } from 'antd';
import { useMe } from '../../api/useAuth.ts';
import { M } from '../../messages.ts';
import { CalendarView } from './CalendarView.tsx';
import { FeedTokenCard } from './FeedTokenCard.tsx';

/** /me/calendar — 我的日历: the caller's meetings and deadlines, and the personal ICS feed. */
export default function MyCalendarPage() {
  const me = useMe();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-calendar-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {M.calendar.myTitle}
      </Typography.Title>
      {me.data && !me.data.user.personId && <Alert type="info" showIcon title={M.calendar.noPerson} />}
      <CalendarView source="me" />
      <FeedTokenCard />
    </Space>
  );
}
