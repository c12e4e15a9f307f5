import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  HomeOutlined,
  FileDoneOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { MeResponse } from '../../shared/contracts/auth.contract.ts';
import { ApiError } from '../api/client.ts';
import { useLogout, useMe } from '../api/useAuth.ts';
import { hasOrgScope } from '../lib/scope.ts';
import { M } from '../messages.ts';
import { ErrorResult } from './ErrorResult.tsx';
import { PageLoading } from './PageLoading.tsx';

/** 工作台 and 我的日历, for everyone signed in. */
const ownItems = (): NonNullable<MenuProps['items']> => [
  { key: 'home', icon: <HomeOutlined />, label: <Link to="/home">{M.nav.home}</Link> },
  { key: 'me', icon: <CalendarOutlined />, label: <Link to="/me/calendar">{M.nav.myCalendar}</Link> },
];

function menuItems(me: MeResponse): MenuProps['items'] {
  if (!hasOrgScope(me)) {
    return me.user.personId
      ? [
          ...ownItems(),
          {
            key: 'people',
            icon: <IdcardOutlined />,
            label: <Link to={`/people/${me.user.personId}`}>{M.nav.myRecord}</Link>,
          },
        ]
      : ownItems();
  }
  const items: MenuProps['items'] = [
    ...ownItems(),
    { key: 'orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">{M.nav.orgs}</Link> },
    { key: 'people', icon: <TeamOutlined />, label: <Link to="/people">{M.nav.people}</Link> },
  ];
  if (me.canWrite)
    items.push({ key: 'import', icon: <UploadOutlined />, label: <Link to="/import">{M.nav.import}</Link> });
  items.push(
    {
      key: 'compliance',
      icon: <DashboardOutlined />,
      label: <Link to="/compliance">{M.nav.compliance}</Link>,
    },
    { key: 'standards', icon: <BookOutlined />, label: <Link to="/standards">{M.nav.standards}</Link> },
  );
  if (me.canWrite)
    items.push({
      key: 'meetings',
      icon: <FileDoneOutlined />,
      label: <Link to="/meetings/review">{M.meetingWork.reviewQueue}</Link>,
    });
  items.push({ key: 'audit', icon: <AuditOutlined />, label: <Link to="/audit">{M.nav.audit}</Link> });
  return items;
}

/** Signed-in shell: left navigation, header with the user's name, 修改密码 and 退出. */
export function AppLayout() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return <ErrorResult error={me.error} />;
  }

  const handleLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };
  const section = location.pathname.split('/')[1] ?? '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 24px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#c00' }}>
            {M.appName}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {M.appSubtitle}
          </Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[section]} items={menuItems(me.data)} data-testid="main-nav" />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="middle">
            <span data-testid="current-user">
              <UserOutlined /> {me.data.user.displayName}
            </span>
            <Link to="/account/password">
              <KeyOutlined /> {M.nav.changePassword}
            </Link>
            <Button type="link" icon={<LogoutOutlined />} onClick={handleLogout} data-testid="logout">
              {M.nav.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
