import type { AttendanceStatus } from '../../shared/enums.ts';
import { addDays } from '../dates.ts';

/**
 * Member participation in organizational life (LIFE-018, LIFE-019), computed from attendance marks.
 *
 * A mark is one member expected at one record: every party member (预备/正式) of a branch is expected at
 * the branch's member-wide records ({@link MEMBER_WIDE_TAGS}); a record lists only those away (absent /
 * leave), so a member without a row was present. An explicit `present` row at any other record (支委会,
 * 党小组会 …) also counts as taking part that month, but not toward the rate (its audience is not all members).
 */
export const MEMBER_WIDE_TAGS = [
  'branch_assembly',
  'party_lecture',
  'theme_day',
  'activity_day',
  'org_life_meeting',
  'member_review',
] as const;

export type AttendanceMark = {
  personId: string;
  orgId: string;
  /** YYYY-MM-DD */
  date: string;
  status: AttendanceStatus;
  /** True for member-wide records (counted in the rate); false for an explicit presence elsewhere. */
  wide: boolean;
};

/** One member's participation, folded from their marks by {@link Tally} (compact: no mark list is kept). */
export type MemberParticipation = {
  personId: string;
  name: string;
  /** First day of the member's current stay in the org. */
  since: string;
  /** What each month of the lookback window was for the member, at any org. */
  months: MonthStates;
  /** Member-wide records of this org from 1 January of the evaluation year to the evaluation date (LIFE-019). */
  year: { attended: number; expected: number; leave: number };
};

export type ParticipationFacts = {
  /** Party members (预备/正式) of the org on the evaluation date. */
  members: MemberParticipation[];
};

/** How far back marks are loaded: twice the 6-month lapse period plus gaps of months without records. */
export const LOOKBACK_MONTHS = 24;

/** What a month was for one member. */
export type MonthState = 'attended' | 'missed' | 'excused' | 'none';

const RANK: Record<MonthState, number> = { none: 0, excused: 1, missed: 2, attended: 3 };
/** The states by rank. */
const BY_RANK: readonly MonthState[] = ['none', 'excused', 'missed', 'attended'];

