import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { useDissolveOrg } from '../../api/useOrgs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface DissolveValues {
  dissolvedOn: Dayjs;
  note?: string;
}
const FIELDS = ['dissolvedOn', 'note'] as const;

interface OrgDissolveModalProps {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}

/** 撤销: record the dissolution date (the org is kept, never deleted). */
export function OrgDissolveModal({ org, open, onClose, onReload }: OrgDissolveModalProps) {
  const [form] = Form.useForm<DissolveValues>();
  const { message } = App.useApp();
  const dissolve = useDissolveOrg(org.id);
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleCancel = () => {
    clearError();
    onClose();
  };
  const handleFinish = (v: DissolveValues) => {
    clearError();
    const body = {
      version: org.version,
      dissolvedOn: toIsoDate(v.dissolvedOn) ?? '',
      note: v.note || undefined,
    };
    dissolve.mutate(body, {
      onSuccess: () => {
        message.success(M.orgs.dissolvedDone);
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <FormModal<DissolveValues>
      title={`${M.orgs.dissolveTitle}：${org.name}`}
      open={open}
      form={form}
      onCancel={handleCancel}
      onFinish={handleFinish}
      loading={dissolve.isPending}
      error={error}
      onReload={() => {
        clearError();
        onReload?.();
      }}
      initialValues={{ dissolvedOn: dayjs() }}
      okText={M.orgs.dissolve}
      testId="org-dissolve-form"
    >
      <Alert type="warning" showIcon title={M.orgs.dissolveHint} style={{ marginBottom: 16 }} />
      <Form.Item
        name="dissolvedOn"
        label={M.orgs.dissolveDate}
        rules={[{ required: true, message: M.common.requiredSelect(M.orgs.dissolveDate) }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={M.common.note}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
