import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db.ts';
import { anyOf } from './any-of.ts';
import type { Database } from './connect.ts';
import { uuidv7 } from '../services/infra/ids.ts';

describe('anyOf (one array parameter instead of one parameter per element)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  it('matches a list longer than the protocol allows parameters (70,000 ids; a city-wide evaluation has 60k+)', async () => {
    const ids = Array.from({ length: 70_000 }, () => uuidv7());
    const rows = await database.db.selectFrom('org').select('id').where(anyOf('id', ids)).execute();
    expect(rows).toEqual([]);
  });

  it('finds exactly the listed rows, and none for an empty list', async () => {
    const rows = await database.db.selectFrom('org').select('code').execute();
    expect(rows).toEqual([]); // a fresh database: insert two orgs by SQL, look up one and a stranger
    const [a, b] = [uuidv7(), uuidv7()];
    for (const [id, code] of [
      [a, 'A1'],
      [b, 'B1'],
    ])
      await database.db
        .insertInto('org')
        .values({
          id,
          parentId: null,
          path: `/${code}/`,
          depth: 0,
          kind: 'committee',
          code,
          name: code,
          pack: null,
          settings: '{}',
          establishedOn: null,
          dissolvedOn: null,
          updatedAt: new Date(),
        })
        .execute();
    const hit = await database.db
      .selectFrom('org')
      .select('code')
      .where(anyOf('id', [a, uuidv7()]))
      .execute();
    expect(hit.map((r) => r.code)).toEqual(['A1']);
    const byCode = await database.db
      .selectFrom('org')
      .select('id')
      .where(anyOf('code', ['B1'], 'text'))
      .execute();
    expect(byCode.map((r) => r.id)).toEqual([b]);
    expect(await database.db.selectFrom('org').select('id').where(anyOf('id', [])).execute()).toEqual([]);
  });
});
