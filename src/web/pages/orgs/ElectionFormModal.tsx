import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ELECTION_KIND_LABEL, ELECTION_KINDS, type ElectionKind } from '../../../shared/enums.ts';
import { useAddElection } from '../../api/useOrgs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface ElectionValues {
  heldOn: Dayjs;
  kind: ElectionKind;
  termYears: number;
  note?: string;
}
const FIELDS = ['heldOn', 'kind', 'termYears', 'note'] as const;
const kindOptions = ELECTION_KINDS.map((k) => ({ value: k, label: ELECTION_KIND_LABEL[k] }));

/** 登记选举: a regular (换届) or by-election (增补). */
export function ElectionFormModal({
  orgId,
  open,
  onClose,
}: {
  orgId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ElectionValues>();
  const { message } = App.useApp();
  const add = useAddElection(orgId);
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleFinish = (v: ElectionValues) => {
    clearError();
    const body = {
      heldOn: toIsoDate(v.heldOn) ?? '',
      kind: v.kind,
      termYears: v.termYears,
      note: v.note || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        message.success(M.term.registered);
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <FormModal<ElectionValues>
      title={M.term.register}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={add.isPending}
      error={error}
      initialValues={{ heldOn: dayjs(), kind: 'regular', termYears: 3 }}
      testId="election-form"
    >
      <Form.Item name="heldOn" label={M.term.heldOn} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind" label={M.term.kind} rules={[{ required: true }]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="termYears" label={M.term.termYears} rules={[{ required: true }]}>
        <InputNumber min={1} max={10} precision={0} />
      </Form.Item>
      <Form.Item name="note" label={M.common.note}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
