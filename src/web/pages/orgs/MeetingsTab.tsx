import { Card, Descriptions, Drawer, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import { useMeeting, useMeetings } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

type Row = {
  id: string;
  tags: string[];
  topic: string | null;
  heldAt: string;
  status: string;
  lateEntry: boolean;
  incomplete: boolean;
  expected: number | null;
  present: number | null;
};

const tagLabels = (tags: string[]) => tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');

/** 会议记录: the org's records of a year with their review status, 补录 and 要素不全 marks, and a detail drawer. */
export function MeetingsTab({ orgId }: { orgId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [open, setOpen] = useState<string | null>(null);
  const list = useMeetings(orgId, year);
  return (
    <Card size="small" data-testid="org-meetings">
      <Space style={{ marginBottom: 12 }}>
        {M.meetings.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.meetings.empty} /> }}
        columns={[
          { title: M.meetings.heldAt, dataIndex: 'heldAt', width: 170, render: fmtDateTime },
          { title: M.meetings.kinds, dataIndex: 'tags', render: tagLabels },
          { title: M.meetings.topic, dataIndex: 'topic' },
          {
            title: M.meetings.attendance,
            width: 90,
            render: (_: unknown, r) => (r.expected === null ? '—' : `${r.present ?? '—'}/${r.expected}`),
          },
          {
            title: M.meetings.status,
            width: 220,
            render: (_: unknown, r) => (
              <Space wrap>
                <Tag>{M.meetings.statuses[r.status] ?? r.status}</Tag>
                {r.lateEntry && <Tag color="orange">{M.meetings.late}</Tag>}
                {r.incomplete && <Tag color="red">{M.meetings.incomplete}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <MeetingDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function MeetingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const m = useMeeting(id);
  const d = m.data;
  const missing = d ? Object.entries(d.missing).filter(([, els]) => els.length) : [];
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={M.meetings.detail} data-testid="meeting-detail">
      <ErrorAlert error={m.error} />
      {d && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={M.meetings.kinds}>{tagLabels(d.tags)}</Descriptions.Item>
          <Descriptions.Item label={M.meetings.topic}>{d.topic ?? '—'}</Descriptions.Item>
          <Descriptions.Item
            label={M.meetings.heldAt}
          >{`${fmtDateTime(d.heldAt)} – ${d.endedAt ? fmtDateTime(d.endedAt) : '—'}`}</Descriptions.Item>
          <Descriptions.Item label={M.meetings.place}>{d.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item
            label={M.meetings.attendance}
          >{`${d.present ?? '—'}/${d.expected ?? '—'}`}</Descriptions.Item>
          <Descriptions.Item label={M.meetings.absentees}>
            {d.attendance
              .filter((a) => a.status !== 'present')
              .map((a) => `${a.personName}（${a.reason ?? '—'}）`)
              .join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={M.meetings.agenda}>
            {d.agenda.map((a) => (
              <div key={a.title}>
                {a.first_topic && <Tag color="red">{M.meetings.firstTopic}</Tag>}
                {a.title}
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={M.meetings.minutes}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {d.minutes ?? '—'}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={M.meetings.decisions}>{d.decisions.join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={M.meetings.missing}>
            {missing.length
              ? missing
                  .map(([t, els]) => `${MEETING_TAG_LABEL[t as MeetingTag] ?? t}：${els.join('、')}`)
                  .join('；')
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={M.meetings.status}>
            <Space wrap>
              <Tag>{M.meetings.statuses[d.status] ?? d.status}</Tag>
              {d.lateEntry && <Tag color="orange">{M.meetings.late}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={M.meetings.recordedAt}>{fmtDateTime(d.recordedAt)}</Descriptions.Item>
          {d.reviewComment && (
            <Descriptions.Item label={M.meetings.reviewComment}>{d.reviewComment}</Descriptions.Item>
          )}
          {d.revisions.length > 0 && (
            <Descriptions.Item label={M.meetings.revisions}>
              {d.revisions.map((r) => `${fmtDateTime(r.revisedAt)} ${r.revisedBy}：${r.reason}`).join('；')}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}
