import { App, Button, Card, Col, DatePicker, Form, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { MEMBER_STATUS_LABEL, MEMBER_STATUSES, type MemberStatus } from '../../../shared/enums.ts';
import { useCreatePerson } from '../../api/usePeople.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';
import { PERSON_FIELDS, PersonFields, type PersonFieldValues, personBody } from './PersonFields.tsx';

type NewStatus = Exclude<MemberStatus, 'left'>;
interface NewPersonValues extends PersonFieldValues {
  orgId: string;
  status: NewStatus;
  statusFrom: Dayjs;
}

const FIELDS = [...PERSON_FIELDS, 'orgId', 'status', 'statusFrom'] as const;
const statusOptions = MEMBER_STATUSES.filter((s): s is NewStatus => s !== 'left').map((s) => ({
  value: s,
  label: MEMBER_STATUS_LABEL[s],
}));

/** /people/new — create a person with their first membership row. */
export default function PersonNewPage() {
  const [form] = Form.useForm<NewPersonValues>();
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreatePerson();
  const { error, handleError, clearError } = useFormError(form, FIELDS);

  const handleFinish = (v: NewPersonValues) => {
    clearError();
    const body = {
      ...personBody(v),
      orgId: v.orgId,
      status: v.status,
      statusFrom: toIsoDate(v.statusFrom) ?? '',
    };
    create.mutate(body, {
      onSuccess: ({ id }) => {
        message.success(M.people.created);
        navigate(`/people/${id}`);
      },
      onError: handleError,
    });
  };

  return (
    <Card title={M.people.createTitle}>
      <ErrorAlert error={error} />
      <Form<NewPersonValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ orgId: sp.get('orgId') ?? undefined, status: 'full', statusFrom: dayjs() }}
        style={{ maxWidth: 860 }}
        data-testid="person-create-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgId"
              label={M.people.org}
              rules={[{ required: true, message: M.common.requiredSelect(M.people.org) }]}
            >
              <OrgPicker style={{ width: '100%' }} testId="person-org" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="status" label={M.people.status} rules={[{ required: true }]}>
              <Select options={statusOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="statusFrom" label={M.people.statusFrom} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <PersonFields />
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="person-create-submit"
          >
            {M.common.save}
          </Button>
          <Button onClick={() => navigate(-1)}>{M.common.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}
