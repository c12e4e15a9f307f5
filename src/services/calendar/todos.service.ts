import type { Scope } from '../../domain/auth/scope.ts';
import { shiftMonth } from '../../domain/calendar/month.ts';
import { addDays, shanghaiDate } from '../../domain/dates.ts';
import type { TodoItem, TodoResponse } from '../../shared/contracts/calendar.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import type { Deps } from '../deps.ts';
import { lateEntryDays } from '../meetings/meeting-read.service.ts';
import { personMeetings } from './calendar-meetings.ts';
import { holdsMeetings, subtreeDeadlines, termEndDeadlines } from './deadline-context.ts';

const LIMIT = 100;
/** Members see their branch's meetings this many days ahead. */
export const UPCOMING_DAYS = 14;
/** A term end shows this many days ahead. */
const TERM_END_DAYS = 90;
/** Look-ahead for deadlines: the current period may end up to two months later (a quarter). */
const DEADLINE_MONTHS = 3;

const kinds = (tags: string[]) => tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');
const meetingTitle = (m: { tags: string[]; topic: string | null; heldOn: string }) =>
  `${m.heldOn} ${kinds(m.tags)}${m.topic ? `：${m.topic}` : ''}`;
const calendarLink = (orgId: string, day: string, meetingId?: string) =>
  `/orgs/${orgId}/calendar?month=${day.slice(0, 7)}${meetingId ? `&meeting=${meetingId}` : ''}`;

type OwnOrg = { id: string; path: string; kind: string };

/** The orgs whose work is the caller's own: the orgs of their write grants and those orgs' 党小组. */
async function ownOrgs(deps: Deps, scope: Scope): Promise<OwnOrg[]> {
  if (scope.write.length === 0) return [];
  const roots = await deps.db
    .selectFrom('org')
    .select(['id', 'path', 'kind'])
    .where('path', 'in', scope.write)
    .execute();
  const groups = await deps.db
    .selectFrom('org')
    .select(['id', 'path', 'kind'])
    .where('kind', '=', 'group')
    .where('dissolvedOn', 'is', null)
    .where(
      'parentId',
      'in',
      roots.map((r) => r.id),
    )
    .execute();
  return [...roots, ...(roots.length ? groups : [])];
}

/** Meetings still owed in the current periods of the caller's own orgs (from the calendar deadlines). */
async function dueItems(deps: Deps, own: OwnOrg[], today: string): Promise<TodoItem[]> {
  const ownIds = new Set(own.map((o) => o.id));
  // the current periods end within DEADLINE_MONTHS; a term end shows TERM_END_DAYS ahead
  const last = addDays(today, TERM_END_DAYS).slice(0, 7);
  const months = [today.slice(0, 7)];
  while (months.length < DEADLINE_MONTHS || months[months.length - 1] < last)
    months.push(shiftMonth(months[months.length - 1], 1));
  const branchRoots = own.filter(
    (o) =>
      holdsMeetings(o.kind) &&
      !own.some((p) => p !== o && o.path.startsWith(p.path) && holdsMeetings(p.kind)),
  );
  const lists = await Promise.all([
    ...branchRoots.map((r) => subtreeDeadlines(deps.db, r.path, months, today, (o) => ownIds.has(o.orgId))),
    termEndDeadlines(
      deps.db,
      own.filter((o) => !holdsMeetings(o.kind)).map((o) => o.id),
      months,
      today,
    ),
  ]);
  const out: TodoItem[] = [];
  for (const d of lists.flat()) {
    if (d.met || d.date < today) continue;
    if (d.kind === 'term_end' ? d.date > addDays(today, TERM_END_DAYS) : (d.periodStart ?? d.date) > today)
      continue;
    out.push({
      kind: 'meeting_due',
      title: `${d.orgName}：${d.title}`,
      dueDate: d.date,
      orgId: d.orgId,
      orgName: d.orgName,
      detail: d.detail,
      ruleId: d.ruleId,
      meetingId: null,
      link: calendarLink(d.orgId, d.date),
    });
  }
  return out;
}

