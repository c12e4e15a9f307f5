import { addYears } from '../../domain/dates.ts';
import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import type { Duty, ElectionKind, MemberStatus, PositionRole } from '../../shared/enums.ts';
import {
  type MembershipRow,
  type PipelineStatus,
  branchSince,
  eventsEndingIn,
  fitEvents,
  fromDay,
  fullSince,
  leaveAt,
  minDate,
  rowsFromEvents,
  shiftDays,
  toDay,
  transferAt,
} from './history.ts';
import { type PersonRow, type Profile, makeIdentity } from './people.ts';
import type { Rng } from './rng.ts';

export type OrgRow = DatasetDoc['orgs'][number];
export type PositionRow = {
  person: string;
  org: string;
  role: PositionRole;
  duty: Duty | null;
  from: string;
  to: string | null;
};
export type ElectionRow = { org: string; held_on: string; kind: ElectionKind; term_years: number };

/** The arrays being built plus the generator state. */
export type Ctx = {
  rng: Rng;
  asOf: string;
  orgs: OrgRow[];
  people: PersonRow[];
  memberships: MembershipRow[];
  positions: PositionRow[];
  elections: ElectionRow[];
  nextRef: () => string;
  /** ID numbers handed out so far (they must be unique in a dataset). */
  idNumbers: Set<string>;
};

/** A current (or former) member of a branch, as the leadership picker needs it. */
export type Member = {
  ref: string;
  status: MemberStatus;
  fullSince: string | null;
  branchSince: string;
  profile: Profile;
  person: PersonRow;
};

/** One person to create in a branch. */
export type Slot = {
  profile: Profile;
  status: PipelineStatus;
  ref?: string;
  /** Forced date of full membership (e.g. a secretary with under a year of party standing). */
  fullOn?: string;
  birthRange?: [string, string];
  /** The pipeline cannot start before this date (students: after enrolment). */
  earliest?: string;
  /** Becomes `left` (transferred out, graduated, deceased). */
  leaves?: boolean;
  /** History before `at` was in `org` (transferred in on `at`). */
  transfer?: { org: string; at: string };
  /** Retired from this branch at 60 (history before the 60th birthday moves there). */
  retiredFrom?: string;
};

const STAFF: readonly Profile[] = ['teacher', 'staff', 'retiree', 'counselor', 'worker', 'resident'];

/** Creates the person of `slot` with a membership history ending in branch `org`. */
export function addPerson(ctx: Ctx, org: string, slot: Slot): Member {
  const { rng, asOf } = ctx;
  const ref = slot.ref ?? ctx.nextRef();
  const { person, birth } = makeIdentity(rng, ref, slot.profile, asOf, ctx.idNumbers, slot.birthRange);
  const adult = addYears(birth, 18);
  let events: ReturnType<typeof fitEvents>;
  if (slot.fullOn) events = eventsEndingIn(rng, 'full', slot.fullOn);
  else if (slot.status === 'full' && STAFF.includes(slot.profile)) {
    // Joined the party at 19–35 (not after two years before `asOf`); full membership a year later.
    const age = (toDay(asOf) - toDay(birth)) / 365.25;
    const joinAge = rng.int(19, Math.max(19, Math.min(35, Math.floor(age) - 3)));
    const joined = Math.min(
      toDay(addYears(birth, joinAge)) + rng.int(0, 364),
      toDay(asOf) - 400 - rng.int(0, 200),
    );
    events = eventsEndingIn(rng, 'full', addYears(fromDay(joined), 1));
    // Paper-era development records are not carried: keep the pipeline only when it is recent.
    if (events[0].from < addYears(asOf, -6)) events = events.slice(events.length - 2);
  } else {
    events = fitEvents(
      rng,
      slot.status,
      asOf,
      slot.earliest && slot.earliest > adult ? slot.earliest : adult,
    );
  }
  const rows = rowsFromEvents(ref, org, events);
  if (slot.transfer) transferAt(rows, slot.transfer.at, slot.transfer.org);
  if (slot.retiredFrom) transferAt(rows, minDate(addYears(birth, 60), shiftDays(asOf, -1)), slot.retiredFrom);
  if (slot.leaves) leaveAt(rows, leaveDate(rng, slot.profile, rows[rows.length - 1].from, asOf));
  ctx.people.push(person);
  for (const r of rows) ctx.memberships.push(r);
  return {
    ref,
    status: rows[rows.length - 1].status,
    fullSince: fullSince(rows),
    branchSince: branchSince(rows),
    profile: slot.profile,
    person,
  };
}

