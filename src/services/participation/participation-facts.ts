import { type RawBuilder, sql } from 'kysely';
import { read } from '../../db/batch.ts';
import { inSubtree } from '../../db/subtree.ts';
import {
  type AttendanceMark,
  LOOKBACK_MONTHS,
  MEMBER_WIDE_TAGS,
  type ParticipationFacts,
  type MonthState,
  Tally,
  betterState,
  markState,
  monthNo,
} from '../../domain/checks/participation.ts';
import { addMonths, firstOnOrAfter } from '../../domain/dates.ts';
import type { Tx } from '../deps.ts';

const PARTY = sql.raw(`('probationary','full')`);
/** The member-wide tags as an SQL array, as the `meeting_wide` index's condition writes them. */
export const WIDE = sql.raw(`array[${MEMBER_WIDE_TAGS.map((t) => `'${t}'`).join(',')}]`);

/**
 * LIFE-018/019 facts for every org of a subtree, set-based: the party members (预备/正式) on `asOf` with
 * the first day of their stay and their party-member spans since the lookback start (`from`, default
 * {@link LOOKBACK_MONTHS} months before the month of `asOf`); the member-wide records of the orgs those
 * spans cover; the absent/leave rows of those records; explicit `present` rows at other records (支委会,
 * 党小组会 …, `wide: false`). A member of a record's org that day without a row was present (records
 * list who was away); the marks of a span are folded into its member's {@link Tally} a month at a time
 * (the span's records are a run of its org's records by day; a month is attended unless every record of
 * it has an absent/leave row of the member), so neither a mark list (~10M entries at city scale) nor a
 * step per member × record (~6M) is needed. Joining members × records in SQL was 10× slower on PGlite.
 * `onlyOrgId` restricts the members to one org of the subtree; `minAbsentMonths` to the members who can
 * have a streak that long (LIFE-018 counts only months with an `absent` row at a member-wide record:
 * absence_month, kept at write time), when no yearly count (LIFE-019) is wanted.
 */
