import { Alert, App, Button, Card, Form, Input } from 'antd';
import { ChangePasswordBody } from '../../shared/contracts/auth.contract.ts';
import { useChangePassword } from '../api/useAuth.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useFormError } from '../lib/formErrors.ts';
import { zodRule } from '../lib/zodRule.ts';
import { M } from '../messages.ts';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['oldPassword', 'newPassword'] as const;

/** /account/password — change one's own password. */
export default function PasswordPage() {
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const change = useChangePassword();
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleFinish = ({ oldPassword, newPassword }: PasswordValues) => {
    clearError();
    change.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: () => {
          message.success(M.password.done);
          form.resetFields();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Card title={M.password.title} style={{ maxWidth: 480 }}>
      <ErrorAlert error={error} />
      {change.isSuccess && (
        <Alert type="success" showIcon title={M.password.done} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={handleFinish} data-testid="password-form">
        <Form.Item
          name="oldPassword"
          label={M.password.old}
          rules={[{ required: true, message: M.common.requiredField(M.password.old) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={M.password.new}
          extra={M.password.rule}
          rules={[
            { required: true, message: M.common.requiredField(M.password.new) },
            zodRule(ChangePasswordBody.shape.newPassword),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={M.password.confirm}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: M.common.requiredField(M.password.confirm) },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(M.password.mismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {M.common.submit}
        </Button>
      </Form>
    </Card>
  );
}
