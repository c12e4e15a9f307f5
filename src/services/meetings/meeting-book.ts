import type { Scope } from '../../domain/auth/scope.ts';
import { ELEMENT_LABEL, type Element } from '../../domain/meetings/record-elements.ts';
import type { LedgerRecord, LedgerResponse } from '../../shared/contracts/ledger.contract.ts';
import type { Deps } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { isLateEntry } from './meeting-read.service.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Every meeting record of a branch (and its 党小组) in a year, oldest first, with names, attendance,
 * missing elements, 补录 mark and revisions — the 会议记录本 and the xlsx export read this, in four
 * set-based queries.
 */
export async function meetingBook(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<LedgerResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const parent = org.parentId
    ? await deps.db.selectFrom('org').select('name').where('id', '=', org.parentId).executeTakeFirst()
    : undefined;
  const meetings = await deps.db
    .selectFrom('meeting as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .leftJoin('person as h', 'h.id', 'm.hostId')
    .leftJoin('person as r', 'r.id', 'm.recorderId')
    .leftJoin('person as l', 'l.id', 'm.lecturerId')
    .selectAll('m')
    .select(['o.name as orgName', 'h.name as hostName', 'r.name as recorderName', 'l.name as lecturerName'])
    .where('m.orgPath', 'like', `${org.path}%`)
    .where('m.heldOn', '>=', `${year}-01-01`)
    .where('m.heldOn', '<=', `${year}-12-31`)
    .where('m.status', '<>', 'planned')
    .orderBy('m.heldAt')
    .execute();
  const ids = meetings.map((m) => m.id);
  const [attendance, revisions] = ids.length
    ? await Promise.all([
        deps.db
          .selectFrom('meetingAttendance as a')
          .innerJoin('person as p', 'p.id', 'a.personId')
          .select(['a.meetingId', 'a.personId', 'p.name as personName', 'a.status', 'a.reason'])
          .where('a.meetingId', 'in', ids)
          .orderBy('p.name')
          .execute(),
        deps.db
          .selectFrom('meetingRevision')
          .select(['meetingId', 'version', 'reason', 'revisedBy', 'revisedAt'])
          .where('meetingId', 'in', ids)
          .orderBy('version')
          .execute(),
      ])
    : [[], []];
  const attendanceOf = new Map<string, LedgerRecord['attendance']>();
  for (const { meetingId, ...a } of attendance) {
    const list = attendanceOf.get(meetingId) ?? [];
    list.push(a);
    attendanceOf.set(meetingId, list);
  }
  const revisionsOf = new Map<string, LedgerRecord['revisions']>();
  for (const r of revisions) {
    const list = revisionsOf.get(r.meetingId) ?? [];
    list.push({ version: r.version, reason: r.reason, revisedBy: r.revisedBy, revisedAt: iso(r.revisedAt)! });
    revisionsOf.set(r.meetingId, list);
  }
  const records = meetings.map(
    (m): LedgerRecord => ({
      id: m.id,
      orgName: m.orgName,
      tags: m.tags,
      topic: m.topic,
      heldAt: new Date(m.heldAt).toISOString(),
      endedAt: iso(m.endedAt),
      place: m.place,
      hostName: m.hostName,
      recorderName: m.recorderName,
      lecturerName: m.lecturerName,
      expected: m.expected,
      present: m.present,
      attendance: attendanceOf.get(m.id) ?? [],
      agenda: m.agenda,
      minutes: m.minutes,
      decisions: m.decisions,
      votes: m.votes,
      status: m.status as LedgerRecord['status'],
      missing: Object.fromEntries(
        Object.entries(m.missing).map(([t, els]) => [t, els.map((e) => ELEMENT_LABEL[e as Element] ?? e)]),
      ),
      recordedAt: new Date(m.recordedAt).toISOString(),
      lateEntry: isLateEntry(new Date(m.heldAt), new Date(m.recordedAt)),
      reviewComment: m.reviewComment,
      reviewedBy: m.reviewedBy,
      reviewedAt: iso(m.reviewedAt),
      revisions: revisionsOf.get(m.id) ?? [],
    }),
  );
  return { orgId, orgName: org.name, parentName: parent?.name ?? null, year, records };
}
