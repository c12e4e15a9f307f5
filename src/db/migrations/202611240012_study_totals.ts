import { type Kysely, sql } from 'kysely';

/** The record kinds (study_record.kind) and the column suffix of their totals. */
export const KINDS = [
  ['concentrated_training', 'concentrated'],
  ['collective_study', 'collective'],
  ['online', 'online'],
  ['self_study', 'self'],
] as const;

/** Columns of the yearly totals: hours and records of each kind. */
const COLUMNS = KINDS.flatMap(([, c]) => [`hours_${c}`, `n_${c}`]);

/**
 * `select person_id, year, <hours and count per kind>, count from <rows> group by 1, 2`, each value
 * multiplied by `sign` (+1 for rows added, -1 for rows removed).
 */
const yearDelta = (rows: string, sign: 1 | -1) => `
  select person_id, extract(year from studied_on)::int as year,
    ${KINDS.map(
      ([k, c]) =>
        `${sign} * coalesce(sum(hours) filter (where kind = '${k}'), 0) as hours_${c}, ${sign} * count(*) filter (where kind = '${k}') as n_${c}`,
    ).join(',\n    ')},
    ${sign} * count(*) as n
  from ${rows} group by 1, 2`;

const dayDelta = (rows: string, sign: 1 | -1) => `
  select person_id, studied_on as day, ${sign} * sum(hours) as hours, ${sign} * count(*) as n
  from ${rows} group by 1, 2`;

/** Adds the summed deltas to the totals (rows with no net change skipped), in key order. */
const upsertYear = (deltas: string) => `
  insert into study_year_total as t (person_id, year, ${COLUMNS.join(', ')}, n)
    select person_id, year, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}, sum(n)
    from (${deltas}) d group by 1, 2
    having ${COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ')}
    order by 1, 2
    on conflict (person_id, year) do update set
      ${[...COLUMNS, 'n'].map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')};`;

const upsertDay = (deltas: string) => `
  insert into study_day_total as t (person_id, day, hours, n)
    select person_id, day, sum(hours), sum(n) from (${deltas}) d group by 1, 2
    having sum(hours) <> 0 or sum(n) <> 0
    order by 1, 2
    on conflict (person_id, day) do update set hours = t.hours + excluded.hours, n = t.n + excluded.n;`;

/**
 * Study record totals kept by statement-level triggers on `study_record` (transition tables: one
 * grouped upsert per statement, so a bulk import costs a few grouped statements, not one per row):
 * - `study_year_total`: hours and records per person and calendar year, one column pair per kind —
 *   the hour rules (EDU-001…003) need only these sums, not the ~1M records a city enters a year;
 * - `study_day_total`: hours per person and day, indexed on hours — EDU-006 reads only the days over
 *   the per-day cap.
 * Rows whose record count returns to zero are removed. Upserts run in key order so concurrent writers
 * lock totals in the same order. No foreign key on person: the totals are derived from study_record
 * (which has it), and a per-row key check was a quarter of the trigger's cost on a bulk import.
 * `study_record_day` serves the records after an evaluation date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table study_year_total (
  person_id uuid not null,
  year integer not null,
  ${sql.raw(KINDS.map(([, c]) => `hours_${c} numeric not null,\n  n_${c} integer not null,`).join('\n  '))}
  n integer not null,
  primary key (person_id, year)
);
create table study_day_total (
  person_id uuid not null,
  day date not null,
  hours numeric not null,
  n integer not null,
  primary key (person_id, day)
);
create index study_day_total_hours on study_day_total (hours);
create index study_record_day on study_record (studied_on);

insert into study_year_total (person_id, year, ${sql.raw(COLUMNS.join(', '))}, n)
  ${sql.raw(yearDelta('study_record', 1))};
insert into study_day_total (person_id, day, hours, n)
  ${sql.raw(dayDelta('study_record', 1))};

create function zhibu_study_totals() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    ${sql.raw(upsertYear(yearDelta('new_rows', 1)))}
    ${sql.raw(upsertDay(dayDelta('new_rows', 1)))}
    return null;
  end if;
  if TG_OP = 'DELETE' then
    ${sql.raw(upsertYear(yearDelta('old_rows', -1)))}
    ${sql.raw(upsertDay(dayDelta('old_rows', -1)))}
  else
    ${sql.raw(upsertYear(`${yearDelta('old_rows', -1)} union all ${yearDelta('new_rows', 1)}`))}
    ${sql.raw(upsertDay(`${dayDelta('old_rows', -1)} union all ${dayDelta('new_rows', 1)}`))}
  end if;
  delete from study_year_total t
    using (select distinct person_id, extract(year from studied_on)::int as year from old_rows) k
    where t.person_id = k.person_id and t.year = k.year and t.n = 0;
  delete from study_day_total t
    using (select distinct person_id, studied_on from old_rows) k
    where t.person_id = k.person_id and t.day = k.studied_on and t.n = 0;
  return null;
end $$;

create trigger study_record_totals_insert after insert on study_record
  referencing new table as new_rows for each statement execute function zhibu_study_totals();
create trigger study_record_totals_update after update on study_record
  referencing old table as old_rows new table as new_rows for each statement execute function zhibu_study_totals();
create trigger study_record_totals_delete after delete on study_record
  referencing old table as old_rows for each statement execute function zhibu_study_totals();
`.execute(db);
}
