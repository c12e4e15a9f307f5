import { App, Button, Card, DatePicker, Empty, Form, Space, Switch, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrgDetail, PositionView } from '../../../shared/contracts/orgs.contract.ts';
import { DUTY_LABEL, POSITION_ROLE_LABEL } from '../../../shared/enums.ts';
import { useEndPosition, usePositions } from '../../api/useOrgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtDate, toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';
import { PositionFormModal } from './PositionFormModal.tsx';

const END_FIELDS = ['validTo'] as const;

function EndPositionModal({
  orgId,
  position,
  onClose,
}: {
  orgId: string;
  position: PositionView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const { message } = App.useApp();
  const end = useEndPosition(orgId);
  const { error, handleError, clearError } = useFormError(form, END_FIELDS);
  const handleFinish = (v: { validTo: Dayjs }) => {
    clearError();
    const body = { version: position.version, validTo: toIsoDate(v.validTo) ?? '' };
    end.mutate(
      { positionId: position.id, body },
      {
        onSuccess: () => {
          message.success(M.committee.ended);
          onClose();
        },
        onError: handleError,
      },
    );
  };
  return (
    <FormModal<{ validTo: Dayjs }>
      title={`${M.committee.endTitle}：${position.personName}`}
      open
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={end.isPending}
      error={error}
      initialValues={{ validTo: dayjs() }}
      testId="position-end-form"
    >
      <Form.Item name="validTo" label={M.committee.validTo} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** 委员会组成: current committee (or all past positions) with 卸任 and 任职登记. */
export function CommitteeCard({ org }: { org: OrgDetail }) {
  const [showAll, setShowAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PositionView | null>(null);
  const all = usePositions(org.id, true, showAll);
  const writable = org.canWrite && !org.dissolvedOn;
  const rows = showAll ? (all.data?.items ?? []) : org.positions;

  return (
    <Card
      title={M.committee.title}
      size="small"
      data-testid="committee"
      extra={
        <Space>
          <Switch size="small" checked={showAll} onChange={setShowAll} /> {M.committee.showAll}
          {writable && (
            <Button size="small" onClick={() => setAdding(true)} data-testid="position-add">
              {M.committee.add}
            </Button>
          )}
        </Space>
      }
    >
      {showAll && all.isError && <ErrorAlert error={all.error} />}
      <Table<PositionView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={showAll && all.isPending}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.committee.empty} /> }}
        columns={[
          {
            title: M.committee.person,
            dataIndex: 'personName',
            render: (name: string, p) => <Link to={`/people/${p.personId}`}>{name}</Link>,
          },
          {
            title: M.committee.role,
            dataIndex: 'role',
            render: (r: PositionView['role']) => POSITION_ROLE_LABEL[r],
          },
          {
            title: M.committee.duty,
            dataIndex: 'duty',
            render: (d: PositionView['duty']) => (d ? DUTY_LABEL[d] : M.common.none),
          },
          { title: M.committee.validFrom, dataIndex: 'validFrom', render: fmtDate },
          { title: M.committee.validTo, dataIndex: 'validTo', render: fmtDate },
          {
            title: M.common.actions,
            key: 'actions',
            render: (_, p) =>
              writable && !p.validTo ? (
                <Button size="small" type="link" onClick={() => setEnding(p)} data-testid="position-end">
                  {M.committee.end}
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && <PositionFormModal orgId={org.id} open onClose={() => setAdding(false)} />}
      {ending && <EndPositionModal orgId={org.id} position={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}