/** The month of 'YYYY-MM' or of a date as a number, year × 12 + month − 1 ('2026-01' → 24312): months add and compare as numbers. */
export const monthNo = (month: string): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The 'YYYY-MM' of a {@link monthNo}. */
export const monthText = (n: number): string =>
  `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/**
 * A member's month states over a window of months, one byte a month (a city has ~130k members: an object
 * with a key per month was ~3M properties to build and collect). Months outside the window are 'none'
 * and are not kept: {@link streakOf} reads only the window of its evaluation date.
 */
export class MonthStates {
  private readonly ranks: Uint8Array;
  /** The months `first`…`last` ({@link monthNo}s), all 'none'. */
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    this.ranks = new Uint8Array(last - first + 1);
  }

  /** The window {@link streakOf} reads as of `asOf`: its month and the {@link LOOKBACK_MONTHS} before. */
  static lookback(asOf: string): MonthStates {
    const last = monthNo(asOf);
    return new MonthStates(last - LOOKBACK_MONTHS, last);
  }

  get(month: number): MonthState {
    return month < this.first || month > this.last ? 'none' : BY_RANK[this.ranks[month - this.first]];
  }

  /** Makes a month `state` if that is better than what it was (attended > missed > excused > none). */
  raise(month: number, state: MonthState): void {
    if (month < this.first || month > this.last) return;
    const rank = RANK[state];
    if (rank > this.ranks[month - this.first]) this.ranks[month - this.first] = rank;
  }

  /** The months that are not 'none', 'YYYY-MM' → state, ascending. */
  toRecord(): Record<string, MonthState> {
    const out: Record<string, MonthState> = {};
    this.ranks.forEach((rank, i) => {
      if (rank) out[monthText(this.first + i)] = BY_RANK[rank];
    });
    return out;
  }
}

/**
 * Folds one member's marks, one at a time, into month states and this org's yearly counts.
 * month states — attended: present at some record; missed: expected, never present, absent without
 * leave at least once; excused: every absence was an approved leave (请假); none: no record the member
 * was expected at. Yearly counts — member-wide records of `orgId` in [`yearFrom`, `asOf`]; leave counts
 * as expected, not attended.
 */
export class Tally {
  /** The lookback window of `asOf` (see {@link MonthStates.lookback}). */
  readonly months: MonthStates;
  readonly year = { attended: 0, expected: 0, leave: 0 };
  constructor(
    private readonly orgId: string,
    private readonly yearFrom: string,
    private readonly asOf: string,
  ) {
    this.months = MonthStates.lookback(asOf);
  }

  add(date: string, status: AttendanceStatus, wide: boolean, orgId: string): void {
    this.month(monthNo(date), markState(status));
    if (!wide || orgId !== this.orgId || date < this.yearFrom || date > this.asOf) return;
    this.year.expected++;
    if (status === 'present') this.year.attended++;
    if (status === 'leave') this.year.leave++;
  }

  /** The marks of one month ({@link monthNo}) at once, `state` being what they fold to (the best of their {@link markState}s). */
  month(month: number, state: MonthState): void {
    this.months.raise(month, state);
  }

  /** Member-wide marks at records of `orgId` dated in [`yearFrom`, `asOf`], counted at once (as {@link add} counts them). */
  count(orgId: string, expected: number, attended: number, leave: number): void {
    if (orgId !== this.orgId) return;
    this.year.expected += expected;
    this.year.attended += attended;
    this.year.leave += leave;
  }
}

/** What one mark makes of its month: present → attended, absent → missed, leave → excused. */
export const markState = (status: AttendanceStatus): MonthState =>
  status === 'present' ? 'attended' : status === 'absent' ? 'missed' : 'excused';

/** The better of two month states (attended > missed > excused > none). */
export const betterState = (a: MonthState, b: MonthState): MonthState => (RANK[a] >= RANK[b] ? a : b);

/** A member's participation from a list of marks (tests and small callers; the loader feeds a Tally). */
export function summarize(
  member: { personId: string; name: string; since: string },
  marks: readonly AttendanceMark[],
  orgId: string,
  asOf: string,
): MemberParticipation {
  const t = new Tally(orgId, `${asOf.slice(0, 4)}-01-01`, asOf);
  for (const m of marks) if (m.personId === member.personId) t.add(m.date, m.status, m.wide, m.orgId);
  return { ...member, months: t.months, year: t.year };
}

/** Month states of a list of marks over the lookback window of `asOf` (see {@link Tally}). */
export function monthStates(marks: readonly AttendanceMark[], asOf: string): MonthStates {
  const t = new Tally('', '', asOf);
  for (const m of marks) t.add(m.date, m.status, false, m.orgId);
  return t.months;
}

export type Streak = {
  /** Consecutive ended months missed (months without records or on leave neither count nor break it). */
  months: number;
  /** First and last missed month of the streak, 'YYYY-MM'. */
  from: string | null;
  to: string | null;
};

/**
 * The member's current non-participation streak as of `asOf` (RULES.md LIFE-018, §0.3: only ended months
 * count; attendance already recorded in the current month ends the streak). A month ends on its last day.
 */
export function currentStreak(marks: readonly AttendanceMark[], asOf: string): Streak {
  return streakOf(monthStates(marks, asOf), asOf);
}

/** Whether `asOf` is the last day of its month (asked once per member with the same date: remembered). */
const monthEndsOn = (() => {
  let last = { asOf: '', ends: false };
  return (asOf: string) => {
    if (last.asOf !== asOf) last = { asOf, ends: addDays(asOf, 1).slice(0, 7) !== asOf.slice(0, 7) };
    return last.ends;
  };
})();

/** The streak of a member's month states (see {@link currentStreak}). */
export function streakOf(states: MonthStates, asOf: string): Streak {
  const current = monthNo(asOf);
  const currentEnded = monthEndsOn(asOf);
  const streak: Streak = { months: 0, from: null, to: null };
  if (states.get(current) === 'attended') return streak;
  for (let month = currentEnded ? current : current - 1; month >= current - LOOKBACK_MONTHS; month--) {
    const s = states.get(month);
    if (s === 'attended') break;
    if (s !== 'missed') continue;
    streak.months++;
    streak.from = monthText(month);
    streak.to ??= streak.from;
  }
  return streak;
}

type Counts = MemberParticipation['year'];

/** Counts with their rate (attended / expected; null when nothing was expected). */
export function withRate(c: Counts): Counts & { rate: number | null } {
  return { ...c, rate: c.expected ? c.attended / c.expected : null };
}

/** The org's total over its members (LIFE-019 for the branch). */
export function totalOf(members: readonly MemberParticipation[]): Counts & { rate: number | null } {
  const t = { attended: 0, expected: 0, leave: 0 };
  for (const m of members) {
    t.attended += m.year.attended;
    t.expected += m.year.expected;
    t.leave += m.year.leave;
  }
  return withRate(t);
}

export type StreakLevel = 'info' | 'warn' | 'violation' | null;

/** LIFE-018 escalation: alerts at `alertMonths` (product default 3 and 5), a case at `lapseMonths` (6). */
export function streakLevel(
  months: number,
  alertMonths: readonly number[],
  lapseMonths: number,
): StreakLevel {
  if (months >= lapseMonths) return 'violation';
  const [first, second] = [...alertMonths].sort((a, b) => a - b);
  if (second !== undefined && months >= second) return 'warn';
  if (first !== undefined && months >= first) return 'info';
  return null;
}
