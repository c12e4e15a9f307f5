import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { MEETING_TAGS, MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import type { PlanItemBody, PlanResponse } from '../../../shared/contracts/plans.contract.ts';
import { usePlanWrites } from '../../api/usePlans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

type Row = {
  key: string;
  plannedOn: string;
  tags: MeetingTag[];
  theme: string;
  lecturerId: string | null;
  note: string | null;
  meetingId: string | null;
};

const TAG_OPTIONS = MEETING_TAGS.map((t) => ({ value: t, label: MEETING_TAG_LABEL[t] }));
let seq = 0;

/** The editable table of a draft plan: every item's date, kinds, theme, lecturer (党课) and note; save, then file. */
export function PlanEditor({ data }: { data: PlanResponse }) {
  const plan = data.plan!;
  const { message } = App.useApp();
  const writes = usePlanWrites(data.orgId, data.year);
  const [rows, setRows] = useState<Row[]>(() =>
    plan.items.map((i) => ({ ...i, key: i.id, tags: i.tags as MeetingTag[] })),
  );
  const [dirty, setDirty] = useState(false);
  const change = (key: string, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const handleAdd = () => {
    setRows((rs) => [
      ...rs,
      {
        key: `new${++seq}`,
        plannedOn: `${data.year}-12-01`,
        tags: [],
        theme: '',
        lecturerId: null,
        note: null,
        meetingId: null,
      },
    ]);
    setDirty(true);
  };
  const body = (): PlanItemBody[] => rows.map(({ key: _k, ...r }) => ({ ...r, note: r.note || null }));
  const handleSave = () =>
    writes.save.mutate(
      { planId: plan.id, version: plan.version, items: body() },
      {
        onSuccess: () => {
          setDirty(false);
          message.success(M.plans.saved);
        },
      },
    );
  const handleFile = () => writes.file.mutate({ planId: plan.id, version: plan.version });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={writes.save.error ?? writes.file.error} />
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1080, y: 480 }}
        data-testid="plan-editor"
        columns={[
          {
            title: M.plans.plannedOn,
            width: 150,
            render: (_: unknown, r) => (
              <DatePicker
                value={fromIsoDate(r.plannedOn)}
                allowClear={false}
                onChange={(d) => change(r.key, { plannedOn: toIsoDate(d) ?? r.plannedOn })}
              />
            ),
          },
          {
            title: M.plans.kinds,
            width: 220,
            render: (_: unknown, r) => (
              <Select
                mode="multiple"
                style={{ width: '100%' }}
                value={r.tags}
                options={TAG_OPTIONS}
                onChange={(tags: MeetingTag[]) => change(r.key, { tags })}
              />
            ),
          },
          {
            title: M.plans.theme,
            width: 320,
            render: (_: unknown, r) => (
              <Input
                data-testid="plan-theme"
                value={r.theme}
                maxLength={200}
                onChange={(e) => change(r.key, { theme: e.target.value })}
              />
            ),
          },
          {
            title: M.plans.lecturer,
            width: 150,
            render: (_: unknown, r) =>
              r.tags.includes('party_lecture') ? (
                <PersonPicker
                  orgId={data.orgId}
                  value={r.lecturerId ?? undefined}
                  onChange={(id) => change(r.key, { lecturerId: id ?? null })}
                />
              ) : (
                M.common.none
              ),
          },
          {
            title: M.plans.note,
            width: 160,
            render: (_: unknown, r) => (
              <Input
                value={r.note ?? ''}
                maxLength={500}
                onChange={(e) => change(r.key, { note: e.target.value })}
              />
            ),
          },
          {
            title: M.common.actions,
            width: 70,
            render: (_: unknown, r) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={M.plans.remove}
                onClick={() => {
                  setRows((rs) => rs.filter((x) => x.key !== r.key));
                  setDirty(true);
                }}
              />
            ),
          },
        ]}
      />
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={handleAdd}>
          {M.plans.addItem}
        </Button>
        <Button
          type="primary"
          disabled={!dirty}
          loading={writes.save.isPending}
          onClick={handleSave}
          data-testid="plan-save"
        >
          {M.plans.save}
        </Button>
        <Popconfirm title={M.plans.fileConfirm(data.filingTarget)} onConfirm={handleFile} disabled={dirty}>
          <Button disabled={dirty} loading={writes.file.isPending} data-testid="plan-file">
            {M.plans.file}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
