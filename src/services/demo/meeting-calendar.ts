import type { Rng } from './rng.ts';

/**
 * Calendar helpers for the demo meetings: calendar periods (RULES.md §0.3 C1), the n-th weekday of
 * a month (S002 §三(二)3: 主题党日 on the 4th Thursday) and plausible meeting days.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; Date-free (days-from-civil, H. Hinnant). */
export function toDay(date: string): number {
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** 'YYYY-MM-DD' of a day number (the inverse of `toDay`). */
export function fromDay(day: number): string {
  // Civil-from-days (H. Hinnant): March-based years, 400-year eras.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad(m)}-${pad(d)}`;
}

/** The date `days` after `date`. */
export const shiftDays = (date: string, days: number) => fromDay(toDay(date) + days);

/** Day of the week of a 'YYYY-MM-DD' date: 0 = Sunday … 4 = Thursday … 6 = Saturday. */
export const weekday = (date: string) => (toDay(date) + 4) % 7;

/** The n-th `day` of the week (0 = Sunday … 4 = Thursday) in a month, as 'YYYY-MM-DD'. */
export function nthWeekday(year: number, month: number, n: number, day: number): string {
  const first = weekday(`${year}-${pad(month)}-01`);
  return `${year}-${pad(month)}-${pad(1 + ((day - first + 7) % 7) + (n - 1) * 7)}`;
}

/** The 4th Thursday of the month of `month` ('YYYY-MM' or any date in it). */
export const fourthThursday = (month: string) =>
  nthWeekday(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 4, 4);

/** 'YYYY-MM' of a date. */
export const monthOf = (date: string) => date.slice(0, 7);
/** 'YYYY-Qn' of a date. */
export const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export type Period = { key: string; start: string; end: string };

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month or quarter `back` periods before the one containing `date` (0 = that period itself). */
export function periodBack(date: string, unit: 'month' | 'quarter', back: number): Period {
  const step = unit === 'month' ? 1 : 3;
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1;
  const first = y * 12 + (m0 - (m0 % step)) - back * step;
  const year = Math.floor(first / 12);
  const month = (first % 12) + 1;
  const endMonth = month + step - 1;
  return {
    key: unit === 'month' ? `${year}-${pad(month)}` : `${year}-Q${(month + 2) / 3}`,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
  };
}

/** Months (or quarters) overlapping [from, to], oldest first. */
export function periodsBetween(from: string, to: string, unit: 'month' | 'quarter'): Period[] {
  const out: Period[] = [];
  for (let back = 0; ; back++) {
    const p = periodBack(to, unit, back);
    if (p.end < from) break;
    out.push(p);
  }
  return out.reverse();
}

/** A working day (Mon–Fri, outside the New Year, Labour Day and National Day holidays) in [from, to]. */
export function workdayBetween(rng: Rng, from: string, to: string): string | null {
  const lo = toDay(from);
  const hi = toDay(to);
  if (hi < lo) return null;
  for (let tries = 0; tries < 12; tries++) {
    const d = fromDay(rng.int(lo, hi));
    if (isWorkday(d)) return d;
  }
  for (let d = lo; d <= hi; d++) if (isWorkday(fromDay(d))) return fromDay(d);
  return null;
}

export function isWorkday(date: string): boolean {
  const w = weekday(date);
  if (w === 0 || w === 6) return false;
  const md = date.slice(5);
  return !(md === '01-01' || (md >= '05-01' && md <= '05-05') || (md >= '10-01' && md <= '10-07'));
}

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string) => toDay(b) - toDay(a);

/** 'HH:mm' plus minutes (clamped to the same day). */
export function addMinutes(hhmm: string, minutes: number): string {
  const t = Math.min(23 * 60 + 59, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes);
  return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
}
