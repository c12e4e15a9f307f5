import { Alert, Descriptions, Divider, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MeetingView } from '../../../shared/contracts/meetings.contract.ts';
import { useMeeting } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { MeetingActions } from './MeetingActions.tsx';
import { missingLines, tagLabel } from './meetingForm.ts';

const W = M.meetingWork;
type Revision = MeetingView['revisions'][number];
const statusColor: Record<string, string> = { submitted: 'blue', returned: 'orange', reviewed: 'green' };

/** A record with its status, review comment, missing elements, 补录 mark, revisions, attachments and actions. */
export function MeetingDetail({ id }: { id: string }) {
  const q = useMeeting(id);
  const [error, setError] = useState<{ err: unknown; missing: string[] | null } | null>(null);
  const d = q.data;
  if (!d) return <ErrorAlert error={q.error} />;
  const name = (pid: string | null) =>
    pid ? (d.attendance.find((a) => a.personId === pid)?.personName ?? '—') : '—';
  const missing = missingLines(d.missing);
  return (
    <div data-testid="meeting-detail-body">
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={statusColor[d.status]} data-testid="meeting-status">
          {M.meetings.statuses[d.status] ?? d.status}
        </Tag>
        {d.lateEntry && <Tag color="orange">{M.meetings.late}</Tag>}
        {missing.length > 0 && <Tag color="red">{M.meetings.incomplete}</Tag>}
      </Space>
      <div style={{ marginBottom: 12 }}>
        <MeetingActions m={d} onError={(err, m) => setError(err ? { err, missing: m } : null)} />
      </div>
      {error?.missing ? (
        <Alert
          type="error"
          showIcon
          title={error.missing.join('；')}
          style={{ marginBottom: 12 }}
          data-testid="submit-refused"
        />
      ) : (
        <ErrorAlert error={error?.err ?? null} />
      )}
      {d.reviewComment && (
        <Alert
          type={d.status === 'returned' ? 'warning' : 'info'}
          showIcon
          title={`${W.reviewComment}：${d.reviewComment}`}
          description={d.reviewedBy ? `${d.reviewedBy} ${fmtDateTime(d.reviewedAt)}` : undefined}
          style={{ marginBottom: 12 }}
          data-testid="review-comment-view"
        />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={M.meetings.kinds}>{d.tags.map(tagLabel).join('、')}</Descriptions.Item>
        <Descriptions.Item label={W.branch}>{d.orgName}</Descriptions.Item>
        <Descriptions.Item label={M.meetings.topic}>{d.topic ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={M.meetings.heldAt}>
          {`${fmtDateTime(d.heldAt)} – ${d.endedAt ? fmtDateTime(d.endedAt) : '—'}`}
        </Descriptions.Item>
        <Descriptions.Item label={M.meetings.place}>{d.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item
          label={`${W.host} / ${W.recorder}`}
        >{`${name(d.hostId)} / ${name(d.recorderId)}`}</Descriptions.Item>
        {d.lecturerId && <Descriptions.Item label={W.lecturer}>{name(d.lecturerId)}</Descriptions.Item>}
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
          {d.agenda.map((a, i) => (
            <div key={`${i}-${a.title}`}>
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
        {d.votes.length > 0 && (
          <Descriptions.Item label={W.votes}>
            {d.votes.map((v) => (
              <div key={v.motion}>
                {`${v.motion}：${W.expectedVoting} ${v.expected_voting}，${W.presentVoting} ${v.present_voting}，${W.yes} ${v.yes}，${W.no} ${v.no}，${W.abstain} ${v.abstain}`}
              </div>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={M.meetings.missing}>
          <span data-testid="meeting-missing">{missing.join('；') || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={M.meetings.recordedAt}>{fmtDateTime(d.recordedAt)}</Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{W.attachments}</Divider>
      <AttachmentsPanel meetingId={d.id} version={d.version} />
      <Divider titlePlacement="start">{W.history}</Divider>
      <Table<Revision>
        size="small"
        rowKey="version"
        dataSource={d.revisions}
        pagination={false}
        data-testid="meeting-revisions"
        columns={[
          { title: W.revVersion, dataIndex: 'version', width: 60 },
          { title: W.revReason, dataIndex: 'reason' },
          { title: W.revBy, dataIndex: 'revisedBy', width: 100 },
          { title: W.revAt, dataIndex: 'revisedAt', width: 170, render: fmtDateTime },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Link to={`/audit?entity=meeting&entityId=${d.id}`} data-testid="meeting-audit-link">
          {W.auditLink}
        </Link>
      </div>
    </div>
  );
}
