import { fromDay, toDay } from './history.ts';
import type { Ctx } from './roster.ts';
import type { Rng } from './rng.ts';

/** A random date between two years (inclusive), for nominal founding dates. */
export function dateBetweenYears(rng: Rng, fromYear: number, toYear: number): string {
  return fromDay(rng.int(toDay(`${fromYear}-01-01`), toDay(`${toYear}-12-31`)));
}

/**
 * Sets `established_on` of every org: its nominal founding date, moved earlier when a membership,
 * position or election in it (or a child org) is older, so no record predates its org.
 * Children must come after their parents in `ctx.orgs`.
 */
export function settleFoundingDates(ctx: Ctx, nominal: ReadonlyMap<string, string>): void {
  const earliest = new Map<string, string>(nominal);
  const seen = (org: string, date: string) => {
    const cur = earliest.get(org);
    if (cur === undefined || date < cur) earliest.set(org, date);
  };
  for (const m of ctx.memberships) seen(m.org, m.from);
  for (const p of ctx.positions) seen(p.org, p.from);
  for (const e of ctx.elections) seen(e.org, e.held_on);
  for (let i = ctx.orgs.length - 1; i >= 0; i--) {
    const org = ctx.orgs[i];
    const date = earliest.get(org.code);
    if (date) {
      org.established_on = date;
      if (org.parent) seen(org.parent, date);
    }
  }
}
