import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OrgChangeView, OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { ORG_CHANGE_KIND_LABEL, ORG_CHANGE_KINDS, type OrgChangeKind } from '../../../shared/enums.ts';
import { useAddOrgChange, useOrgChanges } from '../../api/useOrgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtDate, toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface ChangeValues {
  kind: OrgChangeKind;
  appliedOn?: Dayjs | null;
  decidedOn?: Dayjs | null;
  approvalDoc?: string;
  filedOn?: Dayjs | null;
  note?: string;
}
const FIELDS = ['kind', 'appliedOn', 'decidedOn', 'approvalDoc', 'filedOn', 'note'] as const;
const kindOptions = ORG_CHANGE_KINDS.map((k) => ({ value: k, label: ORG_CHANGE_KIND_LABEL[k] }));

function OrgChangeFormModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const [form] = Form.useForm<ChangeValues>();
  const { message } = App.useApp();
  const add = useAddOrgChange(orgId);
  const { error, handleError, clearError } = useFormError(form, FIELDS);
  const handleFinish = (v: ChangeValues) => {
    clearError();
    const body = {
      kind: v.kind,
      appliedOn: toIsoDate(v.appliedOn),
      decidedOn: toIsoDate(v.decidedOn),
      approvalDoc: v.approvalDoc || null,
      filedOn: toIsoDate(v.filedOn),
      note: v.note || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        message.success(M.changes.added);
        onClose();
      },
      onError: handleError,
    });
  };
  return (
    <FormModal<ChangeValues>
      title={M.changes.add}
      open
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={add.isPending}
      error={error}
      testId="org-change-form"
    >
      <Form.Item name="kind" label={M.changes.kind} rules={[{ required: true }]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="appliedOn" label={M.changes.appliedOn}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="decidedOn" label={M.changes.decidedOn}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="approvalDoc" label={M.changes.approvalDoc}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="filedOn" label={M.changes.filedOn}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={M.common.note}>
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** 变更记录 (ORG-010): kind, applied/decided/filed dates and approval document. */
export function OrgChangesTab({ org }: { org: OrgDetail }) {
  const changes = useOrgChanges(org.id);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={M.changes.title}
      extra={
        org.canWrite ? (
          <Button size="small" onClick={() => setAdding(true)} data-testid="org-change-add">
            {M.changes.add}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={changes.error} />
      <Table<OrgChangeView>
        size="small"
        rowKey="id"
        loading={changes.isPending}
        dataSource={changes.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.changes.empty} /> }}
        columns={[
          {
            title: M.changes.kind,
            dataIndex: 'kind',
            render: (k: OrgChangeKind) => ORG_CHANGE_KIND_LABEL[k],
          },
          { title: M.changes.appliedOn, dataIndex: 'appliedOn', render: fmtDate },
          { title: M.changes.decidedOn, dataIndex: 'decidedOn', render: fmtDate },
          {
            title: M.changes.approvalDoc,
            dataIndex: 'approvalDoc',
            render: (d: string | null) => d ?? M.common.none,
          },
          { title: M.changes.filedOn, dataIndex: 'filedOn', render: fmtDate },
          { title: M.common.note, dataIndex: 'note', render: (n: string | null) => n ?? M.common.none },
        ]}
      />
      {adding && <OrgChangeFormModal orgId={org.id} onClose={() => setAdding(false)} />}
    </Card>
  );
}
