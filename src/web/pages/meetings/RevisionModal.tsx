import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { M } from '../../messages.ts';

const W = M.meetingWork;

/** Asks for the reason of a revision of a locked record (at least 5 characters, as the server requires). */
export function RevisionModal({
  open,
  title = W.revise,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title?: string;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      form.resetFields();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={ok}
      confirmLoading={busy}
      okText={M.common.confirm}
      destroyOnHidden
      data-testid="revision-modal"
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={W.reviseReason}
          rules={[
            { required: true, message: W.reviseReasonRule },
            {
              validator: async (_r, v?: string) => {
                if (v && v.trim().length < 5) throw new Error(W.reviseReasonRule);
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="revision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
