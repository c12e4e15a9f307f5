/** Month helpers over 'YYYY-MM' strings. */

/** The first day 'YYYY-MM-01' of a month. */
export const monthStart = (month: string) => `${month}-01`;

/** The last day of a month ('2025-02' → '2025-02-28'). */
export function monthEnd(month: string): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The month `n` months after (or before, n < 0) the given one. */
export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
