import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { M } from '../../messages.ts';

const W = M.meetingWork;

/** The parent org's review: 退回 needs a comment; 审核通过并锁定 may carry one. */
export function ReviewModal({
  action,
  onCancel,
  onConfirm,
}: {
  action: 'return' | 'lock' | null;
  onCancel: () => void;
  onConfirm: (action: 'return' | 'lock', comment: string | null) => Promise<void>;
}) {
  const [form] = Form.useForm<{ comment?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    if (!action) return;
    const { comment } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(action, comment?.trim() || null);
      form.resetFields();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!action}
      title={action === 'return' ? W.returnAction : W.lockAction}
      onCancel={onCancel}
      onOk={ok}
      confirmLoading={busy}
      okText={action === 'return' ? W.returnAction : W.lockAction}
      okButtonProps={{ danger: action === 'return' }}
      destroyOnHidden
      data-testid="review-modal"
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={W.reviewComment}
          rules={
            action === 'return'
              ? [{ required: true, whitespace: true, message: W.returnCommentRequired }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
