import { MEETING_COLUMNS, bulkInsert } from '../../db/bulk.ts';
import { anyOf } from '../../db/any-of.ts';
import { completeTags, missingByTag } from '../../domain/meetings/record-elements.ts';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';
import { DatasetMeeting } from '../../shared/contracts/dataset.contract.ts';
import type { Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';

export type ValidMeeting = { i: number; v: DatasetMeeting };

/** 'YYYY-MM-DDTHH:mm' in Asia/Shanghai → an instant. */
export const shanghaiInstant = (s: string) => new Date(`${s}:00+08:00`);

/** An instant → 'YYYY-MM-DDTHH:mm' in Asia/Shanghai. */
export const shanghaiMinute = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16);

/**
 * Validates the meetings of a dataset: shape, references (org codes, people refs) and times. A
 * record that breaks a rule (no recorder, attendance that does not add up) is NOT an error: it is
 * imported as it is and reported by the LIFE-015 check.
 */
export function validateMeetings(
  items: unknown[],
  okRefs: Set<string>,
  okCodes: Set<string>,
  errors: ImportIssue[],
): ValidMeeting[] {
  const out: ValidMeeting[] = [];
  items.forEach((item, i) => {
    const r = DatasetMeeting.safeParse(item);
    if (!r.success) {
      for (const iss of r.error.issues)
        errors.push({
          array: 'meetings',
          index: i,
          field: iss.path.map(String).join('.') || null,
          message: iss.message,
        });
      return;
    }
    const m = r.data;
    const err = (field: string, message: string) =>
      errors.push({ array: 'meetings', index: i, field, message });
    const before = errors.length;
    if (!okCodes.has(m.org)) err('org', `组织编码 ${m.org} 不存在`);
    for (const f of ['host', 'recorder', 'lecturer'] as const) {
      const ref = m[f];
      if (ref && !okRefs.has(ref)) err(f, `人员 ref ${ref} 不存在`);
    }
    m.attendance?.forEach((a, k) => {
      if (!okRefs.has(a.person)) err(`attendance.${k}.person`, `人员 ref ${a.person} 不存在`);
    });
    m.agenda?.forEach((a, k) => {
      a.speakers?.forEach((s, j) => {
        if (!okRefs.has(s)) err(`agenda.${k}.speakers.${j}`, `人员 ref ${s} 不存在`);
      });
    });
    const seen = new Set<string>();
    m.attendance?.forEach((a, k) => {
      if (seen.has(a.person)) err(`attendance.${k}.person`, `人员 ${a.person} 在出席名单中重复`);
      seen.add(a.person);
    });
    if (m.ended_at && m.ended_at < m.held_at) err('ended_at', '结束时间早于开始时间');
    if (m.recorded_at && m.recorded_at < m.held_at.slice(0, 10)) err('recorded_at', '录入时间早于会议日期');
    if (errors.length === before) out.push({ i, v: m });
  });
  return out;
}

/** A dataset meeting as the stored record (the shape LIFE-015 judges); person refs mapped to ids. */
export function meetingRecordOf(v: DatasetMeeting, personId: (ref: string) => string) {
  const att = v.attendance ?? [];
  const presentRows = att.filter((a) => a.status === 'present').length;
  const away = att.filter((a) => a.status !== 'present');
  const expected = v.expected ?? null;
  const present =
    presentRows > 0 ? presentRows : expected === null ? null : Math.max(0, expected - away.length);
  return {
    tags: v.tags,
    topic: v.topic ?? null,
    heldAt: v.held_at,
    endedAt: v.ended_at ?? null,
    place: v.place ?? null,
    hostId: v.host ? personId(v.host) : null,
    recorderId: v.recorder ? personId(v.recorder) : null,
    lecturerId: v.lecturer ? personId(v.lecturer) : null,
    expected,
    present,
    agenda: (v.agenda ?? []).map((a) => (a.speakers ? { ...a, speakers: a.speakers.map(personId) } : a)),
    minutes: v.minutes ?? null,
    decisions: v.decisions ?? [],
    absentees: away.map((a) => ({ status: a.status, reason: a.reason ?? null })),
    votes: v.votes ?? [],
  };
}

