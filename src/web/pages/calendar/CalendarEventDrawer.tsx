import { Alert, Descriptions, Drawer, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CalendarMeeting } from '../../../shared/contracts/calendar.contract.ts';
import { useMeeting } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate, fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { type CalendarSelection, deadlineColor, meetingColor, tagLabels } from './MonthCalendar.tsx';

/** Full record fields for a caller who may read the meeting's org. */
function MeetingRecord({ id }: { id: string }) {
  const q = useMeeting(id);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const m = q.data;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
      <Descriptions.Item label={M.calendar.attendance}>
        {m.expected === null ? M.common.none : `${m.present ?? M.common.none}/${m.expected}`}
      </Descriptions.Item>
      <Descriptions.Item label={M.meetings.agenda}>
        {m.agenda.map((a) => a.title).join('；') || M.common.none}
      </Descriptions.Item>
      {m.reviewComment && (
        <Descriptions.Item label={M.meetings.reviewComment}>{m.reviewComment}</Descriptions.Item>
      )}
      {Object.values(m.missing).some((x) => x.length > 0) && (
        <Descriptions.Item label={M.meetings.missing}>
          {[...new Set(Object.values(m.missing).flat())].join('、')}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function MeetingInfo({ m }: { m: CalendarMeeting }) {
  return (
    <>
      <Descriptions size="small" column={1} bordered data-testid="calendar-meeting-detail">
        <Descriptions.Item label={M.meetings.kinds}>
          <Tag color={meetingColor(m.tags)}>{tagLabels(m.tags)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={M.meetings.topic}>{m.topic ?? M.common.none}</Descriptions.Item>
        <Descriptions.Item label={M.calendar.org}>{m.orgName}</Descriptions.Item>
        <Descriptions.Item label={M.calendar.time}>
          {fmtDateTime(m.heldAt).slice(0, 16)}
          {m.endedAt ? ` – ${fmtDateTime(m.endedAt).slice(11, 16)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={M.calendar.place}>{m.place ?? M.common.none}</Descriptions.Item>
        <Descriptions.Item label={M.calendar.status}>
          <Tag>{M.meetings.statuses[m.status] ?? m.status}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {m.canOpen ? (
        <>
          <MeetingRecord id={m.id} />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <Link to={`/meetings/${m.id}`}>{M.calendar.openRecord}</Link>
          </Typography.Paragraph>
        </>
      ) : (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={M.calendar.summaryOnly} />
      )}
    </>
  );
}

/** Details of a clicked meeting or deadline. */
export function CalendarEventDrawer({
  selection,
  onClose,
}: {
  selection: CalendarSelection | null;
  onClose: () => void;
}) {
  const title =
    selection?.type === 'meeting'
      ? M.calendar.meeting
      : selection?.type === 'deadline'
        ? M.calendar.deadline
        : '';
  return (
    <Drawer open={!!selection} onClose={onClose} title={title} size={480} data-testid="calendar-drawer">
      {selection?.type === 'meeting' && <MeetingInfo m={selection.meeting} />}
      {selection?.type === 'deadline' && (
        <Descriptions size="small" column={1} bordered data-testid="calendar-deadline-detail">
          <Descriptions.Item label={M.calendar.deadline}>
            <Tag color={deadlineColor(selection.deadline)}>{selection.deadline.title}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={M.calendar.org}>{selection.deadline.orgName}</Descriptions.Item>
          <Descriptions.Item label={M.calendar.time}>{fmtDate(selection.deadline.date)}</Descriptions.Item>
          <Descriptions.Item label={M.calendar.detail}>{selection.deadline.detail}</Descriptions.Item>
          <Descriptions.Item label={M.calendar.status}>
            {selection.deadline.met === null
              ? M.calendar.termEnd
              : selection.deadline.met
                ? M.calendar.deadlineMet
                : M.calendar.deadlineOpen}
          </Descriptions.Item>
          <Descriptions.Item label={M.calendar.rule}>
            {selection.deadline.ruleId}（{selection.deadline.sourceRef}）
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
