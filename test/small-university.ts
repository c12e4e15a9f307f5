import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { smallUniversity } from './datasets.ts';
import { type TestContext, createTestContext } from './server.ts';

export type SmallUniversity = {
  ctx: TestContext;
  /** Person ids by ref. */
  ids: Record<string, string>;
  /** Orgs by code. */
  org: Record<string, { id: string; path: string }>;
  /** Inserts a meeting row directly (no service: the triggers under test see a bare write); returns its id. */
  insertMeeting(orgCode: string, tags: string[], start: string, end?: string | null): Promise<string>;
};

/** A fresh test database holding {@link smallUniversity}, for tests of what triggers keep at write time. */
export async function smallUniversityContext(): Promise<SmallUniversity> {
  const ctx = await createTestContext();
  const db = ctx.deps.db;
  const r = await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity());
  expect(r.written).toBe(true);
  const ids: Record<string, string> = {};
  const org: Record<string, { id: string; path: string }> = {};
  for (const p of await db.selectFrom('person').select(['id', 'ref']).execute()) ids[p.ref!] = p.id;
  for (const o of await db.selectFrom('org').select(['id', 'code', 'path']).execute()) org[o.code] = o;
  return {
    ctx,
    ids,
    org,
    async insertMeeting(orgCode, tags, start, end = null) {
      const id = randomUUID();
      await sql`insert into meeting (id, org_id, org_path, tags, held_at, held_on, ended_at, recorded_at)
        values (${id}, ${org[orgCode].id}, ${org[orgCode].path}, ${JSON.stringify(tags)}::jsonb,
          ${start}::timestamptz, ${start.slice(0, 10)}::date, ${end}::timestamptz, now())`.execute(db);
      return id;
    },
  };
}
