/** Counts per tag and month (`YYYY-MM`): the shape of LifeFacts.monthly and PlanFacts.monthly. */
export type MonthlyCounts = Record<string, Record<string, number>>;

/** Adds `n` to a tag's count in a month. */
export function addToMonth(counts: MonthlyCounts, tag: string, month: string, n: number): void {
  let months = counts[tag];
  if (!months) {
    months = {};
    counts[tag] = months;
  }
  months[month] = (months[month] ?? 0) + n;
}
