import { type Kysely, sql } from 'kysely';

/**
 * Concentrated trainings by person and day (a partial index: ~1 in 9 study records at city scale). EDU-004/005
 * read a person's trainings (services/compliance/edu-facts.loader.ts), and the evaluation keeps only the new
 * members with none in their window by the evaluation date (the others cannot be reported): over the
 * whole-person index that test read every study record of the city (≈ 400 ms); over this one ≈ 80 ms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index study_record_concentrated on study_record (person_id, studied_on)
    where kind = 'concentrated_training'`.execute(db);
}
