import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PointsEntryView } from '../../../shared/contracts/points.contract.ts';
import { usePersonPoints, usePointsItems, usePointsMutations } from '../../api/useStudy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate, toIsoDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const STATUS_COLOR: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

/** 积分 on the person page: the year's total and monthly tally (approved only), entries, a new entry. */
export function PersonPointsTab({ personId, orgId }: { personId: string; orgId: string | null }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const points = usePersonPoints(personId, year);
  const items = usePointsItems(orgId ?? undefined);
  const { create } = usePointsMutations();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemId: string; date: Dayjs; note?: string }>();
  const p = points.data;
  const active = (items.data?.items ?? []).filter((i) => i.active);
  const handleAdd = (v: { itemId: string; date: Dayjs; note?: string }) =>
    create.mutate(
      { personId, itemId: v.itemId, date: toIsoDate(v.date) ?? '', note: v.note || null },
      {
        onSuccess: () => {
          message.success(M.study.saved);
          form.resetFields();
        },
      },
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-points">
      <Space wrap>
        {M.points.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Tag title={M.points.ruleTip}>EDU-007</Tag>
      </Space>
      <ErrorAlert error={points.error ?? create.error} />
      <Card size="small">
        <Space size={32} wrap>
          <Statistic title={M.points.total} value={p?.total ?? 0} />
          {Object.entries(p?.months ?? {}).map(([m, v]) => (
            <Statistic key={m} title={m} value={v} />
          ))}
        </Space>
      </Card>
      {p?.canWrite && (
        <Card size="small" title={M.points.add}>
          {active.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.points.noItems} />
          ) : (
            <Form form={form} layout="inline" onFinish={handleAdd} initialValues={{ date: dayjs() }}>
              <Form.Item name="itemId" label={M.points.item} rules={[{ required: true }]}>
                <Select
                  style={{ width: 220 }}
                  options={active.map((i) => ({ value: i.id, label: `${i.name}（${i.points}分）` }))}
                />
              </Form.Item>
              <Form.Item name="date" label={M.points.date} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="note" label={M.points.note}>
                <Input maxLength={300} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {M.common.submit}
              </Button>
            </Form>
          )}
        </Card>
      )}
      <Card size="small" title={M.points.entries}>
        <Table<PointsEntryView>
          size="small"
          rowKey="id"
          loading={points.isPending}
          dataSource={p?.entries ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.points.empty} /> }}
          columns={[
            { title: M.points.date, dataIndex: 'date', width: 120, render: fmtDate },
            { title: M.points.item, dataIndex: 'itemName' },
            { title: M.points.points, dataIndex: 'points', width: 70 },
            { title: M.points.note, dataIndex: 'note' },
            {
              title: M.points.status,
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={STATUS_COLOR[s]}>{M.points.statuses[s] ?? s}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
