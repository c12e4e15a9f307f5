import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the compliance evaluation (services/compliance):
 *
 * - `study_record_concentrated`: concentrated trainings by person and day (a partial index: ~1 in 9 study
 *   records at city scale). EDU-004/005 read a person's trainings (edu-facts.loader.ts), and the evaluation keeps only the new
 *   members with none in their window by the evaluation date (the others cannot be reported): over the
 *   whole-person index that test read every study record of the city (≈ 400 ms); over this one ≈ 80 ms.
 * - `org_with_pack`: the orgs that set a pack (few): the packs set above and inside a subtree are read in one
 *   statement whose generic plan (a branch run's) filters just these rows (4 ms → 0.02 ms at city scale).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index study_record_concentrated on study_record (person_id, studied_on)
    where kind = 'concentrated_training';
    create index org_with_pack on org (path) where pack is not null`.execute(db);
}
