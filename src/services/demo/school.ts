import { addYears } from '../../domain/dates.ts';
import {
  DEMO_IMPERFECTIONS,
  DEMO_ORG_CODES,
  DEMO_PERSON_REFS,
  type DemoImperfection,
} from './demo-accounts.ts';
import { fromDay, shiftDays, toDay } from './history.ts';
import { type ElectOptions, addGroups, elect } from './leadership.ts';
import { dateBetweenYears, settleFoundingDates } from './orgs.ts';
import {
  type Ctx,
  type Member,
  type OrgRow,
  type RosterKind,
  type Slot,
  fillBranch,
  memberCount,
  rosterSlots,
} from './roster.ts';
import { type BranchSpec, ROOT, type UnitSpec, academicYear, schoolSpec } from './school-spec.ts';

/**
 * The school-scale demo (a university of ~4,000 people in ~150 branches). Every branch complies with
 * RULES.md §1 except the six in DEMO_IMPERFECTIONS, which break one rule each on purpose.
 */
const SPECIAL = new Map<string, DemoImperfection>(
  Object.entries(DEMO_IMPERFECTIONS).map(([key, v]) => [v.org, key as DemoImperfection]),
);
const DEMO_REFS = new Set<string>(Object.values(DEMO_PERSON_REFS));

export function generateSchool(ctx: Ctx): void {
  const { rng, asOf } = ctx;
  const units = schoolSpec(asOf);
  const nominal = new Map<string, string>([[ROOT.code, '1958-09-01']]);
  ctx.orgs.push({
    code: ROOT.code,
    name: ROOT.name,
    kind: 'committee',
    parent: null,
    category: '教师',
    pack: 'national-baseline',
  });
  const village = shiftDays(asOf, -rng.int(150, 500));
  for (const u of units) {
    ctx.orgs.push({ code: u.code, name: u.name, kind: u.kind, parent: ROOT.code, category: u.category });
    nominal.set(u.code, dateBetweenYears(rng, 1984, 2004));
    for (const b of u.branches) {
      const org: OrgRow = { code: b.code, name: b.name, kind: b.kind, parent: u.code, category: b.category };
      if (b.unitCount) org.unit_count = b.unitCount;
      ctx.orgs.push(org);
      nominal.set(b.code, foundedOn(b, asOf, village, dateBetweenYears(rng, 2005, 2020)));
    }
  }

  const codes = (pred: (b: BranchSpec) => boolean) =>
    units.flatMap((u) => u.branches.filter(pred).map((b) => b.code));
  const teacherPool = codes((b) => b.roster === 'teacher');
  const staffPool = codes((b) => b.roster === 'staff' && b.kind !== 'temp_branch');
  const pools: Partial<Record<RosterKind, readonly string[]>> = {
    teacher: teacherPool,
    staff: staffPool,
    retiree: [...teacherPool, ...staffPool],
  };

  for (const u of units) {
    const leaders: Member[] = [];
    for (const b of u.branches) {
      const org = ctx.orgs.find((o) => o.code === b.code) as OrgRow;
      const members = fillBranch(ctx, b.code, slotsFor(ctx, u, b, pools, village));
      branchLeadership(ctx, org, b, members);
      for (const m of members) if (m.profile !== 'undergrad' && m.profile !== 'grad') leaders.push(m);
    }
    const org = ctx.orgs.find((o) => o.code === u.code) as OrgRow;
    elect(ctx, org, leaders, {
      seats: u.kind === 'committee' ? 5 : rng.int(4, 5),
      deputy: true,
      exclude: DEMO_REFS,
    });
    if (u.code === 'U-01') {
      const root = ctx.orgs[0];
      const taken = new Set([
        ...DEMO_REFS,
        ...ctx.positions.filter((p) => p.org === 'U-01').map((p) => p.person),
      ]);
      elect(ctx, root, leaders, { seats: 5, deputy: true, exclude: taken });
    }
  }
  settleFoundingDates(ctx, nominal);
  ctx.people.sort((a, b) => (a.ref < b.ref ? -1 : 1));
}

