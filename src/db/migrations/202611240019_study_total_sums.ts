import { type Kysely, sql } from 'kysely';

/**
 * The sums the EDU people query filters on, kept as float8 beside each kept total (stored generated columns):
 * `cc_hours` = 集中培训 + 集体学习 hours (EDU-001 and EDU-002's minimums), `conc_hours` = 集中培训 hours (EDU-003).
 * The filter added four numeric columns per person-year of the city (≈ 250k rows, a quarter of the query); float8
 * additions are a fraction of that. The filter compares them with a margin (a superset of the person-years a rule
 * can report: the checks still judge the exact numeric totals).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['study_year_total', 'study_credit_total'])
    await sql`alter table ${sql.table(table)}
      add column cc_hours float8 generated always as ((hours_concentrated + hours_collective)::float8) stored,
      add column conc_hours float8 generated always as (hours_concentrated::float8) stored`.execute(db);
}
