import { type Scope, canReadPath } from '../../domain/auth/scope.ts';
import type { CalendarMeeting } from '../../shared/contracts/calendar.contract.ts';
import type { Tx } from '../deps.ts';

/** Statuses that count as members of a branch for its meetings. */
const MEMBER_STATUSES = ['full', 'probationary'];

const COLUMNS = [
  'm.id',
  'm.orgId',
  'o.name as orgName',
  'm.orgPath',
  'm.tags',
  'm.topic',
  'm.heldAt',
  'm.endedAt',
  'm.heldOn',
  'm.place',
  'm.status',
] as const;

type Row = {
  id: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  tags: string[];
  topic: string | null;
  heldAt: Date;
  endedAt: Date | null;
  heldOn: string;
  place: string | null;
  status: string;
};

/** A meeting row as the calendar shows it; `canOpen` when the caller may read the full record. */
export function toCalendarMeeting(r: Row, scope: Scope | null): CalendarMeeting {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    tags: r.tags,
    topic: r.topic,
    heldAt: new Date(r.heldAt).toISOString(),
    endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
    heldOn: r.heldOn,
    place: r.place,
    status: r.status as CalendarMeeting['status'],
    canOpen: scope ? canReadPath(scope, r.orgPath) : false,
  };
}

const base = (db: Tx, from: string, to: string) =>
  db
    .selectFrom('meeting as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(COLUMNS)
    .where('m.heldOn', '>=', from)
    .where('m.heldOn', '<=', to)
    .orderBy('m.heldAt');

/** Meetings of an org's subtree (the branch and its 党小组) between two dates, inclusive. */
export async function subtreeMeetings(db: Tx, path: string, from: string, to: string): Promise<Row[]> {
  return base(db, from, to).where('m.orgPath', 'like', `${path}%`).execute();
}

/**
 * A person's meetings between two dates: those of the orgs the person was a member of on the
 * meeting's date, plus those the person attended elsewhere (e.g. as a lecturer or a guest).
 */
export async function personMeetings(db: Tx, personId: string, from: string, to: string): Promise<Row[]> {
  return base(db, from, to)
    .where((eb) =>
      eb.or([
        // a membership in the meeting's org on the meeting's date
        eb.exists(
          eb
            .selectFrom('membership as ms')
            .select('ms.id')
            .whereRef('ms.orgId', '=', 'm.orgId')
            .where('ms.personId', '=', personId)
            .where('ms.status', 'in', MEMBER_STATUSES)
            .whereRef('ms.validFrom', '<=', 'm.heldOn')
            .where((w) => w.or([w('ms.validTo', 'is', null), w('ms.validTo', '>', w.ref('m.heldOn'))])),
        ),
        eb.exists(
          eb
            .selectFrom('meetingAttendance as a')
            .select('a.meetingId')
            .whereRef('a.meetingId', '=', 'm.id')
            .where('a.personId', '=', personId)
            .where('a.status', '=', 'present'),
        ),
      ]),
    )
    .execute();
}

/** Paths of the orgs a person was a (full or probationary) member of at any time between two dates. */
export async function personOrgPaths(db: Tx, personId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership as ms')
    .innerJoin('org as o', 'o.id', 'ms.orgId')
    .select('o.path')
    .distinct()
    .where('ms.personId', '=', personId)
    .where('ms.status', 'in', MEMBER_STATUSES)
    .where('ms.validFrom', '<=', to)
    .where((w) => w.or([w('ms.validTo', 'is', null), w('ms.validTo', '>', from)]))
    .execute();
  return rows.map((r) => r.path);
}
