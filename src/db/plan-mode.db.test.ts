import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db.ts';
import type { Database } from './connect.ts';
import { withGenericPlans, withPlanPerCall } from './prepared-client.ts';

/**
 * Branch evaluations run their prepared statements on generic plans (planned once per connection), the
 * rest of the application keeps PostgreSQL's own choice: the connection's plan_cache_mode must follow the
 * work a statement belongs to, whichever pooled connection it lands on, and survive a rolled-back SET.
 */
describe('plan_cache_mode follows withGenericPlans / withPlanPerCall', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  // a parameterized statement (the prepared path) reporting the mode it ran under
  const modeNow = async (db = database.db) =>
    (await sql<{ m: string }>`select current_setting('plan_cache_mode') as m, ${1}::int as x`.execute(db))
      .rows[0].m;
  const onPostgres = () => database.kind === 'postgres';

  // whether a statement run on one connection is prepared there (a named statement, whose plan may be cached)
  const preparedThere = (tag: string) =>
    database.db.connection().execute(async (conn) => {
      await sql`select ${1}::int as ${sql.raw(tag)}`.execute(conn);
      const r = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
        where statement like ${`%as ${tag}`}`.execute(conn);
      return r.rows[0].n > 0;
    });

  it('runs generic inside withGenericPlans, auto outside it and in withPlanPerCall nested in it (unprepared)', async () => {
    const inside = await withGenericPlans(async () => {
      const many = await Promise.all([1, 2, 3, 4, 5, 6].map(() => modeNow()));
      // unnamed, on auto (PostgreSQL honours the mode for an unnamed statement too)
      const perCall = await withPlanPerCall(() => modeNow());
      const perCallPrepared = await withPlanPerCall(() => preparedThere('per_call_probe'));
      const generic = await preparedThere('generic_probe');
      return { many, perCall, perCallPrepared, generic };
    });
    const outside = await Promise.all([1, 2, 3, 4, 5, 6].map(() => modeNow()));
    if (onPostgres()) {
      expect(inside.many).toEqual(Array(6).fill('force_generic_plan'));
      expect(inside.perCall).toBe('auto');
      expect(inside.perCallPrepared).toBe(false);
      expect(inside.generic).toBe(true);
    } else {
      // PGlite has no pool and no prepared-statement client: the setting is never touched
      expect(inside.many).toEqual(Array(6).fill('auto'));
    }
    expect(outside).toEqual(Array(6).fill('auto'));
  });

  it('sets the mode again after a rollback undid it', async () => {
    await database.db.connection().execute(async (conn) => {
      // a transaction begun by other work, a generic statement inside it (its SET is transactional), then a
      // rollback issued by generic work: PostgreSQL is back on auto, which the client must not assume is generic
      await sql`begin`.execute(conn);
      await withGenericPlans(async () => {
        expect(await modeNow(conn)).toBe(onPostgres() ? 'force_generic_plan' : 'auto');
        await sql`rollback`.execute(conn);
        expect(await modeNow(conn)).toBe(onPostgres() ? 'force_generic_plan' : 'auto');
      });
      expect(await modeNow(conn)).toBe('auto');
    });
  });
});
