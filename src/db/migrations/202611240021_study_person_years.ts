import { type Kysely, sql } from 'kysely';
import { createStatementTriggers } from './202611240014_study_credit_totals.ts';
import { refreshTrigger } from './202611240015_absence_months.ts';
import { KINDS } from './202611240012_study_totals.ts';

/**
 * The person-years of the people the membership (预备/正式) and position rows `where` picks (columns `person_id`,
 * `valid_from`, `valid_to`), in the years `from`…`through` (SQL; `span`: study_person_year_span's, read as `s`).
 */
const personYearKeys = (where: string, from: string, through: string, span = false) => `
  select distinct x.person_id, y.year
  from ${span ? 'study_person_year_span s, ' : ''}(
    select person_id, valid_from, valid_to from membership where status in ('probationary', 'full')
    union all
    select person_id, valid_from, valid_to from position) x
  cross join lateral generate_series(
    greatest(extract(year from x.valid_from)::int, ${from}),
    least(coalesce(extract(year from x.valid_to - 1)::int, ${through}), ${through})) y(year)
  where ${where}`;

/** The kinds' own totals (study_year_total's columns); the meeting credit's are kept as `credit_<column>`. */
const OWN = KINDS.flatMap(([, c]) => [`hours_${c}`, `n_${c}`]);
/** Every kept column: the filter's three sums, then each kind's own and credited totals. */
const COLUMNS = ['cc_hours', 'conc_hours', 'sessions', ...OWN, ...OWN.map((c) => `credit_${c}`)];

/**
 * The kept values of person-years `k` (person_id, year): the filter's sums are the same float8 expressions the EDU
 * people statement used (edu-people.sql.ts), so a kept value and the statement's value are the same number; each
 * kind's totals as the two totals tables hold them (0 where they have no row).
 */
const sumsOf = (keys: string) => `
  select k.person_id, k.year, coalesce(t.cc_hours, 0) + coalesce(c.cc_hours, 0) as cc_hours,
    coalesce(t.conc_hours, 0) + coalesce(c.conc_hours, 0) as conc_hours,
    0 + coalesce(t.n_concentrated, 0) + coalesce(c.n_concentrated, 0) as sessions,
    ${OWN.map((col) => `coalesce(t.${col}, 0) as ${col}`).join(', ')},
    ${OWN.map((col) => `coalesce(c.${col}, 0) as credit_${col}`).join(', ')}
  from (${keys}) k
    left join study_year_total t on t.person_id = k.person_id and t.year = k.year
    left join study_credit_total c on c.person_id = k.person_id and c.year = k.year`;

/** Re-reads the values of the person-years whose totals the statement touched (`rows`: its transition tables). */
const revalue = (rows: string) => `
    update study_person_year m set ${COLUMNS.map((c) => `${c} = v.${c}`).join(', ')}
    from (${sumsOf(`select distinct person_id, year from (${rows}) r`)}) v
    where m.person_id = v.person_id and m.year = v.year
      and (${COLUMNS.map((c) => `m.${c}`).join(', ')}) is distinct from (${COLUMNS.map((c) => `v.${c}`).join(', ')});`;

/** `insert into study_person_year (…)` naming every column. */
const INSERT = `insert into study_person_year (person_id, year, ${COLUMNS.join(', ')})`;

/**
 * The study sums of every person-year the EDU people statement can consider, kept at write time (EDU-001…003):
 * `study_person_year` has a row for each person and calendar year in which the person holds, for at least a day,
 * a 预备 or 正式 membership row or a position, for the years of `study_person_year_span` (from two years before the
 * year this migration ran; `zhibu_person_years_through` adds years, the nightly run calls it), with the sums that
 * statement filters on (集中培训 + 集体学习 hours, 集中培训 hours and sessions, own records and meeting credit
 * together) and each kind's own and credited totals, which it sends for the rows it keeps. People with no hours
 * have a row of zeros, so the members short of an hour bound are an index range (`study_person_year_short`)
 * instead of ≈ 254k member-years enumerated from membership and hash-joined with both totals tables at each city
 * run (docs/decisions.md, docs/benchmarks.md session 10). A row may outlive its membership or position (the
 * statement checks both on the reference day), but every row's values are exact.
 *
 * Kept by statement triggers: membership and position (the people of changed rows re-derived; dataset imports
 * defer them with the other kept totals, services/infra/kept-totals.ts) and the two totals tables (the sums of
 * the touched person-years re-read; never deferred: the totals are final when their statement ends).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table study_person_year (
  person_id uuid not null,
  year integer not null,
  cc_hours float8 not null,
  conc_hours float8 not null,
  sessions integer not null,
  ${sql.raw(OWN.map((c) => `${c} ${c.startsWith('n_') ? 'integer' : 'numeric'} not null,\n  credit_${c} ${c.startsWith('n_') ? 'integer' : 'numeric'} not null,`).join('\n  '))}
  primary key (person_id, year)
);
create index study_person_year_short on study_person_year (year, cc_hours) include (person_id);
create table study_person_year_span (
  from_year integer not null,
  through_year integer not null
);
insert into study_person_year_span
  select extract(year from current_date)::int - 2, extract(year from current_date)::int;

${sql.raw(INSERT)}
  ${sql.raw(sumsOf(personYearKeys('true', 's.from_year', 's.through_year', true)))}
  order by 1, 2;
analyze study_person_year;

create function zhibu_refresh_person_years(ids uuid[]) returns void language sql as $$
  delete from study_person_year where person_id = any(ids);
  ${sql.raw(INSERT)}
    ${sql.raw(sumsOf(personYearKeys('x.person_id = any(ids)', 's.from_year', 's.through_year', true)))}
    order by 1, 2;
$$;

-- adds the person-years of everyone up to the year y (false: already there); writers of person-years wait
create function zhibu_person_years_through(y integer) returns boolean language plpgsql as $$
declare
  last integer;
begin
  if (select through_year from study_person_year_span) >= y then
    return false;
  end if;
  lock table study_person_year in share row exclusive mode;
  select through_year into last from study_person_year_span;
  if last >= y then
    return false;
  end if;
  ${sql.raw(INSERT)}
    ${sql.raw(sumsOf(personYearKeys('true', 'last + 1', 'y')))}
    order by 1, 2
    on conflict (person_id, year) do nothing;
  update study_person_year_span set through_year = y;
  return true;
end $$;

${sql.raw(
  refreshTrigger('zhibu_person_years_people', 'zhibu_refresh_person_years', {
    insert: 'select person_id from new_rows',
    delete: 'select person_id from old_rows',
    update: 'select person_id from old_rows union all select person_id from new_rows',
  }),
)}

create function zhibu_person_year_sums() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    ${sql.raw(revalue('select person_id, year from new_rows'))}
  elsif TG_OP = 'DELETE' then
    ${sql.raw(revalue('select person_id, year from old_rows'))}
  else
    ${sql.raw(revalue('select person_id, year from old_rows union all select person_id, year from new_rows'))}
  end if;
  return null;
end $$;
`.execute(db);
  await createStatementTriggers(db, 'person_years', [
    ['membership', 'zhibu_person_years_people', ['insert', 'update', 'delete']],
    ['position', 'zhibu_person_years_people', ['insert', 'update', 'delete']],
    ['study_year_total', 'zhibu_person_year_sums', ['insert', 'update', 'delete']],
    ['study_credit_total', 'zhibu_person_year_sums', ['insert', 'update', 'delete']],
  ]);
}
