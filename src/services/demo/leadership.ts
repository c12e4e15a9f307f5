import { addYears } from '../../domain/dates.ts';
import type { Duty, PositionRole } from '../../shared/enums.ts';
import { fromDay, maxDate, shiftDays, toDay } from './history.ts';
import { ordinal } from './names.ts';
import type { Ctx, Member, OrgRow } from './roster.ts';

/**
 * Elections and positions (ORG-008, ORG-011, ORG-013/014): a branch with ≥ 7 full members elects a
 * committee of 4–5 (书记 + 组织/宣传/纪检委员, sometimes a 副书记); smaller branches elect a secretary. The
 * secretary has been a full member for at least a year on election day; every holder was a full member
 * of the branch on that day. Positions start on the election date.
 */
export type ElectOptions = {
  /** Election date (otherwise within the last ~2.7 years, moved later if too few were eligible). */
  heldOn?: string;
  /** Committee seats including the secretary (default by full-member count; 1 = secretary only). */
  seats?: number;
  /** Term in years (3 for branches and general branches, 5 for committees). */
  term?: number;
  secretary?: string;
  /** People who must not hold a position here (e.g. the demo's ordinary member). */
  exclude?: ReadonlySet<string>;
  byElection?: boolean;
  previousTerm?: boolean;
  /** Always include a deputy secretary when there are ≥ 4 seats. */
  deputy?: boolean;
};

export type Leadership = { heldOn: string; secretary: string | null; holders: Set<string> };

const DUTY_ORDER: Duty[] = ['organization', 'propaganda', 'discipline'];

/** Date from which `m` may hold a committee seat (with `years` of full membership for a secretary). */
function eligibleFrom(m: Member, years: number): string | null {
  if (m.status !== 'full' || m.fullSince === null) return null;
  return maxDate(years > 0 ? addYears(m.fullSince, years) : m.fullSince, m.branchSince);
}

