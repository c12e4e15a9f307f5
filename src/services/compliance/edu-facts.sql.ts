import { sql } from 'kysely';
import { inSubtree } from '../../db/subtree.ts';
import type { StudyKind } from '../../shared/study-enums.ts';
import type { Tx } from '../deps.ts';

/**
 * The SQL pieces of the EDU facts (edu-facts.loader.ts): the people EDU-004/005 concern, the kept totals' columns
 * and what is dated after the evaluation date.
 */

/** Whether anything is dated after the evaluation date in its year (see {@link eduDatedAfter}). */
export type DatedAfter = { records: boolean; credits: boolean };

/** The people with a membership row in the subtree (a statement to use as `in (…)` or a derived table). */
export const subtreePeople = (rootPath: string) =>
  sql`select person_id from membership where ${inSubtree('org_path', rootPath)}`;

/**
 * Whom EDU-004/005 concern: new members (EDU-005), secretaries (EDU-004) — each only when a pack in force scores
 * its rule — and, with `untrainedBy` (an evaluation date), only the new members with no concentrated training
 * in their window by then (the others cannot be reported).
 */
export type Concern = { newMembers: boolean; secretaries: boolean; untrainedBy?: string };

/**
 * CTEs `recent`, `sec`, `who`: the people EDU-004/005 can concern — admitted recently enough for the EDU-005
 * window (12 months after 转正, else 24 after admission, with a month to spare) to reach the evaluated years
 * (from `from`), or made secretary in the subtree since `from` (EDU-004). Admission dates are kept per person
 * over the whole history (person_admission, migration 0017): for one branch they are looked up person by
 * person (a plan that stays right when planned generically), for larger subtrees filtered in one pass.
 */
export const whoCte = (rootPath: string, from: string, oneBranch: boolean, concern: Concern) => {
  const people = subtreePeople(rootPath);
  // the window as new-member-training.ts computes it (date + interval clamps to the month's end like addMonths)
  // a training in the window probed person by person (limit 1 keeps the probe: as `not exists`, an anti-join
  // merged the admissions with every concentrated training, ≈ 85 ms a city run against ≈ 40)
  const trained = concern.untrainedBy
    ? sql`left join lateral (select 1 as hit from study_record s
        where s.person_id = a.person_id and s.kind = 'concentrated_training' and s.studied_on >= a.probation_from
          and s.studied_on <= least(${concern.untrainedBy}::date,
            coalesce(a.full_from + interval '12 months', a.probation_from + interval '24 months')::date)
        limit 1) trained on true`
    : sql``;
  const isRecent = sql`${sql.raw(concern.newMembers ? 'true' : 'false')} and a.probation_from is not null
    and coalesce(a.full_from + interval '13 months', a.probation_from + interval '25 months') >= ${from}::date
    ${concern.untrainedBy ? sql`and trained.hit is null` : sql``}`;
  const recent = oneBranch
    ? // offset 0 keeps the lookup a subquery (a join would be planned as a scan of the whole table)
      sql`select a.* from (${people} group by person_id) sp cross join lateral (
          select * from person_admission p where p.person_id = sp.person_id offset 0) a ${trained}
        where ${isRecent}`
    : rootPath === '/'
      ? sql`select a.* from person_admission a ${trained} where ${isRecent}` // everyone kept has a membership row
      : sql`select a.* from person_admission a ${trained} where ${isRecent} and a.person_id in (${people})`;
  return sql`recent as (${recent}),
    sec as (
      select p.person_id from position p join org o on o.id = p.org_id
      where ${sql.raw(concern.secretaries ? 'true' : 'false')} and ${inSubtree('o.path', rootPath)}
        and p.role = 'secretary' and p.valid_from >= ${from}::date),
    who as (select person_id from recent union select person_id from sec)`;
};

/** Kinds and their yearly total columns in study_year_total (as read: camelCase). */
export const KIND_COLUMNS = [
  { kind: 'concentrated_training', hours: 'hoursConcentrated', n: 'nConcentrated' },
  { kind: 'collective_study', hours: 'hoursCollective', n: 'nCollective' },
  { kind: 'online', hours: 'hoursOnline', n: 'nOnline' },
  { kind: 'self_study', hours: 'hoursSelf', n: 'nSelf' },
] as const satisfies readonly { kind: StudyKind; hours: string; n: string }[];

/** The same kinds in study_credit_total, read under their own names (`creditHoursConcentrated` …). */
export const CREDIT_COLUMNS = KIND_COLUMNS.map((k) => ({
  kind: k.kind,
  hours: `credit${k.hours[0].toUpperCase()}${k.hours.slice(1)}`,
  n: `credit${k.n[0].toUpperCase()}${k.n.slice(1)}`,
})) as unknown as readonly { kind: StudyKind; hours: CreditColumn; n: CreditColumn }[];
type CreditColumn = `credit${Capitalize<(typeof KIND_COLUMNS)[number]['hours' | 'n']>}`;

