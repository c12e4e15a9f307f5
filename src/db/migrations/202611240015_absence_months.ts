import { type Kysely, sql } from 'kysely';
import { MEMBER_WIDE_TAGS } from '../../domain/checks/participation.ts';
import { DEFERRED, createStatementTriggers } from './202611240014_study_credit_totals.ts';

const WIDE = `array[${MEMBER_WIDE_TAGS.map((t) => `'${t}'`).join(', ')}]`;

type Op = 'insert' | 'delete' | 'update';

/**
 * A statement trigger function passing the people each of its operations' queries returns to `refresh`
 * (a function of uuid[] that re-derives them). Also migration 0017's.
 */
export const refreshTrigger = (name: string, refresh: string, ids: Partial<Record<Op, string>>) => `
create function ${name}() returns trigger language plpgsql as $$
begin
  ${DEFERRED}
  ${Object.entries(ids)
    .map(
      ([op, q]) => `if TG_OP = '${op.toUpperCase()}' then
    perform ${refresh}(array(select distinct person_id from (${q}) k));
  end if;`,
    )
    .join('\n  ')}
  return null;
end $$;`;

/**
 * Absences without leave kept per person and month at write time (LIFE-018): `absence_month` counts each
 * person's `absent` rows at member-wide records (planned ones excepted) by the month of the record. A month
 * can only be "missed" (RULES.md LIFE-018) where the member has such a row, so the evaluation runs its
 * exact month fold only for members with absences in as many months as the smallest alert level: at city
 * scale 877 of ~130k members (docs/benchmarks.md `check`, session 6).
 *
 * Kept by statement triggers: attendance rows that are or were `absent` (their people), meetings whose
 * day, tags or status change (the people absent from them). A deleted meeting's rows go by cascade and are
 * re-derived by the attendance trigger. Dataset imports defer the triggers like study_credit_total's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table absence_month (
  person_id uuid not null,
  month date not null,
  n integer not null,
  primary key (person_id, month)
);
create index absence_month_month on absence_month (month, person_id);

create function zhibu_refresh_absence_months(ids uuid[]) returns void language sql as $$
  delete from absence_month where person_id = any(ids);
  insert into absence_month (person_id, month, n)
    select a.person_id, date_trunc('month', m.held_on)::date, count(*)::int
    from meeting_attendance a join meeting m on m.id = a.meeting_id
    where a.person_id = any(ids) and a.status = 'absent' and m.status <> 'planned'
      and m.tags ?| ${sql.raw(WIDE)}
    group by 1, 2 order by 1, 2;
$$;

insert into absence_month (person_id, month, n)
  select a.person_id, date_trunc('month', m.held_on)::date, count(*)::int
  from meeting_attendance a join meeting m on m.id = a.meeting_id
  where a.status = 'absent' and m.status <> 'planned' and m.tags ?| ${sql.raw(WIDE)}
  group by 1, 2 order by 1, 2;
analyze absence_month;

${sql.raw(
  refreshTrigger('zhibu_absence_attendance', 'zhibu_refresh_absence_months', {
    insert: `select person_id from new_rows where status = 'absent'`,
    delete: `select person_id from old_rows where status = 'absent'`,
    update: `select person_id from old_rows where status = 'absent'
      union all select person_id from new_rows where status = 'absent'`,
  }),
)}
${sql.raw(
  refreshTrigger('zhibu_absence_meeting', 'zhibu_refresh_absence_months', {
    update: `select a.person_id from old_rows x join new_rows y using (id)
      join meeting_attendance a on a.meeting_id = y.id and a.status = 'absent'
      where (x.held_on, x.status, x.tags) is distinct from (y.held_on, y.status, y.tags)`,
  }),
)}
`.execute(db);
  await createStatementTriggers(db, 'absence', [
    ['meeting_attendance', 'zhibu_absence_attendance', ['insert', 'update', 'delete']],
    ['meeting', 'zhibu_absence_meeting', ['update']],
  ]);
}
