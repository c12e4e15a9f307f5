import { type RawBuilder, sql } from 'kysely';
import { packed, unpack } from '../../db/packed.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { EduReportable } from './edu-facts.loader.ts';
import {
  CREDIT_COLUMNS,
  type DatedAfter,
  KIND_COLUMNS,
  lessTail,
  sessionsOf,
  snake,
  sumOf,
  tails,
} from './edu-facts.sql.ts';

/**
 * A row of {@link eduPeopleQuery}: a person of an org in a year, roles there and the year's totals as of asOf —
 * the name and ref as columns, the rest packed into one text (see {@link unpackEduRow}).
 */
export type EduPeopleRow = { name: string; ref: string | null; packed: string };

/** A row's packed fields: year, org, person, roles, since when secretary, then the totals (see {@link TOTAL_NAMES}). */
export type EduPeopleFields = {
  year: number;
  orgId: string;
  personId: string;
  roles: string[];
  secretarySince: string | null;
  /** The packed text split at `|`: the totals are read from index {@link TOTALS_AT} on ('' = none). */
  fields: string[];
};

/** Where the totals start in a packed row: each kind's (hours, records), then each kind's meeting credit. */
export const TOTALS_AT = 5;

/** Unpacks a row's `packed` text (src/db/packed.ts): 21 fields — an integer, two uuids, role codes, a date, numbers. */
export function unpackEduRow(text: string): EduPeopleFields {
  const fields = unpack(text);
  return {
    year: Number(fields[0]),
    orgId: fields[1],
    personId: fields[2],
    roles: fields[3] ? fields[3].split(',') : [],
    secretarySince: fields[4] || null,
    fields,
  };
}

/** The totals' column names (camelCase), as read. */
const TOTAL_NAMES = [...KIND_COLUMNS, ...CREDIT_COLUMNS].flatMap((k) => [k.hours, k.n]);

/**
 * The EDU people statement (edu-facts.loader.ts): the people of each org of the subtree on each year's reference
 * day (`years`: [year, day]) — members, and seat holders who are not members there — with their roles and the
 * kept totals of the year less what is dated after asOf (`after`: the tails, asOf's year only); with `reportable`,
 * only the person-years an hour rule can report, the people of CTE `who` (`concern`, whoCte) and of `dayRows`.
 * Read without the camelCase plugin: the aliases are camelCase.
 */