/** Graduates leave on 30 June; others on any day of the last two years (after their last change). */
function leaveDate(rng: Rng, profile: Profile, after: string, asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  if (profile === 'grad' || profile === 'undergrad') {
    for (const y of rng.chance(0.5) ? [year - 1, year, year - 2] : [year, year - 1, year - 2]) {
      const d = `${y}-06-30`;
      if (d < asOf && d > after) return d;
    }
  }
  const lo = Math.max(toDay(after) + 1, toDay(asOf) - 700);
  return fromDay(rng.int(lo, Math.max(lo, toDay(asOf) - 1)));
}

/** Kinds of roster a branch can have. */
export type RosterKind = 'teacher' | 'staff' | 'retiree' | 'worker' | 'resident' | 'undergrad' | 'grad';

export type RosterOptions = {
  /** Members (full + probationary, the ORG-006 count) to aim for. */
  size: number;
  /** Applicants, activists and candidates on top. */
  pipeline?: number;
  /** People who have left (their open row is `left`). */
  left?: number;
  /** Probability that a member is probationary. */
  probationary?: number;
  /** Undergraduates: the enrolment date of their grade. */
  enrolled?: string;
  /** Same-category branches a member may have transferred from (retirees: where they retired from). */
  transferPool?: readonly string[];
  /** Undergraduate branches: the counsellor and teachers came from these branches on `at`. */
  staffFrom?: { orgs: readonly string[]; at: string };
};

const EARLY: readonly PipelineStatus[] = ['applicant', 'activist', 'activist', 'candidate'];

/** The slots of a typical branch of `kind`. */
export function rosterSlots(rng: Rng, kind: RosterKind, asOf: string, o: RosterOptions): Slot[] {
  const slots: Slot[] = [];
  const pool = o.transferPool ?? [];
  const transfer = (): Slot['transfer'] =>
    pool.length > 0 && rng.chance(0.05)
      ? { org: rng.pick(pool), at: shiftDays(asOf, -rng.int(60, 700)) }
      : undefined;
  if (kind === 'undergrad') {
    const enrolled = o.enrolled ?? addYears(asOf, -3);
    const y = Number(enrolled.slice(0, 4));
    const birthRange: [string, string] = [`${y - 19}-09-01`, `${y - 18}-12-31`];
    const earliest = shiftDays(enrolled, 20);
    const from = o.staffFrom;
    const moved = (): Slot['transfer'] => (from ? { org: rng.pick(from.orgs), at: from.at } : undefined);
    slots.push({ profile: 'counselor', status: 'full', transfer: moved() });
    for (let i = 0; i < 2; i++) slots.push({ profile: 'teacher', status: 'full', transfer: moved() });
    for (let i = slots.length; i < o.size; i++) {
      const status = rng.chance(o.probationary ?? 0.45) ? 'probationary' : 'full';
      slots.push({ profile: 'undergrad', status, birthRange, earliest });
    }
    for (let i = o.pipeline ?? 0; i > 0; i--) {
      slots.push({ profile: 'undergrad', status: rng.pick(EARLY), birthRange, earliest });
    }
    return slots;
  }
  const profile: Profile = kind === 'grad' ? 'grad' : kind;
  const probShare = o.probationary ?? (kind === 'grad' ? 0.2 : kind === 'retiree' ? 0 : 0.05);
  for (let i = 0; i < o.size; i++) {
    const status = rng.chance(probShare) ? 'probationary' : 'full';
    if (kind === 'retiree' && pool.length > 0 && rng.chance(0.08)) {
      // Retired within the last two years: history before retirement was in a teacher/机关 branch.
      const birthRange: [string, string] = [
        shiftDays(addYears(asOf, -62), 1),
        shiftDays(addYears(asOf, -60), -1),
      ];
      slots.push({ profile, status, birthRange, retiredFrom: rng.pick(pool) });
    } else
      slots.push({
        profile,
        status,
        transfer: kind === 'grad' || kind === 'retiree' ? undefined : transfer(),
      });
  }
  for (let i = o.pipeline ?? 0; i > 0; i--) slots.push({ profile, status: rng.pick(EARLY) });
  for (let i = o.left ?? 0; i > 0; i--) slots.push({ profile, status: 'full', leaves: true });
  return slots;
}

/** Creates every slot in branch `org`; returns the members (people who left are not included). */
export function fillBranch(ctx: Ctx, org: string, slots: readonly Slot[]): Member[] {
  const members: Member[] = [];
  for (const slot of slots) {
    const m = addPerson(ctx, org, slot);
    if (m.status !== 'left') members.push(m);
  }
  return members;
}

/** Full + probationary members (the ORG-006 size). */
export const memberCount = (members: readonly Member[]) =>
  members.filter((m) => m.status === 'full' || m.status === 'probationary').length;
export const fullCount = (members: readonly Member[]) => members.filter((m) => m.status === 'full').length;
