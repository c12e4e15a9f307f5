import { BookOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BRANCH_KINDS, MEETING_TAG_LABEL, type MeetingTag, type OrgKind } from '../../../shared/enums.ts';
import { useMeetings } from '../../api/useMeetings.ts';
import { meetingsXlsxUrl } from '../../api/usePlans.ts';
import { useOrgDetail } from '../../api/useOrgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { MeetingDetail } from '../meetings/MeetingDetail.tsx';
import { MeetingImportModal } from '../meetings/MeetingImportModal.tsx';

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
  const [importing, setImporting] = useState(false);
  const list = useMeetings(orgId, year);
  const org = useOrgDetail(orgId).data;
  const canRecord = !!org?.canWrite && (BRANCH_KINDS.includes(org.kind as OrgKind) || org.kind === 'group');
  return (
    <Card size="small" data-testid="org-meetings">
      <Space style={{ marginBottom: 12 }} wrap>
        {M.meetings.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button href={meetingsXlsxUrl(orgId, year)} icon={<DownloadOutlined />} data-testid="meetings-xlsx">
          {M.ledger.exportXlsx}
        </Button>
        <Link to={`/orgs/${orgId}/ledger?year=${year}`} data-testid="ledger-open">
          <Button icon={<BookOutlined />}>{M.ledger.open}</Button>
        </Link>
        {canRecord && (
          <Link to={`/orgs/${orgId}/meetings/new`}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="meeting-new">
              {M.meetingWork.record}
            </Button>
          </Link>
        )}
        {canRecord && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="meeting-import">
            {M.meetingImport.open}
          </Button>
        )}
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
      <MeetingImportModal orgId={orgId} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

function MeetingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={M.meetings.detail} data-testid="meeting-detail">
      {id && <MeetingDetail id={id} />}
    </Drawer>
  );
}