/** Writes meetings and their attendance rows in bulk (inside the import transaction). */
export async function writeMeetings(
  trx: Tx,
  meetings: ValidMeeting[],
  org: (code: string) => { id: string; path: string },
  personId: (ref: string) => string,
  now: Date,
): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  for (const { v } of meetings) {
    const id = uuidv7(shanghaiInstant(v.held_at).getTime());
    const att = v.attendance ?? [];
    const record = meetingRecordOf(v, personId);
    const { absentees: _a, heldAt, endedAt, ...cols } = record;
    const missing = missingByTag(record);
    rows.push({
      ...cols,
      id,
      orgId: org(v.org).id,
      orgPath: org(v.org).path,
      heldAt: shanghaiInstant(heldAt),
      endedAt: endedAt ? shanghaiInstant(endedAt) : null,
      status: 'held',
      heldOn: heldAt.slice(0, 10),
      missing,
      completeTags: completeTags(missing),
      incomplete: Object.values(missing).some((els) => els.length > 0),
      source: 'import',
      recordedAt: v.recorded_at ? shanghaiInstant(v.recorded_at) : now,
    });
    for (const a of att)
      attendance.push({
        meetingId: id,
        personId: personId(a.person),
        status: a.status,
        reason: a.reason ?? null,
      });
  }
  await bulkInsert(trx, 'meeting', MEETING_COLUMNS, rows, 2000);
  await bulkInsert(
    trx,
    'meeting_attendance',
    { meetingId: 'uuid', personId: 'uuid', status: 'text', reason: 'text' },
    attendance,
  );
}

/** Meetings of a subtree in zhibu-dataset/1 form, ordered by org code, time and tags (round-trips). */
export async function exportMeetings(
  db: Tx,
  rootPath: string,
  codeOf: Map<string, string>,
  refOf: Map<string, string>,
) {
  const meetings = await db
    .selectFrom('meeting')
    .selectAll()
    .where('orgPath', 'like', `${rootPath}%`)
    .execute();
  const ids = meetings.map((m) => m.id);
  const att = ids.length
    ? await db.selectFrom('meetingAttendance').selectAll().where(anyOf('meetingId', ids)).execute()
    : [];
  const attBy = new Map<string, typeof att>();
  for (const a of att) attBy.set(a.meetingId, [...(attBy.get(a.meetingId) ?? []), a]);
  const ref = (id: string | null) => (id ? (refOf.get(id) ?? id) : null);
  const rows = meetings.map((m) => ({
    org: codeOf.get(m.orgId) ?? m.orgId,
    tags: m.tags as DatasetMeeting['tags'],
    held_at: shanghaiMinute(m.heldAt),
    ended_at: m.endedAt ? shanghaiMinute(m.endedAt) : null,
    place: m.place,
    host: ref(m.hostId),
    recorder: ref(m.recorderId),
    lecturer: ref(m.lecturerId),
    topic: m.topic,
    agenda: m.agenda.map((a) => (a.speakers ? { ...a, speakers: a.speakers.map((s) => ref(s) ?? s) } : a)),
    expected: m.expected,
    attendance: (attBy.get(m.id) ?? [])
      .map((a) => ({
        person: ref(a.personId)!,
        status: a.status as 'present' | 'absent' | 'leave',
        reason: a.reason,
      }))
      .sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0)),
    minutes: m.minutes,
    decisions: m.decisions,
    votes: m.votes,
    recorded_at: shanghaiMinute(m.recordedAt),
  }));
  const key = (r: (typeof rows)[number]) => `${r.org}\u0000${r.held_at}\u0000${r.tags.join(',')}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
