import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connect.ts';
import { wholeYears } from '../src/domain/dates.ts';
import { yearsTo } from '../src/services/people/person-read.service.ts';
import { createTestDb } from './db.ts';

/** The member list renders ages in SQL; they must be the domain's whole years on every boundary. */
describe('yearsTo (SQL) = wholeYears (domain): age and party age on the list', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  const cases: [string, string][] = [
    ['1990-11-24', '2026-11-24'], // the anniversary itself
    ['1990-11-25', '2026-11-24'], // the day before it
    ['1990-11-23', '2026-11-24'], // the day after it
    ['2000-02-29', '2025-02-28'], // born on 29 February, non-leap year
    ['2000-02-29', '2025-03-01'],
    ['2000-02-29', '2024-02-29'],
    ['2026-01-01', '2026-12-31'], // same year
  ];
  it.each(cases)('born %s, as of %s', async (born, asOf) => {
    const r = await sql<{ y: number }>`select ${yearsTo(sql`${born}::date`, asOf)} as y`.execute(database.db);
    expect(r.rows[0].y).toBe(wholeYears(born, asOf));
  });

  it('no date, no age', async () => {
    const r = await sql<{ y: number | null }>`select ${yearsTo(sql`null::date`, '2026-11-24')} as y`.execute(
      database.db,
    );
    expect(r.rows[0].y).toBeNull();
  });
});