function foundedOn(b: BranchSpec, asOf: string, village: string, otherwise: string): string {
  if (b.temp === 'village') return village;
  if (b.temp === 'teaching') return `${academicYear(asOf)}-08-20`;
  if (b.grade) return `${b.grade}-10-15`;
  return otherwise;
}

const ageRange = (asOf: string, lo: number, hi: number): [string, string] => [
  shiftDays(addYears(asOf, -(hi + 1)), 1),
  addYears(asOf, -lo),
];

function slotsFor(
  ctx: Ctx,
  u: UnitSpec,
  b: BranchSpec,
  pools: Partial<Record<RosterKind, readonly string[]>>,
  village: string,
): Slot[] {
  const { rng, asOf } = ctx;
  const pool = (pools[b.roster] ?? []).filter((c) => c !== b.code);
  const typical = (size: number, extra: Partial<Parameters<typeof rosterSlots>[3]> = {}) =>
    rosterSlots(rng, b.roster, asOf, {
      size,
      pipeline: rng.int(0, 3),
      left: rng.chance(0.5) ? 1 : 0,
      transferPool: pool,
      ...extra,
    });
  const many = (n: number, slot: Slot): Slot[] => Array.from({ length: n }, () => ({ ...slot }));
  const special = SPECIAL.get(b.code);
  if (b.code === DEMO_ORG_CODES.branch) {
    return [
      {
        profile: 'teacher',
        status: 'full',
        ref: DEMO_PERSON_REFS.secretary,
        birthRange: ageRange(asOf, 45, 52),
      },
      {
        profile: 'teacher',
        status: 'full',
        ref: DEMO_PERSON_REFS.member,
        birthRange: ageRange(asOf, 32, 40),
      },
      ...typical(16, { pipeline: 1 }),
    ];
  }
  if (b.code === DEMO_ORG_CODES.branch2) {
    return [
      {
        profile: 'teacher',
        status: 'full',
        ref: DEMO_PERSON_REFS.secretary2,
        birthRange: ageRange(asOf, 44, 55),
      },
      ...typical(14),
    ];
  }
  switch (special) {
    case 'overdueElection':
      return typical(rng.int(14, 18), { transferPool: [] });
    case 'noCommittee':
      return many(9, { profile: 'staff', status: 'full' });
    case 'oversized':
      return [
        ...many(52, { profile: 'retiree', status: 'full' }),
        ...many(2, { profile: 'retiree', status: 'full', leaves: true }),
      ];
    case 'overCategoryCap':
      return [
        ...many(31, { profile: 'teacher', status: 'full' }),
        ...many(2, { profile: 'teacher', status: 'probationary' }),
      ];
    case 'tooFewFull':
      return [...many(2, { profile: 'staff', status: 'full' }), { profile: 'staff', status: 'probationary' }];
    case 'juniorSecretary':
      return [
        {
          profile: 'teacher',
          status: 'full',
          fullOn: shiftDays(asOf, -rng.int(150, 300)),
          birthRange: ageRange(asOf, 29, 33),
        },
        ...typical(rng.int(12, 18)),
      ];
  }
  if (b.temp === 'village') {
    return Array.from({ length: 5 }, () => ({
      profile: 'staff' as const,
      status: 'full' as const,
      transfer: { org: rng.pick(pools.staff ?? []), at: village },
    }));
  }
  if (b.temp === 'teaching') {
    // A year of volunteer teaching: graduate students of the college, moved here when the team left.
    const grads = u.branches.filter((x) => x.roster === 'grad' && !x.temp).map((x) => x.code);
    const at = `${academicYear(asOf)}-08-20`;
    return Array.from({ length: rng.int(8, 12) }, () => ({
      profile: 'grad' as const,
      status: rng.chance(0.85) ? ('full' as const) : ('probationary' as const),
      transfer: { org: rng.pick(grads), at },
    }));
  }
  switch (b.roster) {
    case 'teacher':
      return typical(rng.int(16, 28));
    case 'staff':
      return b.kind === 'joint_branch' ? typical(rng.int(6, 12)) : typical(rng.int(10, 24));
    case 'retiree':
      if (b.code.endsWith('-01')) {
        return many(rng.int(8, 12), {
          profile: 'retiree',
          status: 'full',
          birthRange: ageRange(asOf, 84, 90),
        });
      }
      return typical(rng.int(28, 46), { pipeline: 0, left: rng.int(1, 2) });
    case 'grad':
      return typical(rng.int(16, 26), { pipeline: rng.int(1, 4), left: rng.int(4, 7) });
    default: {
      const year = academicYear(asOf) - (b.grade ?? 0);
      const [size, pipeline] =
        year >= 3
          ? [rng.int(16, 24), rng.int(10, 15)]
          : year === 2
            ? [rng.int(12, 18), rng.int(13, 18)]
            : [rng.int(5, 8), rng.int(16, 22)];
      const teachers = u.branches.filter((x) => x.roster === 'teacher').map((x) => x.code);
      return typical(size, {
        pipeline,
        left: 0,
        enrolled: `${b.grade}-09-01`,
        staffFrom: { orgs: teachers, at: `${b.grade}-10-15` },
      });
    }
  }
}

