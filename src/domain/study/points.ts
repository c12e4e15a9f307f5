import type { PointsStatus } from '../../shared/study-enums.ts';

/** A catalog item as the tally sees it (EDU-007 `points.items[]`). */
export type PointsItem = { id: string; code: string; capPerMonth: number | null; capPerYear: number | null };

/** One entry of a person's points. */
export type PointsEntry = {
  personId: string;
  itemId: string;
  date: string;
  points: number;
  status: PointsStatus;
};

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Monthly tally of one year (月统计): approved entries only (pending and rejected are not counted),
 * each item capped per month, then per year in date order. Returns person → 'YYYY-MM' → points.
 */
export function monthlyTally(
  year: number,
  entries: PointsEntry[],
  items: Map<string, PointsItem>,
): Map<string, Map<string, number>> {
  const y = String(year);
  const sorted = entries
    .filter((e) => e.status === 'approved' && e.date.slice(0, 4) === y)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const monthUsed = new Map<string, number>();
  const yearUsed = new Map<string, number>();
  const out = new Map<string, Map<string, number>>();
  for (const e of sorted) {
    const item = items.get(e.itemId);
    const month = e.date.slice(0, 7);
    const mk = `${e.personId}|${e.itemId}|${month}`;
    const yk = `${e.personId}|${e.itemId}`;
    let pts = e.points;
    if (item?.capPerMonth != null && pts > 0)
      pts = Math.min(pts, Math.max(0, item.capPerMonth - (monthUsed.get(mk) ?? 0)));
    if (item?.capPerYear != null && pts > 0)
      pts = Math.min(pts, Math.max(0, item.capPerYear - (yearUsed.get(yk) ?? 0)));
    monthUsed.set(mk, (monthUsed.get(mk) ?? 0) + pts);
    yearUsed.set(yk, (yearUsed.get(yk) ?? 0) + pts);
    const person = out.get(e.personId) ?? new Map<string, number>();
    person.set(month, round((person.get(month) ?? 0) + pts));
    out.set(e.personId, person);
  }
  return out;
}

/** The quarter 'YYYY-Qn' of a date or month. */
export const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** Quarterly totals (季公示) from the monthly tally: person → 'YYYY-Qn' → points. */
export function quarterlyTotals(tally: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [person, months] of tally) {
    const q = new Map<string, number>();
    for (const [month, pts] of months) q.set(quarterOf(month), round((q.get(quarterOf(month)) ?? 0) + pts));
    out.set(person, q);
  }
  return out;
}

/** Yearly ranking (年评比): highest total first; equal totals share a rank (1, 1, 3). */
export function yearlyRanking(
  tally: Map<string, Map<string, number>>,
  people: string[],
): { personId: string; total: number; rank: number }[] {
  const rows = people.map((personId) => ({
    personId,
    total: round([...(tally.get(personId)?.values() ?? [])].reduce((s, n) => s + n, 0)),
  }));
  rows.sort((a, b) => b.total - a.total || (a.personId < b.personId ? -1 : 1));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.total !== rows[i - 1].total) rank = i + 1;
    return { ...r, rank };
  });
}

/** The last day of a quarter 'YYYY-Qn'. */
export function quarterEnd(q: string): string {
  const n = Number(q.slice(-1));
  return `${q.slice(0, 4)}-${String(n * 3).padStart(2, '0')}-${n === 1 || n === 4 ? '31' : '30'}`;
}

/** The quarters of a year that have ended by asOf (their publication is due), and the current one. */
export function quartersOf(year: number, asOf: string): { ended: string[]; current: string | null } {
  const ended: string[] = [];
  let current: string | null = null;
  for (let n = 1; n <= 4; n++) {
    const q = `${year}-Q${n}`;
    const start = `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`;
    if (quarterEnd(q) < asOf) ended.push(q);
    else if (start <= asOf) current = q;
  }
  return { ended, current };
}
