import { type Kysely, sql } from 'kysely';

/**
 * ORG-019 (participation-facts.ts `loadVotersOn`): for each record with votes in the year, its org's full members
 * that day. Both sides now read an index alone: `meeting_votes` carries the columns the query returns and filters
 * (it read ≈ 6,300 heap pages of the widest table at city scale), and `membership_org_full_days` the full members of
 * an org by admission day with their end day and person (7,700 probes of the org/status index each read the heap).
 * City, the query alone: 190 → 60 ms (`EXPLAIN ANALYZE`, jit off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index meeting_votes;
    create index meeting_votes on meeting (org_path, held_on) include (id, org_id, status)
      where votes <> '[]'::jsonb;
    create index membership_org_full_days on membership (org_id, valid_from) include (valid_to, person_id)
      where status = 'full'`.execute(db);
}
