import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonDetail } from '../../../shared/contracts/people.contract.ts';
import { MEMBER_STATUS_LABEL, MEMBER_STATUSES, type MemberStatus } from '../../../shared/enums.ts';
import { useChangeStatus } from '../../api/usePeople.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface StatusValues {
  status: MemberStatus;
  orgId?: string;
  from: Dayjs;
  note?: string;
}
const FIELDS = ['status', 'orgId', 'from', 'note'] as const;
const statusOptions = MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABEL[s] }));

interface StatusChangeModalProps {
  person: PersonDetail;
  onClose: () => void;
  onReload: () => void;
}

/** 状态变更/转接: closes the current membership row and opens a new one. */
export function StatusChangeModal({ person, onClose, onReload }: StatusChangeModalProps) {
  const [form] = Form.useForm<StatusValues>();
  const { message } = App.useApp();
  const change = useChangeStatus(person.id);
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleFinish = (v: StatusValues) => {
    clearError();
    const body = {
      version: person.version,
      status: v.status,
      orgId: v.orgId || undefined,
      from: toIsoDate(v.from) ?? '',
      note: v.note?.trim() || undefined,
    };
    change.mutate(body, {
      onSuccess: () => {
        message.success(M.statusChange.done);
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <FormModal<StatusValues>
      title={`${M.statusChange.title}：${person.name}`}
      open
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={change.isPending}
      error={error}
      onReload={() => {
        clearError();
        onReload();
      }}
      initialValues={{ status: person.current?.status, from: dayjs() }}
      testId="status-change-form"
    >
      <Form.Item name="status" label={M.statusChange.newStatus} rules={[{ required: true }]}>
        <Select options={statusOptions} data-testid="status-change-status" />
      </Form.Item>
      <Form.Item name="orgId" label={M.statusChange.targetOrg}>
        <OrgPicker exclude={person.current ? [person.current.orgId] : []} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="from" label={M.statusChange.from} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={M.common.note}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
