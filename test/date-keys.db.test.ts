import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connect.ts';
import { wholeYears } from '../src/domain/dates.ts';
import { dateKey, yearsBetweenKeys } from '../src/services/people/date-keys.ts';
import { createTestDb } from './db.ts';

/**
 * The member list adds ages in SQL from the yyyymmdd keys kept in person_list_item
 * (`zhibu_date_key`); they must be the domain's whole years on every boundary.
 */
describe('yearsBetweenKeys (SQL, over zhibu_date_key) = wholeYears (domain): age and party age on the list', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  const years = async (from: string | null, asOf: string) => {
    const r = await sql<{ y: number | null; k: number | null }>`
      select ${yearsBetweenKeys(sql`zhibu_date_key(${from}::date)`, sql`${dateKey(asOf)}::int`)} as y,
        zhibu_date_key(${from}::date) as k`.execute(database.db);
    return r.rows[0];
  };

  const cases: [string, string][] = [
    ['1990-11-24', '2026-11-24'], // the anniversary itself
    ['1990-11-25', '2026-11-24'], // the day before it
    ['1990-11-23', '2026-11-24'], // the day after it
    ['2000-02-29', '2025-02-28'], // born on 29 February, non-leap year
    ['2000-02-29', '2025-03-01'],
    ['2000-02-29', '2024-02-29'],
    ['1999-12-31', '2000-01-01'], // across a year end: 0
    ['1990-01-01', '2026-12-31'], // month-day difference at its largest
    ['1990-12-31', '2026-01-01'], // … and at its smallest
    ['2026-01-01', '2026-12-31'], // same year
    ['2026-11-25', '2026-11-24'], // a day in the future: −1, as wholeYears says
    ['2030-06-01', '2026-11-24'], // years in the future
  ];
  it.each(cases)('from %s, as of %s', async (from, asOf) => {
    const r = await years(from, asOf);
    expect(r.k).toBe(dateKey(from));
    expect(r.y).toBe(wholeYears(from, asOf));
  });

  it('no date, no age', async () => {
    expect((await years(null, '2026-11-24')).y).toBeNull();
  });
});
