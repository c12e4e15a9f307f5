import type { AttendanceStatus } from '../../shared/enums.ts';
import { addDays, addMonths } from '../dates.ts';

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
  /** What each month since the lookback start was for the member, at any org ('YYYY-MM' → state; 'none' omitted). */
  months: Record<string, MonthState>;
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

/**
 * Folds one member's marks, one at a time, into month states and this org's yearly counts.
 * month states — attended: present at some record; missed: expected, never present, absent without
 * leave at least once; excused: every absence was an approved leave (请假); none: no record the member
 * was expected at. Yearly counts — member-wide records of `orgId` in [`yearFrom`, `asOf`]; leave counts
 * as expected, not attended.
 */
export class Tally {
  readonly months: Record<string, MonthState> = {};
  readonly year = { attended: 0, expected: 0, leave: 0 };
  constructor(
    private readonly orgId: string,
    private readonly yearFrom: string,
    private readonly asOf: string,
  ) {}

  add(date: string, status: AttendanceStatus, wide: boolean, orgId: string): void {
    this.month(date.slice(0, 7), markState(status));
    if (!wide || orgId !== this.orgId || date < this.yearFrom || date > this.asOf) return;
    this.year.expected++;
    if (status === 'present') this.year.attended++;
    if (status === 'leave') this.year.leave++;
  }

  /** The marks of one month at once, `state` being what they fold to (the best of their {@link markState}s). */
  month(month: string, state: MonthState): void {
    if (RANK[state] > RANK[this.months[month] ?? 'none']) this.months[month] = state;
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

/** Month states of a list of marks (see {@link Tally}). */
export function monthStates(marks: readonly AttendanceMark[]): Record<string, MonthState> {
  const t = new Tally('', '', '');
  for (const m of marks) t.add(m.date, m.status, false, m.orgId);
  return t.months;
}

/** The month before 'YYYY-MM'. */
const prevMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);

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
  return streakOf(monthStates(marks), asOf);
}

/** The streak of a member's month states (see {@link currentStreak}). */
export function streakOf(states: Record<string, MonthState>, asOf: string): Streak {
  const current = asOf.slice(0, 7);
  const currentEnded = addDays(asOf, 1).slice(0, 7) !== current;
  const streak: Streak = { months: 0, from: null, to: null };
  if (states[current] === 'attended') return streak;
  let month = currentEnded ? current : prevMonth(current);
  const stop = addMonths(`${current}-01`, -LOOKBACK_MONTHS).slice(0, 7);
  for (; month >= stop; month = prevMonth(month)) {
    const s = states[month] ?? 'none';
    if (s === 'attended') break;
    if (s !== 'missed') continue;
    streak.months++;
    streak.from = month;
    streak.to ??= month;
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
