import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { addDays, shanghaiDate } from '../../domain/dates.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { ELEMENT_LABEL, type Element } from '../../domain/meetings/record-elements.ts';
import { findSetting } from '../../domain/standards/rule-catalog.ts';
import type { MeetingView } from '../../shared/contracts/meetings.contract.ts';
import type { Deps, Tx } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';

/** Days after the meeting beyond which an entry is marked 补录 (setting life.record.lateEntryDays). */
export const lateEntryDays = () => Number(findSetting('life.record.lateEntryDays')?.default ?? 7);

export const isLateEntry = (heldAt: Date, recordedAt: Date) =>
  shanghaiDate(recordedAt) > addDays(shanghaiDate(heldAt), lateEntryDays());

/** The parent path of an org path ('/1/2/' → '/1/'). */
export const parentPath = (path: string) => path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);

/** Loads a meeting the caller may read (its org in the caller's scope). */
export async function meetingForRead(db: Tx, scope: Scope, id: string) {
  const m = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('会议记录', 'meeting_not_found');
  const org = await orgForRead(db, scope, m.orgId).catch(() => {
    throw new AppError('forbidden', 'forbidden', '该会议记录不在您的管理范围内，无权查看');
  });
  return { m, org };
}

/** A meeting record with attendance, missing elements (Chinese), late-entry mark and revisions. */
export async function getMeeting(deps: Deps, scope: Scope, id: string): Promise<MeetingView> {
  const { m, org } = await meetingForRead(deps.db, scope, id);
  const [attendance, revisions] = await Promise.all([
    deps.db
      .selectFrom('meetingAttendance as a')
      .innerJoin('person as p', 'p.id', 'a.personId')
      .select(['a.personId', 'p.name as personName', 'a.status', 'a.reason'])
      .where('a.meetingId', '=', id)
      .orderBy('p.name')
      .execute(),
    deps.db
      .selectFrom('meetingRevision')
      .select(['version', 'reason', 'revisedBy', 'revisedAt'])
      .where('meetingId', '=', id)
      .orderBy('version')
      .execute(),
  ]);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: org.name,
    tags: m.tags,
    topic: m.topic,
    heldAt: new Date(m.heldAt).toISOString(),
    endedAt: iso(m.endedAt),
    place: m.place,
    hostId: m.hostId,
    recorderId: m.recorderId,
    lecturerId: m.lecturerId,
    expected: m.expected,
    present: m.present,
    attendance,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions,
    votes: m.votes,
    status: m.status as MeetingView['status'],
    missing: Object.fromEntries(
      Object.entries(m.missing).map(([t, els]) => [t, els.map((e) => ELEMENT_LABEL[e as Element] ?? e)]),
    ),
    recordedAt: new Date(m.recordedAt).toISOString(),
    lateEntry: isLateEntry(new Date(m.heldAt), new Date(m.recordedAt)),
    reviewComment: m.reviewComment,
    reviewedBy: m.reviewedBy,
    reviewedAt: iso(m.reviewedAt),
    revisions: revisions.map((r) => ({ ...r, revisedAt: new Date(r.revisedAt).toISOString() })),
    version: m.version,
    canWrite: canWritePath(scope, org.path),
    canReview: scope.admin || (org.parentId !== null && canWritePath(scope, parentPath(org.path))),
  };
}

/** Meetings of an org (a branch or 党小组) in a year, newest first. */
export async function listMeetings(deps: Deps, scope: Scope, orgId: string, year: number) {
  await orgForRead(deps.db, scope, orgId);
  const rows = await deps.db
    .selectFrom('meeting')
    .select(['id', 'tags', 'topic', 'heldAt', 'status', 'recordedAt', 'expected', 'present', 'incomplete'])
    .where('orgId', '=', orgId)
    .where('heldOn', '>=', `${year}-01-01`)
    .where('heldOn', '<=', `${year}-12-31`)
    .orderBy('heldAt', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tags: r.tags,
    topic: r.topic,
    heldAt: new Date(r.heldAt).toISOString(),
    status: r.status as MeetingView['status'],
    lateEntry: isLateEntry(new Date(r.heldAt), new Date(r.recordedAt)),
    expected: r.expected,
    present: r.present,
    incomplete: r.incomplete,
  }));
}

/** Members of the branch on a date (full and probationary), to pre-fill attendance. */
export async function rosterOn(deps: Deps, scope: Scope, orgId: string, date: string) {
  const org = await orgForRead(deps.db, scope, orgId);
  const branchPath = org.kind === 'group' ? parentPath(org.path) : org.path;
  const rows = await deps.db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['p.id as personId', 'p.name', 'm.status'])
    .where('o.path', '=', branchPath)
    .where('m.status', 'in', ['full', 'probationary'])
    .where('m.validFrom', '<=', date)
    .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>', date)]))
    .orderBy('p.name')
    .execute();
  return { items: rows };
}