export async function loadParticipation(
  db: Tx,
  rootPath: string,
  asOf: string,
  /** `oneTurn`: issue every query at once (a batched branch run), the later ones keyed by subqueries. */
  opts: { from?: string; onlyOrgId?: string; minAbsentMonths?: number; oneTurn?: boolean } = {},
): Promise<Map<string, ParticipationFacts>> {
  const { onlyOrgId, minAbsentMonths } = opts;
  const from = opts.from ?? addMonths(`${asOf.slice(0, 7)}-01`, -LOOKBACK_MONTHS);
  /** Membership row `t` makes its person a current party member of the subtree (of `onlyOrgId`). */
  const isCurrent = (t: string) => {
    const c = (col: string) => sql.ref(`${t}.${col}`);
    return sql`${inSubtree(`${t}.org_path`, rootPath)} and ${c('status')} in ${PARTY} and ${c('valid_from')} <= ${asOf}
      and (${c('valid_to')} is null or ${c('valid_to')} > ${asOf}) ${onlyOrgId ? sql`and ${c('org_id')} = ${onlyOrgId}` : sql``}`;
  };
  // the people at risk are picked once (a few hundred ids at city scale: anywhere, the member queries keep
  // the subtree's) and every query is keyed on them; in one turn (a branch's refresh) as a subquery over the
  // subtree's current members (most branches have nobody at risk: its participation queries then read nothing)
  // (each current member's months counted by key: as a semi-join, the generic plan grouped all of absence_month)
  const riskOf = (months: number) => sql`select c.person_id from (
      select distinct c.person_id from membership c where ${isCurrent('c')}) c
    cross join lateral (select count(*) as n from absence_month a
      where a.person_id = c.person_id and a.month between ${from} and ${asOf} offset 0) k
    where k.n >= ${months}`;
  const riskQuery = opts.oneTurn && minAbsentMonths !== undefined ? riskOf(minAbsentMonths) : undefined;
  const atRisk =
    minAbsentMonths === undefined || riskQuery
      ? undefined
      : (
          await read(
            db,
            sql<{ personId: string }>`
            select person_id from absence_month where month between ${from} and ${asOf}
            group by person_id having count(*) >= ${minAbsentMonths}`,
          )
        ).rows.map((r) => r.personId);
  if (atRisk?.length === 0) return new Map();
  /** `and <column> is one of the people at risk` when only they are loaded. */
  const ofAtRisk = (column: string) =>
    riskQuery
      ? sql`and ${sql.ref(column)} in (${riskQuery})`
      : atRisk
        ? sql`and ${sql.ref(column)} = any(${atRisk}::uuid[])`
        : sql``;
  const cur = riskQuery
    ? riskQuery
    : atRisk
      ? sql`select unnest(${atRisk}::uuid[])`
      : sql`select distinct c.person_id from membership c where ${isCurrent('c')}`;
  const window = sql`m.held_on between ${from} and ${asOf} and m.status <> 'planned'`;
  /** Membership rows `ms` of the current members' spans in the window. */
  const spansOf = sql`ms.person_id in (${cur}) and ms.status in ${PARTY} and ms.valid_from <= ${asOf}
    and (ms.valid_to is null or ms.valid_to > ${from})`;
  // large results read without the camelCase plugin (one object fewer per row): aliases are camelCase
  const raw = db.withoutPlugins();
  const first = Promise.all([
    read(
      raw,
      sql<{ personId: string; orgId: string; name: string; since: string }>`
      select ms.person_id as "personId", ms.org_id as "orgId", pe.name, (min(x.valid_from))::text as since
      from membership ms
      join person pe on pe.id = ms.person_id
      join membership x on x.person_id = ms.person_id and x.org_id = ms.org_id and x.status in ${PARTY}
      where ${isCurrent('ms')} ${ofAtRisk('ms.person_id')}
      group by ms.person_id, ms.org_id, pe.name, pe.ref
      order by ms.org_id, pe.ref nulls last, pe.name, ms.person_id`,
    ),
    read(
      raw,
      sql<{ personId: string; orgId: string; validFrom: string; validTo: string | null }>`
      select ms.person_id as "personId", ms.org_id as "orgId", ms.valid_from::text as "validFrom",
        ms.valid_to::text as "validTo"
      from membership ms where ${spansOf}`,
    ),
  ]);
  const second = (inOrgs: RawBuilder<unknown>) =>
    Promise.all([
      read(
        raw,
        sql<{ orgId: string; days: string[] }>`
      select m.org_id as "orgId", array_agg(m.held_on::text order by m.held_on) as days from meeting m
      where ${inOrgs} and ${window} and m.tags ?| ${WIDE}
      group by m.org_id`,
      ),
      read(
        raw,
        sql<{ personId: string; orgId: string; day: string; status: AttendanceMark['status'] }>`
      select a.person_id as "personId", m.org_id as "orgId", m.held_on::text as day, a.status
      from ${
        atRisk
          ? // the people at risk's rows by key (as a filter, the planner scanned all ≈ 400k rows: 54 → 8 ms)
            sql`unnest(${atRisk}::uuid[]) r(person_id) cross join lateral (select * from meeting_attendance a
              where a.person_id = r.person_id offset 0) a`
          : sql`meeting_attendance a`
      } join meeting m on m.id = a.meeting_id
      where ${inOrgs} and ${window} and m.tags ?| ${WIDE} and a.status <> 'present'`,
      ),
      read(
        raw,
        sql<{ personId: string; orgId: string; day: string }>`
      select a.person_id as "personId", m.org_id as "orgId", m.held_on::text as day
      from meeting_attendance a join meeting m on m.id = a.meeting_id
      where a.person_id in (${cur}) and a.status = 'present' and ${window}
        and not (m.tags ?| ${WIDE})`,
      ),
    ]);
  // oneTurn: every query at once (one round trip of a batched branch run), the orgs of the spans as a subquery;
  // else the later queries keyed by the spans' orgs once read (none when there is no current member)
  const [[members, spans], later] = opts.oneTurn
    ? await Promise.all([
        first,
        second(sql`m.org_id in (select ms.org_id from membership ms where ${spansOf})`),
      ])
    : await first.then(async (f) => {
        const orgs = [...new Set(f[1].rows.map((r) => r.orgId))];
        return [f, f[0].rows.length ? await second(sql`m.org_id = any(${orgs}::uuid[])`) : null] as const;
      });
  if (members.rows.length === 0 || !later) return new Map();
  const [meetings, away, extra] = later;
  // one tally per member row (a person current in two orgs has two), fed every mark of the person
  const yearFrom = `${asOf.slice(0, 4)}-01-01`;
  const byOrg = orgMeetings(meetings.rows, yearFrom);
  // each person's absent/leave rows (one per record: the key of meeting_attendance), with their org's records
  const awayOf = new Map<
    string,
    { org: OrgRecords; day: string; month: number; status: AttendanceMark['status'] }[]
  >();
  for (const a of away.rows) {
    const org = byOrg.get(a.orgId);
    if (!org) continue;
    const mark = { org, day: a.day, month: monthNo(a.day), status: a.status };
    const mine = awayOf.get(a.personId);
    if (mine) mine.push(mark);
    else awayOf.set(a.personId, [mark]);
  }
  const out = new Map<string, ParticipationFacts>();
  const talliesOf = new Map<string, Tally[]>();
  const rows: { member: (typeof members.rows)[number]; tally: Tally }[] = [];
  for (const m of members.rows) {
    const tally = new Tally(m.orgId, yearFrom, asOf);
    rows.push({ member: m, tally });
    const list = talliesOf.get(m.personId);
    if (list) list.push(tally);
    else talliesOf.set(m.personId, [tally]);
  }
  // a span is expected at the member-wide records of its org in [validFrom, validTo): a run of the org's
  // records by day. Its marks are folded a month at a time: a month is attended unless the member was away
  // at every record of it (then it is what those rows make it); records without a row count as present.
  for (const s of spans.rows) {
    const tallies = talliesOf.get(s.personId);
    const org = byOrg.get(s.orgId);
    if (!tallies || !org) continue;
    const i = firstOnOrAfter(org.days, s.validFrom);
    const j = s.validTo === null ? org.days.length : firstOnOrAfter(org.days, s.validTo);
    if (i >= j) continue;
    let awayMonths: Map<number, { n: number; state: MonthState }> | undefined;
    let yearAway = 0;
    let yearLeave = 0;
    for (const a of awayOf.get(s.personId) ?? []) {
      if (a.org !== org || a.day < s.validFrom || (s.validTo !== null && a.day >= s.validTo)) continue;
      awayMonths ??= new Map();
      const prev = awayMonths.get(a.month);
      const state = markState(a.status);
      awayMonths.set(a.month, {
        n: (prev?.n ?? 0) + 1,
        state: prev ? betterState(prev.state, state) : state,
      });
      if (a.day >= yearFrom) {
        yearAway++;
        if (a.status === 'leave') yearLeave++;
      }
    }
    for (const run of org.runs) {
      if (run.end <= i) continue;
      if (run.start >= j) break;
      const away = awayMonths?.get(run.month);
      const state =
        away && away.n === Math.min(run.end, j) - Math.max(run.start, i) ? away.state : 'attended';
      for (const t of tallies) t.month(run.month, state);
    }
    const inYear = Math.max(0, j - Math.max(i, org.yearStart));
    for (const t of tallies) t.count(s.orgId, inYear, inYear - yearAway, yearLeave);
  }
  for (const e of extra.rows)
    for (const t of talliesOf.get(e.personId) ?? []) t.add(e.day, 'present', false, e.orgId);
  for (const { member, tally } of rows) {
    const f = out.get(member.orgId) ?? { members: [] };
    out.set(member.orgId, f);
    f.members.push({
      personId: member.personId,
      name: member.name,
      since: member.since,
      months: tally.months,
      year: tally.year,
    });
  }
  return out;
}