function branchLeadership(ctx: Ctx, org: OrgRow, b: BranchSpec, members: Member[]): void {
  const { rng, asOf } = ctx;
  const special = SPECIAL.get(b.code);
  const o: ElectOptions = { byElection: rng.chance(0.15), previousTerm: !b.grade && !b.temp };
  if (b.code === DEMO_ORG_CODES.branch)
    Object.assign(o, {
      secretary: DEMO_PERSON_REFS.secretary,
      exclude: new Set([DEMO_PERSON_REFS.member]),
      byElection: false,
    });
  if (b.code === DEMO_ORG_CODES.branch2)
    Object.assign(o, { secretary: DEMO_PERSON_REFS.secretary2, byElection: false });
  if (special === 'noCommittee' || special === 'tooFewFull') o.seats = 1;
  if (special === 'overdueElection') {
    Object.assign(o, { heldOn: shiftDays(addYears(asOf, -3), -rng.int(60, 400)), byElection: false });
  }
  const junior = special === 'juniorSecretary' ? members[0] : undefined;
  if (junior)
    Object.assign(o, {
      heldOn: shiftDays(asOf, -rng.int(400, 900)),
      exclude: new Set([junior.ref]),
      byElection: false,
    });
  const lead = elect(ctx, org, members, o);

  if (junior?.fullSince) {
    // The elected secretary was transferred out of the post; a by-election put a young member in charge.
    const on = fromDay(
      rng.int(toDay(junior.fullSince) + 15, Math.max(toDay(junior.fullSince) + 15, toDay(asOf) - 5)),
    );
    const old = ctx.positions.find((p) => p.org === b.code && p.role === 'secretary' && p.to === null);
    if (old) old.to = on;
    ctx.positions.push({
      person: junior.ref,
      org: b.code,
      role: 'secretary',
      duty: null,
      from: on,
      to: null,
    });
    ctx.elections.push({ org: b.code, held_on: on, kind: 'by_election', term_years: 3 });
    lead.secretary = junior.ref;
    lead.holders.add(junior.ref);
  }
  if (b.roster === 'teacher' && lead.secretary) {
    // 双带头人 (ORG-012): teacher-branch secretaries are teaching/research backbones.
    const sec = members.find((m) => m.ref === lead.secretary);
    if (sec && !(sec.person.flags ?? []).includes('teaching_backbone'))
      sec.person.flags = [...(sec.person.flags ?? []), 'teaching_backbone'];
  }
  const size = memberCount(members);
  let groups = size >= 24 && rng.chance(0.5) ? (size >= 36 ? 3 : 2) : 0;
  if (special === 'oversized') groups = 3;
  if (special === 'overCategoryCap') groups = 2;
  if (special === 'noCommittee' || special === 'tooFewFull') groups = 0;
  if (groups > 0) addGroups(ctx, org, members, groups, lead, DEMO_REFS);
}
