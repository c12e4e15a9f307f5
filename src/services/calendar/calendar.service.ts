import type { Scope } from '../../domain/auth/scope.ts';
import { monthEnd, monthStart } from '../../domain/calendar/month.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import type { CalendarDeadline, CalendarResponse } from '../../shared/contracts/calendar.contract.ts';
import type { Deps, Tx } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { personMeetings, personOrgPaths, subtreeMeetings, toCalendarMeeting } from './calendar-meetings.ts';
import { type OrgDeadline, orgMonthDeadlines, subtreeDeadlines } from './deadline-context.ts';

/** The requested month, or the current one in Asia/Shanghai. */
export const monthOrNow = (deps: Deps, month: string | undefined) =>
  month ?? shanghaiDate(deps.clock()).slice(0, 7);

const toDeadline = ({ orgPath: _p, ...d }: OrgDeadline): CalendarDeadline => d;

/**
 * The month of an org: meetings of the org and its subtree (planned and held), and the deadlines
 * of the org and its direct children (a branch and its 党小组; a 党总支 and its branches).
 */
export async function orgCalendar(
  deps: Deps,
  scope: Scope,
  orgId: string,
  month: string,
): Promise<CalendarResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const [meetings, deadlines] = await Promise.all([
    subtreeMeetings(deps.db, org.path, monthStart(month), monthEnd(month)),
    orgMonthDeadlines(deps.db, org, month),
  ]);
  return {
    month,
    meetings: meetings.map((m) => toCalendarMeeting(m, scope)),
    deadlines: deadlines.map(toDeadline),
  };
}

/** Deadlines of the orgs a person belongs to during some months (facts as of `asOf`). */
export async function personDeadlines(
  db: Tx,
  personId: string,
  months: string[],
  asOf: string,
): Promise<OrgDeadline[]> {
  const paths = await personOrgPaths(
    db,
    personId,
    monthStart(months[0]),
    monthEnd(months[months.length - 1]),
  );
  const all = await Promise.all(paths.map((p) => subtreeDeadlines(db, p, months, asOf, (o) => o.path === p)));
  return all.flat().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The caller's own month: meetings of the orgs they were a member of on each meeting's date plus
 * the ones they attended, and their branch's deadlines. A user without a person record has none.
 */
export async function myCalendar(
  deps: Deps,
  scope: Scope,
  personId: string | null,
  month: string,
): Promise<CalendarResponse> {
  if (!personId) return { month, meetings: [], deadlines: [] };
  const [meetings, deadlines] = await Promise.all([
    personMeetings(deps.db, personId, monthStart(month), monthEnd(month)),
    personDeadlines(deps.db, personId, [month], monthEnd(month)),
  ]);
  return {
    month,
    meetings: meetings.map((m) => toCalendarMeeting(m, scope)),
    deadlines: deadlines.map(toDeadline),
  };
}