/** A person's own hours and records of one year per kind (null when the person has none that year). */
export type YearTotals = Record<(typeof KIND_COLUMNS)[number]['hours' | 'n'], number | null>;
/** A person's meeting credit of one year per kind: hours and meetings (null when none). */
export type CreditTotals = Record<CreditColumn, number | null>;

/** `hoursConcentrated` → `hours_concentrated`. */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `sum(hours) filter (where kind = …) as hours_<kind>, count(*) filter (…) as n_<kind>` for every kind. */
const sumsByKind = sql.join(
  KIND_COLUMNS.map(
    (k) => sql`sum(hours) filter (where kind = ${k.kind}) as ${sql.raw(snake(k.hours))},
      count(*) filter (where kind = ${k.kind}) as ${sql.raw(snake(k.n))}`,
  ),
);

/**
 * CTEs `tail` and `credit_tail`: the records and the meeting credit dated after `asOf` in its year, summed like
 * study_year_total and study_credit_total (none when evaluating today). `byPerson` (a branch, a small subtree):
 * person by person (CTE `everyone`) — summed over everyone, a branch as of a past day cost ~1.4 s at city scale, and
 * a person filter does not reach below the credit view's `union` (a lateral reference does). Larger subtrees sum
 * them in one pass, once (materialized): a subtree filter made the city run as of 2026-03-31 slower (8.2–8.5 →
 * 9.7–9.8 s); inlined, a 总支's plan (a few rows expected) re-ran the city-wide sum for each row (minutes).
 */
export const tails = (asOf: string, byPerson: boolean, after: DatedAfter) => {
  const end = `${asOf.slice(0, 4)}-12-31`;
  const tail = (name: string, table: string, day: string) =>
    byPerson
      ? sql`${sql.raw(name)} as (
          select sp.person_id, s.* from (select distinct person_id from everyone) sp cross join lateral (
            select extract(year from ${sql.raw(day)})::int as year, ${sumsByKind}
            from ${sql.raw(table)} where person_id = sp.person_id and ${sql.raw(day)} > ${asOf}
              and ${sql.raw(day)} <= ${end}
            group by 1) s)`
      : sql`${sql.raw(name)} as materialized (
          select person_id, extract(year from ${sql.raw(day)})::int as year, ${sumsByKind}
          from ${sql.raw(table)} where ${sql.raw(day)} > ${asOf} and ${sql.raw(day)} <= ${end}
          group by 1, 2)`;
  // only those read (each followed by a comma): an unread CTE that names `everyone` would still make PostgreSQL
  // materialize it
  const read = [
    ...(after.records ? [tail('tail', 'study_record', 'studied_on')] : []),
    ...(after.credits ? [tail('credit_tail', 'study_credit_source', 'held_on')] : []),
  ];
  return read.length ? sql`${sql.join(read)},` : sql``;
};

/** Columns `records`, `credits`: whether own records or credited meetings are dated after `asOf` in its year. */
export const datedAfterColumns = (asOf: string) => {
  const end = `${asOf.slice(0, 4)}-12-31`;
  return sql`exists (select 1 from study_record where studied_on > ${asOf} and studied_on <= ${end}) as records,
    exists (select 1 from meeting_study_credit where held_on > ${asOf} and held_on <= ${end}) as credits`;
};

/** Whether anything is dated after `asOf` in its year: own records, credited meetings (none when evaluating today). */
export async function eduDatedAfter(db: Tx, asOf: string): Promise<DatedAfter> {
  return (await sql<DatedAfter>`select ${datedAfterColumns(asOf)}`.execute(db)).rows[0];
}

/** Columns of a kept total (alias `total`) less what is dated after the evaluation date (alias `after`, if any). */
export const lessTail = (
  total: string,
  after: string | null,
  names: readonly { hours: string; n: string }[],
) =>
  sql.join(
    KIND_COLUMNS.flatMap((k, i) => [
      [k.hours, names[i].hours],
      [k.n, names[i].n],
    ]).map(([c, as]) => {
      const col = snake(c);
      const value = after ? `${total}.${col} - coalesce(${after}.${col}, 0)` : `${total}.${col}`;
      return sql`(${sql.raw(value)})::float8 as ${sql.ref(as)}`;
    }),
  );

/** The value of some total columns (`hours_<kind>` …) of own records and meeting credit, as of the evaluation date. */
const asOfValue = (columns: string[], after: DatedAfter) =>
  sql.raw(
    `(0 ${columns
      .flatMap((col) => [
        `+ coalesce(t.${col}, 0)`,
        after.records ? `- coalesce(tail.${col}, 0)` : '',
        `+ coalesce(c.${col}, 0)`,
        after.credits ? `- coalesce(ct.${col}, 0)` : '',
      ])
      .join(' ')})`,
  );

/** A person-year's hours of the given kinds (column suffixes), own and credited. */
export const sumOf = (kinds: string[], after: DatedAfter) =>
  asOfValue(
    kinds.map((k) => `hours_${k}`),
    after,
  );

/** A person-year's concentrated-training sessions, own records and credited meetings. */
export const sessionsOf = (after: DatedAfter) => asOfValue(['n_concentrated'], after);
