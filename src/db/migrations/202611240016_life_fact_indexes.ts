import { type Kysely, sql } from 'kysely';
import { MEMBER_WIDE_TAGS } from '../../domain/checks/participation.ts';

const WIDE = `array[${MEMBER_WIDE_TAGS.map((t) => `'${t}'`).join(',')}]`;

/**
 * Partial indexes for the organizational-life fact queries (services/compliance/life-facts.loader.ts and
 * the participation, leadership and major-matter loaders). Each used to read every meeting of the year
 * (the widest table: ~730 bytes a row, larger than PostgreSQL's default shared buffers at city scale) to
 * keep a few rows; each index holds just the rows its query keeps, its predicate written exactly as the
 * query's condition (the planner uses a partial index only when the query's conditions imply it):
 *
 * - `meeting_counts`: the complete records counted per org × month × complete-tag set, covering the
 *   columns the count reads (an index-only scan);
 * - `meeting_theme_days`: 主题党日 records, covering org and day;
 * - `meeting_no_first_topic`: 党员大会/支委会 records whose first agenda item is not flagged (LIFE-015);
 * - `meeting_votes`: records with votes (LIFE-014, ORG-016, ORG-019);
 * - `meeting_major_matters`: 支委会 records with an agenda item marked 重大事项 (LIFE-016);
 * - `meeting_wide`: member-wide records by org and day (LIFE-018/019 participation).
 *
 * Measured at city scale, each query alone: counts 340 → 205 ms, 主题党日 135 → 30 ms, first topic
 * 108 → 1 ms, votes 342 → 75 ms (docs/benchmarks.md `check`, session 6).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create index meeting_counts on meeting (org_path, held_on) include (org_id, complete_tags)
  where status <> 'planned' and complete_tags <> '';
create index meeting_theme_days on meeting (org_path, held_on) include (org_id)
  where status <> 'planned' and tags ? 'theme_day';
create index meeting_no_first_topic on meeting (org_path, held_on)
  where (tags ? 'branch_assembly' or tags ? 'committee_meeting')
    and coalesce(agenda -> 0 ->> 'first_topic', 'false') <> 'true';
create index meeting_votes on meeting (org_path, held_on) where votes <> '[]'::jsonb;
create index meeting_major_matters on meeting (org_path, held_on)
  where tags ? 'committee_meeting' and agenda @? '$[*] ? (@.major == true)';
create index meeting_wide on meeting (org_id, held_on)
  where status <> 'planned' and tags ?| ${sql.raw(WIDE)};
`.execute(db);
}
