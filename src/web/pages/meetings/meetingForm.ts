import dayjs, { type Dayjs } from 'dayjs';
import type { MeetingBody, MeetingView } from '../../../shared/contracts/meetings.contract.ts';
import { type AttendanceStatus, MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import { ApiError } from '../../api/client.ts';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

export type AttendanceRow = {
  personId: string;
  name: string;
  status: AttendanceStatus;
  reason?: string | null;
};
export type VoteRow = {
  motion?: string;
  expected_voting?: number;
  present_voting?: number;
  yes?: number;
  no?: number;
  abstain?: number;
};

/** The recording form's values (times are Beijing wall-clock times, whatever the browser's zone). */
export interface MeetingFormValues {
  tags: MeetingTag[];
  topic?: string | null;
  heldAt?: Dayjs | null;
  endedAt?: Dayjs | null;
  place?: string | null;
  hostId?: string | null;
  recorderId?: string | null;
  lecturerId?: string | null;
  expected?: number | null;
  attendance: AttendanceRow[];
  agenda: { title?: string; first_topic?: boolean; major?: boolean; speakers?: string[] }[];
  minutes?: string | null;
  decisions: string[];
  votes: VoteRow[];
}

/** A Beijing wall-clock time as an ISO instant with +08:00. */
export const toInstant = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
/** An ISO instant as a Beijing wall-clock picker value. */
export const fromInstant = (iso: string | null) => (iso ? dayjs(fmtDateTime(iso).replace(' ', 'T')) : null);
/** The Beijing calendar date of a picker value ('YYYY-MM-DD'). */
export const dayOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Form values → request body (empty texts become null, rows without content are dropped). */
export function toBody(v: MeetingFormValues): MeetingBody {
  return {
    tags: v.tags,
    topic: text(v.topic),
    heldAt: v.heldAt ? toInstant(v.heldAt) : '',
    endedAt: v.endedAt ? toInstant(v.endedAt) : null,
    place: text(v.place),
    hostId: v.hostId ?? null,
    recorderId: v.recorderId ?? null,
    lecturerId: v.tags.includes('party_lecture') ? (v.lecturerId ?? null) : null,
    expected: v.expected ?? null,
    attendance: (v.attendance ?? []).map((a) => ({
      personId: a.personId,
      status: a.status,
      reason: a.status === 'present' ? null : text(a.reason),
    })),
    agenda: (v.agenda ?? [])
      .filter((a) => text(a.title))
      .map((a) => ({
        title: text(a.title)!,
        ...(a.first_topic ? { first_topic: true } : {}),
        // the speaking order of a 重大事项 matters only at a 支委会 (LIFE-016)
        ...(a.major && v.tags.includes('committee_meeting')
          ? { major: true, speakers: a.speakers ?? [] }
          : {}),
      })),
    minutes: text(v.minutes),
    decisions: (v.decisions ?? []).map(text).filter((d): d is string => !!d),
    votes: (v.votes ?? [])
      .filter((x) => text(x.motion))
      .map((x) => ({
        motion: text(x.motion)!,
        expected_voting: x.expected_voting ?? 0,
        present_voting: x.present_voting ?? 0,
        yes: x.yes ?? 0,
        no: x.no ?? 0,
        abstain: x.abstain ?? 0,
      })),
  };
}

/** A saved record → form values. */
export function fromView(m: MeetingView): MeetingFormValues {
  return {
    tags: m.tags as MeetingTag[],
    topic: m.topic,
    heldAt: fromInstant(m.heldAt),
    endedAt: fromInstant(m.endedAt),
    place: m.place,
    hostId: m.hostId,
    recorderId: m.recorderId,
    lecturerId: m.lecturerId,
    expected: m.expected,
    attendance: m.attendance.map((a) => ({
      personId: a.personId,
      name: a.personName,
      status: a.status as AttendanceStatus,
      reason: a.reason,
    })),
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions,
    votes: m.votes,
  };
}

export const tagLabel = (t: string) => MEETING_TAG_LABEL[t as MeetingTag] ?? t;

/** Missing LIFE-015 elements per tag as lines "支委会缺少：记录人、实到人数". */
export function missingLines(missing: Record<string, string[]>): string[] {
  return Object.entries(missing)
    .filter(([, els]) => els.length > 0)
    .map(([t, els]) => M.meetingWork.missingOf(tagLabel(t), els.join('、')));
}

/** The missing elements named by a refused submission (details [{tag, missing}]), or null. */
export function refusedMissing(err: unknown): string[] | null {
  if (!(err instanceof ApiError) || err.code !== 'meeting_incomplete' || !Array.isArray(err.details))
    return null;
  const byTag = Object.fromEntries(
    (err.details as { tag: string; missing: string[] }[]).map((d) => [d.tag, d.missing]),
  );
  return missingLines(byTag);
}

/** Attendance rows for a roster: people already marked keep their status and reason; new ones are present. */
export function mergeRoster(
  current: AttendanceRow[],
  roster: readonly { personId: string; name: string }[],
): AttendanceRow[] {
  const had = new Map(current.map((a) => [a.personId, a]));
  return roster.map((p) => had.get(p.personId) ?? { personId: p.personId, name: p.name, status: 'present' });
}
