import {
  type Period,
  fourthThursday,
  isWorkday,
  periodsBetween,
  shiftDays,
  workdayBetween,
} from './meeting-calendar.ts';
import type { DemoMeetingTag, ResolvedMeetingGap } from './meeting-gaps.ts';
import type { MeetingRoster, MemberEvent } from './meeting-roster.ts';
import type { Rng } from './rng.ts';

/**
 * When a branch (or 党小组) meets — the calendar of LIFE-002…009 before any record is written:
 * 主题党日 on the 4th Thursday of every month, 支委会 in the first weeks of every month in which the
 * branch has a committee, 党员大会 every quarter (sometimes twice, sometimes on the 主题党日, and on the
 * day a member is admitted or becomes a full member), 党课 every quarter (the secretary gives one
 * each year), 组织生活会 + 民主评议党员 once a year, mostly in Q4. Periods are planned whole and
 * cut at `asOf`, so the current period holds only what has already happened.
 */
export type Slot = {
  day: string;
  tags: DemoMeetingTag[];
  /** Members admitted / made full members by the 党员大会 on this day. */
  subjects: MemberEvent[];
  secretaryLecture?: boolean;
  noRecorder?: boolean;
  noFirstTopic?: boolean;
  voteError?: boolean;
  late?: boolean;
};

const inRange = (day: string, from: string, to: string) => from <= day && day <= to;
const clip = (p: Period, from: string): [string, string] => [p.start < from ? from : p.start, p.end];

export function planBranch(
  rng: Rng,
  roster: MeetingRoster,
  code: string,
  from: string,
  asOf: string,
): Slot[] {
  const slots: Slot[] = [];
  const add = (day: string | null, tags: DemoMeetingTag[]) => {
    if (day === null) return null;
    const s: Slot = { day, tags, subjects: [] };
    slots.push(s);
    return s;
  };
  const years = new Set(periodsBetween(from, asOf, 'month').map((m) => m.start.slice(0, 4)));
  for (const y of years) {
    const q4 = rng.chance(0.92);
    const [lo, hi] = q4 ? [`${y}-11-10`, `${y}-12-31`] : [`${y}-07-01`, `${y}-07-20`];
    if (hi < from) continue;
    const tags: DemoMeetingTag[] = rng.chance(0.6)
      ? ['branch_assembly', 'org_life_meeting', 'member_review']
      : ['org_life_meeting', 'member_review'];
    add(workdayBetween(rng, lo < from ? from : lo, hi), tags);
  }
  for (const m of periodsBetween(from, asOf, 'month')) {
    const theme = fourthThursday(m.start);
    if (theme >= from) add(theme, ['theme_day']);
    const [lo] = clip(m, from);
    const day = workdayBetween(rng, lo, `${m.key}-20`);
    if (day && roster.committeeAt(code, day).length > 0) add(day, ['committee_meeting']);
  }
  const events = roster.eventsOf(code).filter((e) => inRange(e.on, from, asOf));
  // 接收预备党员: the 预备期 runs from the day the 党员大会 admits the member.
  for (const ev of events.filter((e) => e.kind === 'admit')) {
    const same = slots.find((s) => s.day === ev.on && s.tags.includes('branch_assembly'));
    (same ?? (add(ev.on, ['branch_assembly']) as Slot)).subjects.push(ev);
  }
  for (const q of periodsBetween(from, asOf, 'quarter')) {
    const [lo, hi] = clip(q, from);
    const inQ = (tag: DemoMeetingTag) => slots.filter((s) => inRange(s.day, lo, hi) && s.tags.includes(tag));
    let assembly: Slot | null = inQ('branch_assembly')[0] ?? null;
    if (!assembly) {
      const themes = inQ('theme_day').filter((s) => s.tags.length === 1);
      if (themes.length > 0 && rng.chance(0.35)) {
        assembly = rng.pick(themes);
        assembly.tags.unshift('branch_assembly');
      } else assembly = add(workdayBetween(rng, lo, hi), ['branch_assembly']);
    }
    if (rng.chance(0.2)) add(workdayBetween(rng, lo, hi), ['branch_assembly']);
    if (assembly && assembly.tags.length === 1 && rng.chance(0.2)) assembly.tags.push('party_lecture');
    else add(workdayBetween(rng, lo, hi), ['party_lecture']);
  }
  // 预备党员转正: discussed at the first 党员大会 within two months after the probation ends.
  for (const ev of events.filter((e) => e.kind === 'full')) {
    const until = shiftDays(ev.on, 60);
    const next = slots
      .filter((s) => inRange(s.day, ev.on, until) && s.tags.includes('branch_assembly'))
      .sort((a, b) => (a.day < b.day ? -1 : 1))[0];
    const day = next ? next.day : workdayBetween(rng, ev.on, shiftDays(ev.on, 10));
    if (day && day <= asOf) (next ?? (add(day, ['branch_assembly']) as Slot)).subjects.push(ev);
  }
  const held = slots
    .filter((s) => s.day <= asOf)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  // The secretary gives (at least) one 党课 a year: the year's first lecture held while there is one.
  for (const y of years) {
    const lecture = held.find(
      (s) => s.day.startsWith(y) && s.tags.includes('party_lecture') && roster.secretaryAt(code, s.day),
    );
    if (lecture) lecture.secretaryLecture = true;
  }
  return held;
}

/** 党小组会: once a month, on a working day between the 5th and the 25th. */
export function planGroup(rng: Rng, from: string, asOf: string): Slot[] {
  const slots: Slot[] = [];
  for (const m of periodsBetween(from, asOf, 'month')) {
    const [lo] = clip(m, from);
    const day = workdayBetween(rng, lo < shiftDays(m.start, 4) ? shiftDays(m.start, 4) : lo, `${m.key}-25`);
    if (day && day <= asOf) slots.push({ day, tags: ['group_meeting'], subjects: [] });
  }
  return slots;
}

/** Applies the deliberate gaps of one org to its planned slots. */
export function applyGaps(slots: Slot[], gaps: readonly ResolvedMeetingGap[]): Slot[] {
  let out = slots;
  for (const g of gaps) {
    const { start, end } = g.period;
    const hits = out.filter((s) => inRange(s.day, start, end) && s.tags.includes(g.tag));
    if (g.what === 'missing') {
      for (const s of hits) s.tags = s.tags.filter((t) => t !== g.tag);
      out = out.filter((s) => s.tags.length > 0);
      continue;
    }
    const first = hits[0];
    if (!first) continue;
    if (g.what === 'off_date') {
      first.day = shiftDays(first.day, g.shift ?? -7);
      if (!isWorkday(first.day)) first.day = shiftDays(first.day, -1);
    } else if (g.what === 'no_recorder') first.noRecorder = true;
    else if (g.what === 'no_first_topic') first.noFirstTopic = true;
    else if (g.what === 'vote_error') first.voteError = true;
    else first.late = true;
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
