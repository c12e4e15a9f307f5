import { App, Form } from 'antd';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { useMoveOrg } from '../../api/useOrgs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface MoveValues {
  parentId: string;
}
const FIELDS = ['parentId'] as const;

interface OrgMoveModalProps {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}

/** 调整隶属: choose a new parent by search (the server refuses cycles with 422). */
export function OrgMoveModal({ org, open, onClose, onReload }: OrgMoveModalProps) {
  const [form] = Form.useForm<MoveValues>();
  const { message } = App.useApp();
  const move = useMoveOrg(org.id, org.parentId);
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleCancel = () => {
    clearError();
    onClose();
  };
  const handleFinish = (v: MoveValues) => {
    clearError();
    move.mutate(
      { version: org.version, parentId: v.parentId },
      {
        onSuccess: () => {
          message.success(M.orgs.moved);
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <FormModal<MoveValues>
      title={`${M.orgs.moveTitle}：${org.name}`}
      open={open}
      form={form}
      onCancel={handleCancel}
      onFinish={handleFinish}
      loading={move.isPending}
      error={error}
      onReload={() => {
        clearError();
        onReload?.();
      }}
      testId="org-move-form"
    >
      <Form.Item
        name="parentId"
        label={M.orgs.newParent}
        rules={[{ required: true, message: M.common.requiredSelect(M.orgs.newParent) }]}
      >
        <OrgPicker exclude={[org.id, ...(org.parentId ? [org.parentId] : [])]} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
