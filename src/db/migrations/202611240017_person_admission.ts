import { type Kysely, sql } from 'kysely';
import { createStatementTriggers } from './202611240014_study_credit_totals.ts';
import { refreshTrigger } from './202611240015_absence_months.ts';

/**
 * Each party member's admission dates kept at write time (EDU-004/005): `person_admission` holds, per person
 * with a 预备 or 正式 membership row, the first day of each (`probation_from`, `full_from`) over the person's
 * whole history, anywhere in the tree. The evaluation picks the people EDU-005's training window can concern
 * (admitted recently enough) from it instead of aggregating every membership row, twice, at each run (≈ 0.3 s
 * of PostgreSQL each at city scale: docs/benchmarks.md `check`, session 7).
 *
 * Kept by statement triggers on membership (the people of inserted, deleted and updated rows, before and
 * after); dataset imports defer them with the other kept totals (services/infra/kept-totals.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table person_admission (
  person_id uuid primary key,
  probation_from date,
  full_from date
);

create function zhibu_refresh_person_admission(ids uuid[]) returns void language sql as $$
  delete from person_admission where person_id = any(ids);
  insert into person_admission (person_id, probation_from, full_from)
    select person_id, min(valid_from) filter (where status = 'probationary'), min(valid_from) filter (where status = 'full')
    from membership where person_id = any(ids) and status in ('probationary', 'full')
    group by person_id order by person_id;
$$;

insert into person_admission (person_id, probation_from, full_from)
  select person_id, min(valid_from) filter (where status = 'probationary'), min(valid_from) filter (where status = 'full')
  from membership where status in ('probationary', 'full')
  group by person_id order by person_id;
analyze person_admission;

${sql.raw(
  refreshTrigger('zhibu_admission_membership', 'zhibu_refresh_person_admission', {
    insert: 'select person_id from new_rows',
    delete: 'select person_id from old_rows',
    update: 'select person_id from old_rows union all select person_id from new_rows',
  }),
)}
`.execute(db);
  await createStatementTriggers(db, 'admission', [
    ['membership', 'zhibu_admission_membership', ['insert', 'update', 'delete']],
  ]);
}
