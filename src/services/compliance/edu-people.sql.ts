import { type RawBuilder, sql } from 'kysely';
import { inSubtree } from '../../db/subtree.ts';
import type { EduReportable } from './edu-facts.loader.ts';
import {
  CREDIT_COLUMNS,
  type CreditTotals,
  type DatedAfter,
  KIND_COLUMNS,
  type YearTotals,
  lessTail,
  sessionsOf,
  sumOf,
  tails,
} from './edu-facts.sql.ts';

/** A row of {@link eduPeopleQuery}: a person of an org in a year, roles there and the year's totals as of asOf. */
export type EduPeopleRow = {
  year: number;
  orgId: string;
  personId: string;
  name: string;
  ref: string | null;
  roles: string[] | null;
  secretarySince: string | null;
} & YearTotals &
  CreditTotals;

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
  oneBranch: boolean;
  concern: RawBuilder<unknown>;
  dayRows: RawBuilder<unknown>;
  reportable?: EduReportable;
}): RawBuilder<EduPeopleRow> {
  const { rootPath, asOf, years, after, oneBranch, concern, dayRows, reportable } = p;
  // the years as constants too: each totals table is read for them only (the hash of a city run)
  const inYears = (col: string) =>
    sql`${sql.ref(col)} between ${years[0][0]} and ${years[years.length - 1][0]}`;
  const totals = sql`left join study_year_total t on t.person_id = x.person_id and t.year = x.year
      and ${inYears('t.year')}
    ${after.records ? sql`left join tail on tail.person_id = x.person_id and tail.year = x.year` : sql``}
    left join study_credit_total c on c.person_id = x.person_id and c.year = x.year and ${inYears('c.year')}
    ${after.credits ? sql`left join credit_tail ct on ct.person_id = x.person_id and ct.year = x.year` : sql``}`;
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
  const leader = sql`roles.roles && array['secretary', 'deputy_secretary', 'committee_member']`;
  const needed = reportable
    ? sql`where ${under(cc, reportable.memberHours)}
        or (${leader} and (${under(cc, reportable.leaderHours)} or ${sessionsOf(after)} < ${reportable.leaderSessions}))
        or ('secretary' = any(roles.roles) and ${under(conc, reportable.secretaryConcentrated ?? 0)})
        or x.person_id in (select person_id from who) or x.person_id in (select person_id from d)`
    : sql``;
  return sql<EduPeopleRow>`
  with r(year, d) as (values ${sql.join(years.map(([y, d]) => sql`(${y}::int, ${d}::date)`))}),
  ${concern},
  d as (${dayRows}),
  pos as (
    select r.year, r.d, p.org_id, p.person_id, p.role, p.valid_from
    from position p join org o on o.id = p.org_id
      join r on p.valid_from <= r.d and (p.valid_to is null or p.valid_to > r.d)
    where ${inSubtree('o.path', rootPath)}),
  -- members, and seat holders who are not members there: no union's duplicate elimination over ~250k rows
  -- (a member's overlapping rows, which the data should not have, are skipped when the rows are read)
  everyone as (
    select r.year, m.org_id, m.person_id from membership m
      join r on m.valid_from <= r.d and (m.valid_to is null or m.valid_to > r.d)
    where ${inSubtree('m.org_path', rootPath)} and m.status in ('probationary', 'full')
    union all
    -- each seat holder's membership probed by key (a hash anti-join hashed all of membership: ≈ 100 ms a city run)
    select distinct year, org_id, person_id from pos left join lateral (select 1 as hit from membership m
      where m.person_id = pos.person_id and m.org_id = pos.org_id and m.status in ('probationary', 'full')
        and m.valid_from <= pos.d and (m.valid_to is null or m.valid_to > pos.d) limit 1) member on true
    where role <> 'group_leader' and member.hit is null),
  ${tails(asOf, oneBranch, after)}
  roles as (
    select year, org_id, person_id, array_agg(distinct role collate "C" order by role collate "C") as roles,
      (max(valid_from) filter (where role = 'secretary'))::text as secretary_since
    from pos group by 1, 2, 3),
  -- the filter runs before the names are joined (materialized: the person join waits for it)
  needed as materialized (
    select x.year, x.org_id, x.person_id, roles.roles, roles.secretary_since,
      ${lessTail('t', after.records ? 'tail' : null, KIND_COLUMNS)},
      ${lessTail('c', after.credits ? 'ct' : null, CREDIT_COLUMNS)}
    from everyone x
      left join roles on roles.year = x.year and roles.org_id = x.org_id and roles.person_id = x.person_id
      ${totals}
    ${needed})
  select y.year, y.org_id as "orgId", y.person_id as "personId", per.name, per.ref, y.roles,
    y.secretary_since as "secretarySince", ${sql.join(
      [...KIND_COLUMNS, ...CREDIT_COLUMNS].flatMap((k) => [sql.ref(`y.${k.hours}`), sql.ref(`y.${k.n}`)]),
    )}
  -- names by key for the few rows kept (a hash join read all of person)
  from needed y cross join lateral (select name, ref from person where id = y.person_id offset 0) per
  order by y.year, y.person_id`;
}
