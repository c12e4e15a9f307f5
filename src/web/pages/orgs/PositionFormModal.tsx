import { App, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DUTIES,
  DUTY_LABEL,
  type Duty,
  ELECTION_KIND_LABEL,
  POSITION_ROLE_LABEL,
  POSITION_ROLES,
  type PositionRole,
} from '../../../shared/enums.ts';
import { useAddPosition, useElections } from '../../api/useOrgs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { fmtDate, toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface PositionValues {
  personId: string;
  role: PositionRole;
  duty?: Duty;
  validFrom: Dayjs;
  electionId?: string;
}
const FIELDS = ['personId', 'role', 'duty', 'validFrom', 'electionId'] as const;
const roleOptions = POSITION_ROLES.map((r) => ({ value: r, label: POSITION_ROLE_LABEL[r] }));
const dutyOptions = DUTIES.map((d) => ({ value: d, label: DUTY_LABEL[d] }));

/** 任职登记: a committee position for a member of this org. */
export function PositionFormModal({
  orgId,
  open,
  onClose,
}: {
  orgId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PositionValues>();
  const { message } = App.useApp();
  const add = useAddPosition(orgId);
  const elections = useElections(orgId);
  const { error, handleError, clearError } = useFormError(form, FIELDS);
  const electionOptions = (elections.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${fmtDate(e.heldOn)} ${ELECTION_KIND_LABEL[e.kind]}`,
  }));

  const handleFinish = (v: PositionValues) => {
    clearError();
    const body = {
      personId: v.personId,
      role: v.role,
      duty: v.duty ?? null,
      validFrom: toIsoDate(v.validFrom) ?? '',
      electionId: v.electionId ?? null,
    };
    add.mutate(body, {
      onSuccess: () => {
        message.success(M.committee.added);
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <FormModal<PositionValues>
      title={M.committee.addTitle}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={add.isPending}
      error={error}
      initialValues={{ validFrom: dayjs(), role: 'committee_member' }}
      testId="position-form"
    >
      <Form.Item name="personId" label={M.committee.person} rules={[{ required: true }]}>
        <PersonPicker orgId={orgId} placeholder={M.committee.personPlaceholder} />
      </Form.Item>
      <Form.Item name="role" label={M.committee.role} rules={[{ required: true }]}>
        <Select options={roleOptions} />
      </Form.Item>
      <Form.Item name="duty" label={M.committee.duty}>
        <Select options={dutyOptions} allowClear />
      </Form.Item>
      <Form.Item name="validFrom" label={M.committee.validFrom} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="electionId" label={M.orgs.tabElections}>
        <Select options={electionOptions} allowClear />
      </Form.Item>
    </FormModal>
  );
}
