/** The n-th given weekday (0 = Sunday … 4 = Thursday) of a month, as YYYY-MM-DD. */
export function nthWeekday(year: number, month: number, n: number, weekday: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WEEKDAYS: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };
export const weekdayNumber = (code: string) => WEEKDAYS[code] ?? 4;

/** Calendar periods used by the LIFE rules (RULES.md §0.3 C1). */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** The periods of a kind in the calendar year of `asOf` that have started by `asOf`, with their bounds. */
export function periodsOfYear(asOf: string, kind: PeriodKind): { key: string; start: string; end: string }[] {
  const year = Number(asOf.slice(0, 4));
  const out: { key: string; start: string; end: string }[] = [];
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const fmt = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (kind === 'year') return [{ key: String(year), start: fmt(year, 1, 1), end: fmt(year, 12, 31) }];
  const step = kind === 'month' ? 1 : 3;
  for (let m = 1; m <= 12; m += step) {
    const start = fmt(year, m, 1);
    if (start > asOf) break;
    const endMonth = m + step - 1;
    const key = kind === 'month' ? `${year}-${String(m).padStart(2, '0')}` : `${year}-Q${(m + 2) / 3}`;
    out.push({ key, start, end: fmt(year, endMonth, lastDay(year, endMonth)) });
  }
  return out;
}
