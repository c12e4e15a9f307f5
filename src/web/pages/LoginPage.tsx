import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { DemoAccountsResponse, LoginBody } from '../../shared/contracts/auth.contract.ts';
import { ROLE_LABEL } from '../../shared/enums.ts';
import { errorMessage } from '../api/client.ts';
import { useDemoAccounts, useLogin } from '../api/useAuth.ts';
import { labelOf } from '../lib/labels.ts';
import { M } from '../messages.ts';

type DemoAccount = DemoAccountsResponse['accounts'][number];

function DemoAccounts({ onFill }: { onFill: (a: DemoAccount) => void }) {
  const demo = useDemoAccounts();
  if (!demo.data?.demo || demo.data.accounts.length === 0) return null;
  return (
    <Card title={M.login.demoTitle} style={{ width: 640, marginTop: 16 }} data-testid="demo-accounts">
      <Typography.Paragraph type="secondary">{M.login.demoHint}</Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={demo.data.accounts}
        columns={[
          { title: M.login.username, dataIndex: 'username' },
          { title: M.login.password, dataIndex: 'password' },
          { title: M.login.role, dataIndex: 'role', render: (r: string) => labelOf(ROLE_LABEL, r) },
          { title: M.login.description, dataIndex: 'description' },
          {
            title: M.common.actions,
            key: 'fill',
            render: (_, a) => (
              <Button size="small" onClick={() => onFill(a)} data-testid={`demo-fill-${a.username}`}>
                {M.login.fill}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** /login — username/password form and, in demo mode, the demo accounts. */
export default function LoginPage() {
  const [form] = Form.useForm<LoginBody>();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const handleSubmit = (values: LoginBody) => {
    login.mutate(values, {
      onSuccess: () => navigate(from && from !== '/login' ? from : '/', { replace: true }),
    });
  };
  const handleFill = (a: DemoAccount) => {
    form.setFieldsValue({ username: a.username, password: a.password });
    login.reset();
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f5f5',
        padding: 24,
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#c8161d' }}>
          {M.appName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {M.appSubtitle}
        </Typography.Paragraph>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            title={errorMessage(login.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} onFinish={handleSubmit} data-testid="login-form" autoComplete="on">
          <Form.Item
            name="username"
            rules={[{ required: true, whitespace: true, message: M.common.requiredField(M.login.username) }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={M.login.username}
              autoComplete="username"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            rules={[{ required: true, message: M.common.requiredField(M.login.password) }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={M.login.password}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {M.login.submit}
          </Button>
        </Form>
      </Card>
      <DemoAccounts onFill={handleFill} />
    </div>
  );
}