/** Records of the caller's own orgs to act on: planned but past (record missing), drafts, returned. */
async function recordItems(deps: Deps, own: OwnOrg[], today: string): Promise<TodoItem[]> {
  if (own.length === 0) return [];
  const rows = await deps.db
    .selectFrom('meeting as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['m.id', 'm.orgId', 'o.name as orgName', 'm.tags', 'm.topic', 'm.heldOn', 'm.status'])
    .select(['m.reviewComment', 'm.reviewedAt'])
    .where(
      'm.orgId',
      'in',
      own.map((o) => o.id),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('m.status', '=', 'planned'), eb('m.heldOn', '<', today)]),
        // imported history is 'held' without ever entering the workflow: only records entered here are drafts
        eb.and([eb('m.status', '=', 'held'), eb('m.source', '=', 'web')]),
        eb('m.status', '=', 'returned'),
      ]),
    )
    .orderBy('m.heldAt')
    .execute();
  return rows.map((m) => {
    const base = { orgId: m.orgId, orgName: m.orgName, meetingId: m.id, ruleId: 'LIFE-015' };
    const link = calendarLink(m.orgId, m.heldOn, m.id);
    if (m.status === 'planned')
      return {
        ...base,
        kind: 'record_missing',
        title: `补记会议记录：${meetingTitle(m)}`,
        dueDate: addDays(m.heldOn, lateEntryDays()),
        detail: '计划的会议已过期，尚无会议记录',
        link,
      } as const;
    if (m.status === 'held')
      return {
        ...base,
        kind: 'draft_unsubmitted',
        title: `提交会议记录：${meetingTitle(m)}`,
        dueDate: addDays(m.heldOn, lateEntryDays()),
        detail: null,
        link,
      } as const;
    const returnedOn = m.reviewedAt ? shanghaiDate(new Date(m.reviewedAt)) : today;
    return {
      ...base,
      kind: 'record_returned',
      title: `修改被退回的记录：${meetingTitle(m)}`,
      dueDate: addDays(returnedOn, lateEntryDays()),
      detail: m.reviewComment,
      link,
    } as const;
  });
}

/** Submitted records below the caller's write roots, waiting for the caller's review. */
async function reviewItems(deps: Deps, scope: Scope): Promise<TodoItem[]> {
  if (scope.write.length === 0) return [];
  const rows = await deps.db
    .selectFrom('meeting as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['m.id', 'm.orgId', 'o.name as orgName', 'm.tags', 'm.topic', 'm.heldOn', 'm.submittedAt'])
    .where('m.status', '=', 'submitted')
    .where((eb) =>
      eb.or(scope.write.map((p) => eb.and([eb('m.orgPath', 'like', `${p}%`), eb('m.orgPath', '<>', p)]))),
    )
    .orderBy('m.submittedAt')
    .execute();
  return rows.map((m) => ({
    kind: 'review_waiting',
    title: `审核会议记录：${m.orgName} ${meetingTitle(m)}`,
    dueDate: addDays(m.submittedAt ? shanghaiDate(new Date(m.submittedAt)) : m.heldOn, lateEntryDays()),
    orgId: m.orgId,
    orgName: m.orgName,
    detail: null,
    ruleId: 'LIFE-015',
    meetingId: m.id,
    link: calendarLink(m.orgId, m.heldOn, m.id),
  }));
}

/** The caller's own meetings in the next 14 days. */
async function upcomingItems(deps: Deps, personId: string | null, now: Date): Promise<TodoItem[]> {
  if (!personId) return [];
  const today = shanghaiDate(now);
  const rows = await personMeetings(deps.db, personId, today, addDays(today, UPCOMING_DAYS));
  return rows
    .filter((m) => new Date(m.heldAt) >= now)
    .map((m) => ({
      kind: 'upcoming_meeting',
      title: `参加会议：${m.orgName} ${meetingTitle(m)}`,
      dueDate: m.heldOn,
      orgId: m.orgId,
      orgName: m.orgName,
      detail: m.place,
      ruleId: null,
      meetingId: m.id,
      link: `/me/calendar?month=${m.heldOn.slice(0, 7)}&meeting=${m.id}`,
    }));
}

/**
 * 待办: for officers, meetings still due in the current periods, records missing, drafts not
 * submitted, records returned (with the comment) and records waiting for their review; for
 * everyone with a person record, their meetings in the next 14 days. Sorted by due date.
 */
export async function myTodos(deps: Deps, scope: Scope, personId: string | null): Promise<TodoResponse> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const own = await ownOrgs(deps, scope);
  const lists = await Promise.all([
    dueItems(deps, own, today),
    recordItems(deps, own, today),
    reviewItems(deps, scope),
    upcomingItems(deps, personId, now),
  ]);
  const items = lists.flat().sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return { items: items.slice(0, LIMIT), more: Math.max(0, items.length - LIMIT) };
}
