import { CheckCircleOutlined, FlagOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Card, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  CalendarDeadline,
  CalendarMeeting,
  CalendarResponse,
} from '../../../shared/contracts/calendar.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

/** Colour of a meeting by its first kind (RULES LIFE-001 taxonomy). */
export const TAG_COLOR: Record<string, string> = {
  branch_assembly: 'red',
  committee_meeting: 'volcano',
  group_meeting: 'orange',
  party_lecture: 'gold',
  theme_day: 'magenta',
  activity_day: 'purple',
  org_life_meeting: 'geekblue',
  member_review: 'blue',
};
export const meetingColor = (tags: string[]) => TAG_COLOR[tags[0] ?? ''] ?? 'cyan';
export const tagLabels = (tags: string[]) =>
  tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');
export const deadlineColor = (d: CalendarDeadline) =>
  d.kind === 'term_end' ? 'warning' : d.met ? 'success' : 'error';

export type CalendarSelection =
  | { type: 'meeting'; meeting: CalendarMeeting }
  | { type: 'deadline'; deadline: CalendarDeadline };

/** CSS colours of the preset tag colours, for the dots of the compact calendar. */
const HEX: Record<string, string> = {
  red: '#f5222d',
  volcano: '#fa541c',
  orange: '#fa8c16',
  gold: '#faad14',
  magenta: '#eb2f96',
  purple: '#722ed1',
  geekblue: '#2f54eb',
  blue: '#1677ff',
  cyan: '#13c2c2',
  error: '#ff4d4f',
  success: '#52c41a',
  warning: '#faad14',
};
const dot = (color: string, dashed = false) =>
  ({
    display: 'inline-block',
    padding: 0,
    width: 8,
    height: 8,
    borderRadius: 4,
    cursor: 'pointer',
    background: dashed ? 'transparent' : HEX[color],
    border: `1px ${dashed ? 'dashed' : 'solid'} ${HEX[color]}`,
  }) as const;

/** A day of the compact calendar: one coloured dot per deadline and meeting (title on hover). */
function compactCell(
  meetings: CalendarMeeting[],
  deadlines: CalendarDeadline[],
  onSelect: (s: CalendarSelection) => void,
) {
  return (
    <div style={{ display: 'flex', gap: 2, justifyContent: 'center', flexWrap: 'wrap', minHeight: 10 }}>
      {deadlines.map((d) => (
        <button
          type="button"
          key={`d-${d.orgId}-${d.ruleId}-${d.kind}`}
          title={d.title}
          aria-label={d.title}
          style={dot(deadlineColor(d))}
          data-testid="cal-deadline"
          onClick={() => onSelect({ type: 'deadline', deadline: d })}
        />
      ))}
      {meetings.map((m) => (
        <button
          type="button"
          key={m.id}
          title={`${fmtDateTime(m.heldAt).slice(11, 16)} ${tagLabels(m.tags)}${m.topic ? `：${m.topic}` : ''}`}
          aria-label={tagLabels(m.tags)}
          style={dot(meetingColor(m.tags), m.status === 'planned')}
          data-testid="cal-meeting"
          data-meeting-id={m.id}
          onClick={() => onSelect({ type: 'meeting', meeting: m })}
        />
      ))}
    </div>
  );
}

type Props = {
  month: string;
  onMonthChange: (month: string) => void;
  data: CalendarResponse | undefined;
  loading: boolean;
  error: unknown;
  onSelect: (s: CalendarSelection) => void;
  title?: string;
  /** Fewer events per day (home page preview). */
  compact?: boolean;
};

const MAX_PER_DAY = 3;
const ITEM_STYLE = {
  cursor: 'pointer',
  marginInlineEnd: 0,
  whiteSpace: 'normal',
  fontSize: 12,
  lineHeight: '18px',
} as const;
const PLANNED_STYLE = { borderStyle: 'dashed', background: 'transparent' } as const;

/** A month grid of meetings (coloured by kind; planned ones dashed) and deadlines (red open, green met). */
export function MonthCalendar({
  month,
  onMonthChange,
  data,
  loading,
  error,
  onSelect,
  title,
  compact,
}: Props) {
  const today = dayjs();
  const value = today.format('YYYY-MM') === month ? today : dayjs(`${month}-01`);
  const shift = (n: number) => onMonthChange(value.add(n, 'month').format('YYYY-MM'));

  const cell = (date: Dayjs) => {
    if (date.format('YYYY-MM') !== month) return null;
    const day = date.format('YYYY-MM-DD');
    const meetings = data?.meetings.filter((m) => m.heldOn === day) ?? [];
    const deadlines = data?.deadlines.filter((d) => d.date === day) ?? [];
    if (compact) return compactCell(meetings, deadlines, onSelect);
    const items = [
      ...deadlines.map((d) => (
        <Tag
          key={`d-${d.orgId}-${d.ruleId}-${d.kind}`}
          color={deadlineColor(d)}
          icon={d.met ? <CheckCircleOutlined /> : <FlagOutlined />}
          style={ITEM_STYLE}
          data-testid="cal-deadline"
          onClick={() => onSelect({ type: 'deadline', deadline: d })}
        >
          {d.title}
        </Tag>
      )),
      ...meetings.map((m) => (
        <Tag
          key={m.id}
          color={meetingColor(m.tags)}
          style={m.status === 'planned' ? { ...ITEM_STYLE, ...PLANNED_STYLE } : ITEM_STYLE}
          data-testid="cal-meeting"
          data-meeting-id={m.id}
          onClick={() => onSelect({ type: 'meeting', meeting: m })}
        >
          {fmtDateTime(m.heldAt).slice(11, 16)} {tagLabels(m.tags)}
        </Tag>
      )),
    ];
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {items.slice(0, MAX_PER_DAY)}
        {items.length > MAX_PER_DAY && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {M.calendar.more(items.length - MAX_PER_DAY)}
          </Typography.Text>
        )}
      </div>
    );
  };

  return (
    <Card
      size="small"
      data-testid="month-calendar"
      title={
        <Space>
          <Button
            size="small"
            icon={<LeftOutlined />}
            onClick={() => shift(-1)}
            aria-label={M.calendar.prev}
          />
          <span data-testid="calendar-month">{value.format('YYYY年M月')}</span>
          <Button
            size="small"
            icon={<RightOutlined />}
            onClick={() => shift(1)}
            aria-label={M.calendar.next}
          />
          <Button size="small" onClick={() => onMonthChange(today.format('YYYY-MM'))}>
            {M.calendar.today}
          </Button>
          {title && <Typography.Text type="secondary">{title}</Typography.Text>}
        </Space>
      }
    >
      {!compact && (
        <Space size={4} wrap data-testid="calendar-legend">
          {Object.entries(TAG_COLOR).map(([t, c]) => (
            <Tag key={t} color={c}>
              {MEETING_TAG_LABEL[t as MeetingTag]}
            </Tag>
          ))}
          <Tag color="error">{M.calendar.deadlineOpen}</Tag>
          <Tag color="success">{M.calendar.deadlineMet}</Tag>
        </Space>
      )}
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        <Calendar
          value={value}
          fullscreen={!compact}
          headerRender={() => null}
          cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
          onSelect={(d, { source }) => {
            if (source === 'date' && d.format('YYYY-MM') !== month) onMonthChange(d.format('YYYY-MM'));
          }}
        />
      </Spin>
    </Card>
  );
}
