import { sql } from 'kysely';
import type { Tx } from '../deps.ts';

/**
 * Bulk writes (a dataset import) re-derive the totals kept per person at write time once, at their end,
 * instead of after each statement: study_credit_total (migration 0014), absence_month (0015) and
 * person_admission (0017) and study_person_year's rows (0021), whose triggers skip while `zhibu.defer_study_credits` is on. An import inserts
 * memberships, then meetings, then attendance in chunks, and each chunk would re-derive the same people
 * again. Only within `trx`.
 */
export async function withKeptTotalsDeferred<T>(
  trx: Tx,
  personIds: () => string[],
  write: () => Promise<T>,
): Promise<T> {
  await sql`select set_config('zhibu.defer_study_credits', 'on', true)`.execute(trx);
  const out = await write();
  await sql`select set_config('zhibu.defer_study_credits', 'off', true)`.execute(trx);
  const ids = personIds();
  if (ids.length) {
    await sql`select zhibu_refresh_study_credits(${ids}::uuid[])`.execute(trx);
    await sql`select zhibu_refresh_absence_months(${ids}::uuid[])`.execute(trx);
    await sql`select zhibu_refresh_person_admission(${ids}::uuid[])`.execute(trx);
    // after the credits: the person-years' sums read them
    await sql`select zhibu_refresh_person_years(${ids}::uuid[])`.execute(trx);
  }
  return out;
}