export function elect(ctx: Ctx, org: OrgRow, members: readonly Member[], o: ElectOptions = {}): Leadership {
  const { rng, asOf } = ctx;
  const exclude = o.exclude ?? new Set<string>();
  const full = members.filter((m) => m.status === 'full');
  const term = o.term ?? (org.kind === 'committee' ? 5 : 3);
  let seats = o.seats ?? (full.length >= 20 ? 5 : full.length >= 7 ? 4 : 1);
  const latest = shiftDays(asOf, -3);
  let held = o.heldOn ?? shiftDays(asOf, -rng.int(20, 1000));

  const pool = full.filter((m) => !exclude.has(m.ref));
  const secEligible = (d: string) =>
    pool.filter((m) => m.ref !== o.secretary && (eligibleFrom(m, 1) ?? '9999') <= d);
  let secretary = o.secretary ? pool.find((m) => m.ref === o.secretary) : undefined;
  if (!secretary) {
    const dates = pool.map((m) => eligibleFrom(m, 1)).filter((d): d is string => d !== null);
    dates.sort();
    if (!o.heldOn && dates.length > 0 && dates[0] > held) held = minLatest(dates[0], rng.int(1, 30), latest);
    const candidates = secEligible(held);
    const preferred = candidates.filter(
      (m) => m.profile === 'counselor' || (m.person.flags ?? []).includes('teaching_backbone'),
    );
    const from = preferred.length > 0 ? preferred : candidates.length > 0 ? candidates : pool;
    secretary = from.length > 0 ? rng.pick(from) : undefined;
  }
  if (!secretary) return { heldOn: held, secretary: null, holders: new Set() };

  let others = pool.filter((m) => m !== secretary && eligibleFrom(m, 0) !== null);
  if (seats > 1 && !o.heldOn) {
    const dates = others.map((m) => eligibleFrom(m, 0) as string).sort();
    const need = dates[seats - 2];
    if (need && need > held) held = minLatest(need, rng.int(1, 20), latest);
  }
  others = rng.shuffle(others.filter((m) => (eligibleFrom(m, 0) as string) <= held));
  if (others.length < seats - 1) seats = others.length >= 3 ? others.length + 1 : 1;

  ctx.elections.push({ org: org.code, held_on: held, kind: 'regular', term_years: term });
  const holders = new Set<string>([secretary.ref]);
  push(ctx, secretary.ref, org.code, 'secretary', null, held);
  const deputy = seats >= 4 && (o.deputy || (seats === 5 && rng.chance(0.5)));
  const seatList: [PositionRole, Duty | null][] = [];
  if (deputy) seatList.push(['deputy_secretary', null]);
  for (const d of DUTY_ORDER) seatList.push(['committee_member', d]);
  if (seats === 5 && !deputy) seatList.push(['committee_member', 'other']);
  const committee = seatList.slice(0, seats - 1);
  committee.forEach(([role, duty], i) => {
    push(ctx, others[i].ref, org.code, role, duty, held);
    holders.add(others[i].ref);
  });

  if (o.previousTerm && rng.chance(0.4)) {
    const prev = shiftDays(addYears(held, -term), -rng.int(0, 60));
    ctx.elections.push({ org: org.code, held_on: prev, kind: 'regular', term_years: term });
    const before = pool.filter((m) => m !== secretary && (eligibleFrom(m, 1) ?? '9999') <= prev);
    if (before.length > 0) push(ctx, rng.pick(before).ref, org.code, 'secretary', null, prev, held);
  }

  const span = toDay(asOf) - 10 - (toDay(held) + 60);
  if (o.byElection && committee.length >= 3 && span > 0) {
    const on = fromDay(toDay(held) + 60 + rng.int(0, span));
    const seat = rng.int(0, committee.length - 1);
    const fresh = pool.filter(
      (m) => !holders.has(m.ref) && m !== secretary && (eligibleFrom(m, 0) ?? '9999') <= on,
    );
    if (fresh.length > 0) {
      const [role, duty] = committee[seat];
      // the seat itself (the same person may also hold a closed row from the previous term)
      const replaced = ctx.positions.find(
        (p) => p.org === org.code && p.person === others[seat].ref && p.role === role && p.to === null,
      );
      if (replaced) replaced.to = on;
      const incoming = rng.pick(fresh);
      push(ctx, incoming.ref, org.code, role, duty, on);
      holders.add(incoming.ref);
      ctx.elections.push({ org: org.code, held_on: on, kind: 'by_election', term_years: term });
    }
  }
  return { heldOn: held, secretary: secretary.ref, holders };
}

function minLatest(date: string, plusDays: number, latest: string): string {
  const d = shiftDays(date, plusDays);
  return d < latest ? d : latest;
}

function push(
  ctx: Ctx,
  person: string,
  org: string,
  role: PositionRole,
  duty: Duty | null,
  from: string,
  to: string | null = null,
) {
  ctx.positions.push({ person, org, role, duty, from, to });
}

/**
 * 党小组 (ORG-009): `count` groups under the branch, each led by a full member who holds no committee
 * seat. Members stay attached to the branch; groups are just orgs.
 */
export function addGroups(
  ctx: Ctx,
  branch: OrgRow,
  members: readonly Member[],
  count: number,
  lead: Leadership,
  exclude: ReadonlySet<string> = new Set(),
): void {
  // Leaders: full members without a committee seat, from the election (or when they became eligible).
  const leaders = ctx.rng
    .shuffle(
      members.filter((m) => !lead.holders.has(m.ref) && !exclude.has(m.ref) && eligibleFrom(m, 0) !== null),
    )
    .map((m) => ({ ref: m.ref, from: maxDate(eligibleFrom(m, 0) as string, lead.heldOn) }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  count = Math.min(count, leaders.length);
  for (let i = 1; i <= count; i++) {
    const code = `${branch.code}-G${i}`;
    ctx.orgs.push({
      code,
      name: `${branch.name}第${ordinal(i)}党小组`,
      kind: 'group',
      parent: branch.code,
      category: branch.category,
      established_on: lead.heldOn,
    });
    push(ctx, leaders[i - 1].ref, code, 'group_leader', null, leaders[i - 1].from);
  }
}
