import { type RawBuilder, sql } from 'kysely';

/** A date as the integer yyyymmdd (what `zhibu_date_key` stores, migration 0013): '2026-03-27' → 20260327. */
export const dateKey = (isoDate: string): number => Number(isoDate.replaceAll('-', ''));

/**
 * Whole years from one yyyymmdd key to another in SQL (NULL stays NULL), equal to `wholeYears`:
 * the difference of the keys is 10000 × (years) + (month-day difference), and the month-day part lies
 * within ±1130, so its floor division by 10000 subtracts one exactly when the anniversary is still to
 * come (a 29 February birthday reaches it on 1 March). Integer division truncates toward zero, hence
 * the shift by 10⁸ (10000 years) before dividing: the floor also for a date after `to`.
 */
export const yearsBetweenKeys = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql<number | null>`((${to} - ${from} + 100000000) / 10000 - 10000)`;
