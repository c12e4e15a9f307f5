import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db.ts';
import { read, readAll, withBatchedReads } from './batch.ts';
import type { Database } from './connect.ts';
import { withPlanPerCall } from './prepared-client.ts';

/**
 * Batched reads (one branch's evaluation): the queries issued in one turn go as a few statements of JSON
 * arrays. Each must read exactly what it reads alone — types, key names, order, its own parameters.
 */
describe('batched reads', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  const queries = () => {
    const db = database.db;
    return Promise.all([
      // dates as strings, numeric/int8 as numbers, arrays, jsonb, nulls; camelCase keys through the plugin
      read(
        db,
        sql<Record<string, unknown>>`select ${'2026-03-31'}::date as held_on, ${2.5}::numeric as hours,
          count(*) over () as n, array['a', 'b'] as tags, '{"k_1": [1]}'::jsonb as doc, null::text as none_here`,
      ),
      // order kept, parameters of their own ($1 in a string literal is not one)
      read(
        db.withoutPlugins(),
        sql<{ x: number; label: string }>`select x, '$1 ' || ${'p'}::text as label
          from generate_series(${3}::int, ${1}::int, -1) x order by x desc`,
      ),
      readAll(db, db.selectFrom('org').select(['code', 'parentId']).where('code', '=', 'no-such-org')),
      // more queries than a batch has parts: these share a statement with those above (parameters renumbered)
      read(db, sql<{ v: string }>`select ${'$2'}::text || '$1' as v`),
      read(
        db,
        sql<{ v: number }>`select ${7}::int -- a comment's apostrophe, then a parameter and a literal
          + ${8}::int + length('') as v`,
      ),
      read(db, sql<{ v: number }>`select ${9}::int as v`),
    ]);
  };

  it('reads what each query reads alone, in one turn, in its order and types', async () => {
    const alone = await queries();
    const batched = await withBatchedReads(database.db, queries);
    expect(batched).toEqual(alone);
    expect(alone[0].rows[0]).toEqual({
      heldOn: '2026-03-31',
      hours: 2.5,
      n: 1,
      tags: ['a', 'b'],
      doc: { k_1: [1] },
      noneHere: null,
    });
    expect(alone[1].rows.map((r) => r.x)).toEqual([3, 2, 1]);
    expect(alone[1].rows[0].label).toBe('$1 p');
    expect(alone[2]).toEqual([]);
    expect(alone.slice(3).map((r) => (r as { rows: { v: unknown }[] }).rows[0].v)).toEqual(['$2$1', 15, 9]);
  });

  it('fails every query of a batch with the statement, and runs a per-call read alone', async () => {
    const db = database.db;
    const failing = withBatchedReads(db, () =>
      Promise.allSettled([
        read(db, sql`select 1 as one`),
        read(db, sql`select 1 / ${0}::int as boom`),
        read(db, sql`select 2 as two`),
        read(db, sql`select 3 as three`),
      ]),
    );
    const settled = await failing;
    // the failing query's statement fails all its queries (a batch is split round-robin into parts)
    expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThan(0);
    expect((settled[1] as PromiseRejectedResult).reason.message).toMatch(/division by zero/);
    const alone = await withBatchedReads(db, () =>
      withPlanPerCall(() => read(db, sql<{ v: Date }>`select ${'2026-01-01T00:00:00Z'}::timestamptz as v`)),
    );
    // not through JSON: the driver's own Date
    expect(alone.rows[0].v).toBeInstanceOf(Date);
  });
});
