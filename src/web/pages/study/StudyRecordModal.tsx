import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StudyRecordView } from '../../../shared/contracts/study.contract.ts';
import { STUDY_KIND_LABEL, STUDY_KINDS, type StudyKind } from '../../../shared/study-enums.ts';
import { useStudyRecordMutations } from '../../api/useStudy.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface Values {
  date: Dayjs;
  hours: number;
  kind: StudyKind;
  title?: string;
  provider?: string;
}
const FIELDS = ['date', 'hours', 'kind', 'title', 'provider'] as const;
const kindOptions = STUDY_KINDS.map((k) => ({ value: k, label: STUDY_KIND_LABEL[k] }));

/** 登记 / 修改学习记录 (EDU-006: hours in half hours, at most 24 a record). */
export function StudyRecordModal({
  personId,
  record,
  onClose,
}: {
  personId: string;
  record: StudyRecordView | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { create, update } = useStudyRecordMutations(personId);
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleFinish = (v: Values) => {
    clearError();
    const body = {
      date: toIsoDate(v.date) ?? '',
      hours: v.hours,
      kind: v.kind,
      title: v.title || null,
      provider: v.provider || null,
    };
    const done = {
      onSuccess: () => {
        message.success(M.study.saved);
        onClose();
      },
      onError: handleError,
    };
    if (record) update.mutate({ id: record.id, version: record.version, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <FormModal<Values>
      title={record ? M.study.edit : M.study.add}
      open
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={create.isPending || update.isPending}
      error={error}
      initialValues={
        record
          ? {
              date: fromIsoDate(record.date) ?? dayjs(),
              hours: record.hours,
              kind: record.kind,
              title: record.title ?? undefined,
              provider: record.provider ?? undefined,
            }
          : { date: dayjs(), hours: 2, kind: 'collective_study' }
      }
      testId="study-form"
    >
      <Form.Item name="date" label={M.study.date} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind" label={M.study.kind} rules={[{ required: true }]}>
        <Select options={kindOptions} data-testid="study-kind" />
      </Form.Item>
      <Form.Item name="hours" label={M.study.hours} rules={[{ required: true }]}>
        <InputNumber min={0.5} max={24} step={0.5} precision={1} data-testid="study-hours" />
      </Form.Item>
      <Form.Item name="title" label={M.study.title}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="provider" label={M.study.provider}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
