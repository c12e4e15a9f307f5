import { type Kysely, sql } from 'kysely';

/**
 * LIFE-018/019 (participation-facts.ts): the absent / on-leave rows of a record, by record. A branch's refresh reads
 * its member-wide records' `status <> 'present'` rows; through the primary key each probe read every row of the
 * record (≈ 30, most of them present): ≈ 0.3 ms of a ≈ 0.9 ms batched part. The partial index holds the ≈ 15 % of
 * rows that are not `present`, with the person, so the probe reads only those.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index meeting_attendance_away on meeting_attendance (meeting_id) include (person_id, status)
    where status <> 'present'`.execute(db);
}