/** ORG-019: for each meeting with votes in the year of `asOf`, the org's full members that day. */
export async function loadVotersOn(
  db: Tx,
  rootPath: string,
  asOf: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await read(
    db.withoutPlugins(),
    sql<{ id: string; orgId: string; n: number }>`
    select m.id, m.org_id as "orgId", (
      select count(distinct f.person_id) from membership f
      where f.org_id = m.org_id and f.status = 'full' and f.valid_from <= m.held_on
        and (f.valid_to is null or f.valid_to > m.held_on)
    )::int as n
    from meeting m
    where ${inSubtree('m.org_path', rootPath)} and m.held_on between ${`${asOf.slice(0, 4)}-01-01`} and ${asOf}
      and m.status <> 'planned' and m.votes <> '[]'::jsonb`,
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows.rows) {
    const rec = out.get(r.orgId) ?? {};
    rec[r.id] = Number(r.n);
    out.set(r.orgId, rec);
  }
  return out;
}

type OrgRecords = {
  /** Days of the org's member-wide records, ascending. */
  days: string[];
  /** Consecutive records of one month ({@link monthNo}): indexes [start, end). */
  runs: { month: number; start: number; end: number }[];
  /** Index of the first record dated on or after 1 January of the evaluation year. */
  yearStart: number;
};

/** Each org's member-wide records (days ascending), with their month runs. */
function orgMeetings(rows: { orgId: string; days: string[] }[], yearFrom: string): Map<string, OrgRecords> {
  const orgs = new Map<string, OrgRecords>();
  for (const { orgId, days } of rows) {
    const runs: OrgRecords['runs'] = [];
    days.forEach((day, index) => {
      const month = monthNo(day);
      const last = runs[runs.length - 1];
      if (last?.month === month) last.end = index + 1;
      else runs.push({ month, start: index, end: index + 1 });
    });
    orgs.set(orgId, { days, runs, yearStart: firstOnOrAfter(days, yearFrom) });
  }
  return orgs;
}