export function eduPeopleQuery(p: {
  rootPath: string;
  asOf: string;
  years: [number, string][];
  after: DatedAfter;
  /** The tails person by person (see tails): one branch, or a subtree with a small share of the tree. */
  tailsByPerson: boolean;
  concern: RawBuilder<unknown>;
  dayRows: RawBuilder<unknown>;
  reportable?: EduReportable;
  /**
   * The years are within study_person_year's span: with `reportable` and nothing dated after asOf, the people a
   * rule can report are found from the kept person-years (see `cand`) instead of every member-year.
   */
  personYears?: boolean;
}): RawBuilder<EduPeopleRow> {
  const { rootPath, asOf, years, after, concern, dayRows, reportable } = p;
  // the kept totals (and tails) of a person-year `x`; the second time by key, so without the years' bounds
  const totalsBy = (
    x: string,
    bounded = false,
  ) => `left join study_year_total t on t.person_id = ${x}.person_id
      and t.year = ${x}.year ${bounded ? `and t.year between ${years[0][0]} and ${years[years.length - 1][0]}` : ''}
    ${after.records ? `left join tail on tail.person_id = ${x}.person_id and tail.year = ${x}.year` : ''}
    left join study_credit_total c on c.person_id = ${x}.person_id and c.year = ${x}.year
      ${bounded ? `and c.year between ${years[0][0]} and ${years[years.length - 1][0]}` : ''}
    ${after.credits ? `left join credit_tail ct on ct.person_id = ${x}.person_id and ct.year = ${x}.year` : ''}`;
  // the years as constants too: each totals table is read for them only (the hash of a city run)
  const totals = sql.raw(totalsBy('x', true));
  const sum = (...kinds: string[]) => sumOf(kinds, after);
  // without tails (evaluating today) the sums are read from the float8 columns kept beside the totals (migration
  // 0019), compared with a margin: a superset of the exact numeric comparison (the checks judge exact totals)
  const kept = !after.records && !after.credits;
  const floats = (col: string) => sql.raw(`(coalesce(t.${col}, 0) + coalesce(c.${col}, 0))`);
  const cc = kept ? floats('cc_hours') : sum('concentrated', 'collective');
  const conc = kept ? floats('conc_hours') : sum('concentrated');
  // (hours are never negative: a bound of 0 — no rule in force — keeps nobody)
  const under = (value: RawBuilder<unknown>, bound: number) =>
    bound <= 0 ? sql`false` : kept ? sql`${value} < ${bound}::float8 + 1e-6` : sql`${value} < ${bound}`;
  // the filter's clauses over a row `x` of seats or everyone, given its sums
  const clauses = (
    x: string,
    v: { cc: RawBuilder<unknown>; conc: RawBuilder<unknown>; sessions: RawBuilder<unknown> },
  ) =>
    reportable && {
      member: under(v.cc, reportable.memberHours),
      seat: sql`(${sql.raw(x)}.leader and (${under(v.cc, reportable.leaderHours)} or ${v.sessions} < ${reportable.leaderSessions}))
        or (${sql.raw(x)}.secretary and ${under(v.conc, reportable.secretaryConcentrated ?? 0)})`,
    };
  const anyone = sql`x.person_id in (select person_id from who) or x.person_id in (select person_id from d)`;
  // Kept person-years (migration 0021; no tails, the years in its span): the candidates (year, person) are the
  // people short of the member hours (an index range), the seat holders short of what their seats ask and the
  // people of who and d; only their rows of everyone are built, and the filter reads their kept sums (the same
  // float8 values as t and c give). A row of everyone left out fails every clause, so the same rows are kept; a
  // city run joins ≈ 35k rows by key instead of ≈ 254k member-years with both totals tables (docs/decisions.md)
  const fromKept = !!(p.personYears && kept && reportable);
  const inYears = sql`k.year in (${sql.join(years.map(([y]) => sql`${y}::int`))})`;
  const keptSums = {
    cc: sql.raw('k.cc_hours'),
    conc: sql.raw('k.conc_hours'),
    sessions: sql.raw('k.sessions'),
  };
  const byKept = clauses('x', keptSums);
  const bySeat = clauses('s', keptSums);
  const cand =
    fromKept && byKept && bySeat
      ? sql`cand as (
      select r.year, r.d, k.person_id from study_person_year k join r on r.year = k.year
      where ${inYears} and ${byKept.member}
      union
      select r.year, r.d, s.person_id from (select * from seats order by person_id) s join r on r.year = s.year
        join study_person_year k on k.person_id = s.person_id and k.year = s.year
      where ${inYears} and (${bySeat.seat})
      union
      select r.year, r.d, w.person_id from r cross join (select person_id from who union select person_id from d) w),`
      : sql``;
  const byTotals = clauses('x', { cc, conc, sessions: sessionsOf(after) });
  const needed = byTotals
    ? sql`from everyone x ${totals} where ${byTotals.member} or ${byTotals.seat} or ${anyone}`
    : sql`from everyone x ${totals}`;
  // the kept row read once, by key: its sums for the filter and its totals for the rows kept (no lookup of t, c;
  // zeros sent as null, as t and c's missing rows were: nothing to parse)
  const neededKept =
    byKept &&
    sql`, ${sql.join(TOTAL_NAMES.map((n) => sql`(nullif(k.${sql.raw(snake(n))}, 0))::float8 as ${sql.ref(n)}`))}
      from everyone x
      cross join lateral (select * from study_person_year k
        where k.person_id = x.person_id and k.year = x.year offset 0) k
      where ${byKept.member} or ${byKept.seat} or ${anyone}`;
  // the totals as of asOf: kept less tails (with tails, computed once, where the filter reads them)
  const columns = (t: string, c: string) =>
    sql`${lessTail(t, after.records ? 'tail' : null, KIND_COLUMNS)},
      ${lessTail(c, after.credits ? 'ct' : null, CREDIT_COLUMNS)}`;
  // Two stages: which person-years are needed, from narrow rows (keys and the few sums the filter reads: the
  // hash joins of ≈ 250k member-years carry nothing else), then, for the ≈ 20k kept, their roles, totals and names
  // by key. Before, every member-year carried its 16 totals and roles array through the joins: a city run's
  // statement alone, both years, rows sent, 910 → 800 ms.
  return sql<EduPeopleRow>`
  with r(year, d) as (values ${sql.join(years.map(([y, d]) => sql`(${y}::int, ${d}::date)`))}),
  ${concern},
  d as (${dayRows}),
  pos as (
    select r.year, p.org_id, p.person_id, p.role
    from position p join org o on o.id = p.org_id
      join r on p.valid_from <= r.d and (p.valid_to is null or p.valid_to > r.d)
    where ${inSubtree('o.path', rootPath)}),
  seats as (
    select year, org_id, person_id, bool_or(role in ('secretary', 'deputy_secretary', 'committee_member')) as leader,
      bool_or(role = 'secretary') as secretary, bool_or(role <> 'group_leader') as seat
    from pos group by 1, 2, 3),
  ${cand}
  members as (
    select r.year, m.org_id, m.person_id
    from ${
      fromKept
        ? // each candidate's rows by key, in key order (a hash join read all of membership)
          sql`(select * from cand order by person_id) r cross join lateral (select m.org_id, m.person_id from membership m
            where m.person_id = r.person_id and`
        : sql`membership m join r on`
    } m.valid_from <= r.d and (m.valid_to is null or m.valid_to > r.d)
      and ${inSubtree('m.org_path', rootPath)} and m.status in ('probationary', 'full') ${fromKept ? sql`offset 0) m` : sql``}),
  -- members (with their seats there, if any), and seat holders who are not members there (a group leader's seat
  -- alone does not count); one hash join, no duplicate elimination (a member's overlapping rows, which the data
  -- should not have, are skipped when the rows are read)
  everyone as (
    select coalesce(m.year, s.year) as year, coalesce(m.org_id, s.org_id) as org_id,
      coalesce(m.person_id, s.person_id) as person_id, s.leader, s.secretary
    from members m full join ${fromKept ? sql`(select s.* from seats s join cand x on x.year = s.year and x.person_id = s.person_id)` : sql`seats`} s
      on s.year = m.year and s.org_id = m.org_id and s.person_id = m.person_id
    where m.person_id is not null or s.seat),
  ${tails(asOf, p.tailsByPerson, after)}
  -- the filter runs before anything else is joined (materialized: the lookups below wait for it)
  needed as materialized (
    select x.year, x.org_id, x.person_id ${kept ? sql`` : sql`, ${columns('t', 'c')}`}
    ${fromKept && neededKept ? neededKept : needed}
    -- in key order: the lookups below then walk the indexes and tables of person, t and c in their order (a city
    -- run's statement, rows sent: 878 → 799 ms on the enumeration, 901 → 694 ms from the kept person-years)
    order by x.year, x.person_id)
  select z.name, z.ref, ${packed([
    sql`z.year`,
    sql`z.org_id`,
    sql`z.person_id`,
    sql`array_to_string(z.roles, ',')`,
    sql`z.secretary_since`,
    ...TOTAL_NAMES.map((c) => sql`z.${sql.ref(c)}`),
  ])} as packed
  from (
  select y.year, y.org_id, y.person_id, per.name, per.ref, roles.roles, roles.secretary_since,
    ${kept && !fromKept ? columns('t', 'c') : sql.join(TOTAL_NAMES.map((c) => sql.ref(`y.${c}`)))}
  from needed y join r on r.year = y.year
    -- names by key for the few rows kept (a hash join read all of person)
    cross join lateral (select name, ref from person where id = y.person_id offset 0) per
    -- the roles held there that year (every seat of the subtree's orgs, as in pos), by key
    left join lateral (
      select array_agg(distinct p.role collate "C" order by p.role collate "C") as roles,
        (max(p.valid_from) filter (where p.role = 'secretary'))::text as secretary_since
      from position p where p.person_id = y.person_id and p.org_id = y.org_id
        and p.valid_from <= r.d and (p.valid_to is null or p.valid_to > r.d)) roles on true
    ${kept && !fromKept ? sql.raw(totalsBy('y')) : sql``}) z
  order by z.year, z.person_id`;
}
