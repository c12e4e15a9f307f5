import { type Kysely, sql } from 'kysely';
import { KINDS } from './202611240012_study_totals.ts';

const COLUMNS = KINDS.flatMap(([, c]) => [`hours_${c}`, `n_${c}`]);

/**
 * Product default credit setting (domain/study/hours.ts DEFAULT_CREDIT when this migration was written:
 * 集中学习 and 党课, by duration, 2 h without an end time, 集体学习). A later change of the default needs a
 * migration that replaces `meeting_study_credit`.
 */
const DEFAULT = { tags: ['study', 'party_lecture'], mode: 'duration', hours: 2, kind: 'collective_study' };

/** Re-derives the credit totals of the people a query returns (it may read the trigger's transition tables). */
const refresh = (ids: string) => `
    perform zhibu_refresh_study_credits(array(select distinct person_id from (${ids}) k));`;

/** A meeting change that can alter its credit or audience (x: old row, y: new row). */
const MEETING_CHANGED = `(x.org_id, x.held_on, x.credit_kind, x.credit_hours)
  is distinct from (y.org_id, y.held_on, y.credit_kind, y.credit_hours)`;

/** A membership change that can alter credit from its org's meetings (an org move rewrites only org_path). */
const MEMBERSHIP_CHANGED = `(x.person_id, x.org_id, x.status, x.valid_from, x.valid_to)
  is distinct from (y.person_id, y.org_id, y.status, y.valid_from, y.valid_to)`;

/** The people meetings (`k`: id, org_id, held_on) may credit: rows at them, party members of their orgs that day. */
const meetingPeople = (k: string) => `
    with k as (${k})
    select a.person_id from k join meeting_attendance a on a.meeting_id = k.id
    union
    select ms.person_id from k join membership ms on ms.org_id = k.org_id
      and ms.status in ('probationary', 'full') and ms.valid_from <= k.held_on
      and (ms.valid_to is null or ms.valid_to > k.held_on)`;

/** Recomputes the credit columns of the meetings under the setting paths `paths` (a query) where they change. */
const recredit = (paths: string) => `
    update meeting m set credit_kind = c.kind, credit_hours = c.hours
      from (
        select x.id, k.kind, k.hours
        from (${paths}) p
          join meeting x on x.org_path >= p.org_path and x.org_path < left(p.org_path, -1) || '0'
          left join lateral zhibu_meeting_credit(x.org_path, x.tags, x.held_at, x.ended_at, x.status) k on true) c
      where m.id = c.id and (m.credit_kind, m.credit_hours) is distinct from (c.kind, c.hours);`;

/** The first statement of a kept-total trigger function: nothing while a bulk import defers the totals. */
export const DEFERRED = `-- a bulk import re-derives its people once, at its end (services/infra/kept-totals.ts)
  if current_setting('zhibu.defer_study_credits', true) = 'on' then
    return null;
  end if;`;

/** A statement trigger function re-deriving the people each operation's query returns. */
const triggerFunction = (name: string, ids: Record<'insert' | 'delete' | 'update', string>) => `
create function ${name}() returns trigger language plpgsql as $$
begin
  ${DEFERRED}
  if TG_OP = 'INSERT' then
    ${refresh(ids.insert)}
  elsif TG_OP = 'DELETE' then
    ${refresh(ids.delete)}
  else
    ${refresh(ids.update)}
  end if;
  return null;
end $$;`;

