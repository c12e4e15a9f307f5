import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db.ts';
import type { Database } from './connect.ts';
import type { DB } from './schema.ts';

/** Drift test: every table and column of schema.ts exists after migration, and nothing more. */
const EXPECTED: Record<keyof DB, string[]> = {
  org: [
    'id',
    'seq',
    'parent_id',
    'path',
    'depth',
    'kind',
    'category',
    'code',
    'name',
    'established_on',
    'dissolved_on',
    'unit_count',
    'pack',
    'settings',
    'version',
    'created_at',
    'updated_at',
  ],
  person: [
    'id',
    'ref',
    'name',
    'gender',
    'ethnicity',
    'birth_date',
    'education',
    'title',
    'phone',
    'id_number_enc',
    'id_number_hash',
    'id_number_masked',
    'flags',
    'version',
    'created_at',
    'updated_at',
  ],
  membership: [
    'id',
    'person_id',
    'org_id',
    'org_path',
    'status',
    'valid_from',
    'valid_to',
    'note',
    'created_at',
  ],
  election: ['id', 'org_id', 'held_on', 'kind', 'term_years', 'note', 'version', 'created_at'],
  position: [
    'id',
    'person_id',
    'org_id',
    'role',
    'duty',
    'valid_from',
    'valid_to',
    'election_id',
    'version',
    'created_at',
  ],
  orgChange: [
    'id',
    'org_id',
    'kind',
    'applied_on',
    'decided_on',
    'approval_doc',
    'filed_on',
    'note',
    'related_org_ids',
    'version',
    'created_at',
  ],
  appUser: [
    'id',
    'username',
    'display_name',
    'password_hash',
    'person_id',
    'failed_attempts',
    'locked_until',
    'disabled',
    'version',
    'created_at',
  ],
  userGrant: ['id', 'user_id', 'role', 'org_id', 'pii', 'created_at'],
  userSession: ['id', 'user_id', 'csrf_token', 'created_at', 'last_seen_at', 'ip', 'user_agent'],
  meeting: [
    'id',
    'org_id',
    'org_path',
    'tags',
    'topic',
    'held_at',
    'held_on',
    'ended_at',
    'place',
    'host_id',
    'recorder_id',
    'lecturer_id',
    'expected',
    'present',
    'agenda',
    'minutes',
    'decisions',
    'votes',
    'status',
    'missing',
    'complete_tags',
    'incomplete',
    'source',
    'recorded_at',
    'review_comment',
    'reviewed_by',
    'reviewed_at',
    'submitted_at',
    'version',
    'created_at',
  ],
  meetingRevision: ['id', 'meeting_id', 'version', 'reason', 'before', 'revised_by', 'revised_at'],
  meetingAttendance: ['meeting_id', 'person_id', 'status', 'reason'],
  complianceRun: [
    'id',
    'kind',
    'as_of',
    'root_org_id',
    'root_path',
    'started_at',
    'finished_at',
    'finding_count',
  ],
  finding: [
    'id',
    'run_id',
    'as_of',
    'org_id',
    'org_path',
    'rule_id',
    'check_id',
    'person_id',
    'period',
    'severity',
    'message',
    'source_ref',
    'evidence',
  ],
  parameterOverride: ['id', 'org_id', 'org_path', 'key', 'value', 'reason', 'created_by', 'created_at'],
  auditLog: [
    'seq',
    'at',
    'actor_id',
    'actor_name',
    'action',
    'entity',
    'entity_id',
    'org_path',
    'before',
    'after',
    'prev_hash',
    'hash',
  ],
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('migrations', () => {
  let d: Database;
  beforeAll(async () => {
    d = await createTestDb();
  });
  afterAll(() => d.close());

  it('match schema.ts table by table and column by column', async () => {
    const { rows } = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name not like 'zhibu_migration%'`.execute(d.db);
    const actual: Record<string, string[]> = {};
    for (const r of rows) {
      actual[r.tableName] = [...(actual[r.tableName] ?? []), r.columnName];
    }
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([t, cols]) => [snake(t), [...cols].sort()]),
    );
    for (const t of Object.keys(actual)) actual[t].sort();
    expect(actual).toEqual(expected);
  });
});
