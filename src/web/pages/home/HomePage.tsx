import { Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../api/useAuth.ts';
import { M } from '../../messages.ts';
import { CalendarView } from '../calendar/CalendarView.tsx';
import { TodoList } from './TodoList.tsx';

/** /home — 工作台: the 待办 list and this month's calendar (the caller's own, or their first org's). */
export default function HomePage() {
  const me = useMe();
  const orgId = me.data?.user.personId ? null : (me.data?.homeOrgIds[0] ?? null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="home-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {M.home.title}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <TodoList />
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <CalendarView source={orgId ? { orgId } : 'me'} compact />
            <Link to={orgId ? `/orgs/${orgId}/calendar` : '/me/calendar'}>{M.home.openCalendar}</Link>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