/**
 * Study credit from attended meetings (EDU-001…003), kept per person and year at write time so the
 * evaluation reads sums instead of walking every member's meetings (docs/benchmarks.md `check`):
 *
 * - `meeting.credit_kind`, `meeting.credit_hours`: each meeting's credit, set by a row trigger when its
 *   org, tags, times or status change (and by the settings trigger for a setting's subtree) from the
 *   nearest credit setting of its org, else the product default (`zhibu_meeting_credit`): credited when a
 *   tag is study-type; hours = the duration in half hours rounded down (the fixed hours when there is no
 *   end time, or in per-meeting mode); planned meetings credit nothing. `meeting_study_credit` lists them.
 * - `study_credit_source`: who a credited meeting credits — a `present` row, or a party member
 *   (预备/正式) of the meeting's org that day with no row at all (records often list only who was away).
 *   Each (person, meeting) once.
 * - `study_credit_total`: the sums of `study_credit_source` per person and calendar year, one column pair
 *   per kind. Kept by statement-level triggers that re-derive the people a statement touches: attendance
 *   rows (their people), meetings whose credit, org or day changed (the people with rows at them and the
 *   party members of their orgs on their days) and memberships (their people); a credit setting
 *   re-credits its subtree's meetings, which re-derives their people. A deleted meeting's rows go by
 *   cascade: their people are re-derived by the attendance trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tags = `array[${DEFAULT.tags.map((t) => `'${t}'`).join(', ')}]`;
  await sql`
create table study_credit_total (
  person_id uuid not null,
  year integer not null,
  ${sql.raw(KINDS.map(([, c]) => `hours_${c} numeric not null,\n  n_${c} integer not null,`).join('\n  '))}
  primary key (person_id, year)
);
create index meeting_held on meeting (held_on);

-- the credit of a meeting: nearest setting of its org (else the product default), study-type tag, hours > 0
create function zhibu_meeting_credit(p_path text, p_tags jsonb, p_held_at timestamptz, p_ended_at timestamptz, p_status text)
returns table (kind text, hours numeric) language sql stable as $$
  select st.kind, h.hours
  from (select coalesce(s.tags, ${sql.raw(`to_jsonb(${tags})`)}) as tags, coalesce(s.mode, ${sql.lit(DEFAULT.mode)}) as mode,
      coalesce(s.hours_per_meeting::float8, ${sql.lit(DEFAULT.hours)}) as hours,
      coalesce(s.kind, ${sql.lit(DEFAULT.kind)}) as kind
    from (select 1) one left join lateral (
      select * from study_credit_setting s where left(p_path, length(s.org_path)) = s.org_path
      order by length(s.org_path) desc limit 1) s on true) st
  cross join lateral (select (case when st.mode = 'duration' and p_ended_at > p_held_at
      then floor(extract(epoch from (p_ended_at - p_held_at))::float8 / 60 / 60 * 2 + 1e-9) / 2
      else st.hours end)::numeric as hours) h
  where p_status <> 'planned' and p_tags ?| array(select jsonb_array_elements_text(st.tags)) and h.hours > 0
$$;

alter table meeting add column credit_kind text, add column credit_hours numeric;
update meeting m set credit_kind = c.kind, credit_hours = c.hours
  from meeting x cross join lateral zhibu_meeting_credit(x.org_path, x.tags, x.held_at, x.ended_at, x.status) c
  where x.id = m.id;

create function zhibu_meeting_credit_columns() returns trigger language plpgsql as $$
begin
  select c.kind, c.hours into new.credit_kind, new.credit_hours
    from zhibu_meeting_credit(new.org_path, new.tags, new.held_at, new.ended_at, new.status) c;
  if not found then
    new.credit_kind := null;
    new.credit_hours := null;
  end if;
  return new;
end $$;
create trigger meeting_credit_columns before insert or update of org_path, tags, held_at, ended_at, status
  on meeting for each row execute function zhibu_meeting_credit_columns();

create view meeting_study_credit as
  select id as meeting_id, org_id, held_on, credit_kind as kind, credit_hours as hours
  from meeting where credit_hours is not null;

create view study_credit_source as
  select a.person_id, c.meeting_id, c.held_on, c.kind, c.hours
  from meeting_study_credit c join meeting_attendance a on a.meeting_id = c.meeting_id and a.status = 'present'
  union
  select ms.person_id, c.meeting_id, c.held_on, c.kind, c.hours
  from meeting_study_credit c
  join membership ms on ms.org_id = c.org_id and ms.status in ('probationary', 'full')
    and ms.valid_from <= c.held_on and (ms.valid_to is null or ms.valid_to > c.held_on)
  where not exists (
    select 1 from meeting_attendance x where x.meeting_id = c.meeting_id and x.person_id = ms.person_id);

-- an array of people (not a subquery): the filter then reaches both branches of study_credit_source
create function zhibu_refresh_study_credits(ids uuid[]) returns void language sql as $$
  delete from study_credit_total where person_id = any(ids);
  insert into study_credit_total (person_id, year, ${sql.raw(COLUMNS.join(', '))})
    select person_id, extract(year from held_on)::int,
      ${sql.raw(
        KINDS.map(
          ([k]) =>
            `coalesce(sum(hours) filter (where kind = '${k}'), 0), count(*) filter (where kind = '${k}')`,
        ).join(',\n      '),
      )}
    from study_credit_source where person_id = any(ids)
    group by 1, 2 order by 1, 2;
$$;

-- the existing records, derived as every later write derives them
select zhibu_refresh_study_credits(array(select id from person));

${sql.raw(
  triggerFunction('zhibu_credit_attendance', {
    insert: 'select person_id from new_rows',
    delete: 'select person_id from old_rows',
    update: 'select person_id from old_rows union select person_id from new_rows',
  }),
)}
${sql.raw(
  triggerFunction('zhibu_credit_meeting', {
    insert: meetingPeople('select id, org_id, held_on from new_rows'),
    delete: meetingPeople('select id, org_id, held_on from old_rows'),
    update: meetingPeople(`
      select x.id, x.org_id, x.held_on from old_rows x join new_rows y using (id) where ${MEETING_CHANGED}
      union all
      select y.id, y.org_id, y.held_on from old_rows x join new_rows y using (id) where ${MEETING_CHANGED}`),
  }),
)}
${sql.raw(
  triggerFunction('zhibu_credit_membership', {
    insert: 'select person_id from new_rows',
    delete: 'select person_id from old_rows',
    update: `
      select x.person_id from old_rows x join new_rows y using (id) where ${MEMBERSHIP_CHANGED}
      union
      select y.person_id from old_rows x join new_rows y using (id) where ${MEMBERSHIP_CHANGED}`,
  }),
)}
${sql.raw(`
-- a setting changes the credit of its subtree's meetings (before and after); the meeting trigger then
-- re-derives their people
create function zhibu_credit_setting() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    ${recredit('select org_path from new_rows')}
  elsif TG_OP = 'DELETE' then
    ${recredit('select org_path from old_rows')}
  else
    ${recredit('select org_path from old_rows union select org_path from new_rows')}
  end if;
  return null;
end $$;`)}
`.execute(db);
  await createStatementTriggers(db, 'credit', [
    ['meeting_attendance', 'zhibu_credit_attendance', ['insert', 'update', 'delete']],
    ['meeting', 'zhibu_credit_meeting', ['insert', 'update', 'delete']],
    ['membership', 'zhibu_credit_membership', ['insert', 'update', 'delete']],
    ['study_credit_setting', 'zhibu_credit_setting', ['insert', 'update', 'delete']],
  ]);
}

/**
 * Statement-level AFTER triggers `<table>_<suffix>_<op>` running `fn`, with the statement's rows as the
 * transition tables `new_rows` (insert, update) and `old_rows` (delete, update).
 */
export async function createStatementTriggers(
  db: Kysely<unknown>,
  suffix: string,
  specs: readonly (readonly [table: string, fn: string, ops: readonly ('insert' | 'update' | 'delete')[]])[],
): Promise<void> {
  for (const [table, fn, ops] of specs)
    for (const op of ops) {
      const refs =
        op === 'insert'
          ? 'new table as new_rows'
          : op === 'delete'
            ? 'old table as old_rows'
            : 'old table as old_rows new table as new_rows';
      await sql
        .raw(
          `create trigger ${table}_${suffix}_${op} after ${op} on ${table} referencing ${refs} for each statement execute function ${fn}()`,
        )
        .execute(db);
    }
}
