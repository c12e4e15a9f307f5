import { FREQUENCY_RULES } from '../checks/meeting-frequency.ts';
import type { ParamReader } from '../checks/types.ts';
import { type PeriodKind, nthWeekday, weekdayNumber } from '../meetings/calendar.ts';
import type { MeetingTag } from '../../shared/enums.ts';

/** One planned meeting of an annual plan (年度计划, LIFE-014). */
export type PlanItemDraft = {
  plannedOn: string;
  tags: MeetingTag[];
  theme: string;
  lecturerId: string | null;
  note: string | null;
};

export type DraftOptions = {
  year: number;
  /** The active pack's parameters (with local overrides). */
  param: ParamReader;
  /** The branch has a 支部委员会 (LIFE-003 applies). */
  hasCommittee: boolean;
  /** The branch has 党小组 (LIFE-004 applies to each of them). */
  hasGroups: boolean;
  /** The secretary, planned as lecturer of one 党课 (LIFE-005: 支部书记每年至少讲1次党课). */
  secretaryId?: string | null;
};

type ThemeDayRule = { type: 'MONTHLY_FIXED' } | { type: 'NTH_WEEKDAY'; n: number; weekday: string };

/** Where in its month each kind is placed by default: n-th weekday (0 = Sunday). */
const SLOT: Partial<Record<MeetingTag, { n: number; weekday: number }>> = {
  committee_meeting: { n: 1, weekday: 2 },
  group_meeting: { n: 2, weekday: 1 },
  branch_assembly: { n: 2, weekday: 3 },
  party_lecture: { n: 3, weekday: 3 },
  theme_day: { n: 3, weekday: 5 },
  org_life_meeting: { n: 3, weekday: 4 },
  member_review: { n: 3, weekday: 4 },
};

const Q = '一二三四';

function themeOf(tag: MeetingTag, year: number, month: number): string {
  const q = Q[Math.floor((month - 1) / 3)];
  switch (tag) {
    case 'committee_meeting':
      return `${month}月支委会：学习第一议题，研究部署当月支部工作`;
    case 'group_meeting':
      return `${month}月党小组会：学习讨论，交流思想`;
    case 'branch_assembly':
      return `第${q}季度党员大会：学习第一议题，通报支部工作`;
    case 'party_lecture':
      return `第${q}季度党课`;
    case 'theme_day':
      return `${month}月主题党日`;
    case 'org_life_meeting':
      return `${year}年度组织生活会`;
    case 'member_review':
      return `${year}年度民主评议党员`;
    default:
      return `${month}月会议`;
  }
}

/** The minimum per period a frequency parameter sets (a range uses its low end; null = not required). */
function minimum(param: ParamReader, key: string | null): number {
  if (key === null) return 1;
  const v = param<number | [number, number] | null>(key).value;
  return (Array.isArray(v) ? v[0] : v) ?? 0;
}

/** The months (1–12) of each period of a kind; a yearly kind uses `yearMonth`. */
function periodMonths(kind: PeriodKind, yearMonth: number): number[][] {
  if (kind === 'year') return [[yearMonth]];
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => [i + 1]);
  return [0, 1, 2, 3].map((q) => [q * 3 + 2, q * 3 + 3, q * 3 + 1]);
}

/** The day of the i-th occurrence of a kind in a period (spread over its months, then weeks). */
function dayOf(year: number, months: number[], i: number, slot: { n: number; weekday: number }) {
  const month = months[i % months.length];
  const n = Math.min(4, slot.n + 2 * Math.floor(i / months.length)) || 1;
  return { month, day: nthWeekday(year, month, n, slot.weekday) };
}

/**
 * A draft annual plan for a branch that meets every frequency minimum of its pack (LIFE-002..006,
 * 008, 009; 党小组会 when it has groups; 支委会 when it has a committee), the 主题党日 on the pack's fixed day,
 * the 组织生活会 and 民主评议 together in the preferred quarter, and one 党课 by the secretary.
 */
export function draftAnnualPlan(o: DraftOptions): PlanItemDraft[] {
  const { year, param } = o;
  const preferredQuarter = param<number | null>('life.orgLifeMeeting.preferredQuarter').value ?? 4;
  const yearMonth = Math.min(12, Math.max(1, preferredQuarter * 3));
  const themeRule = param<ThemeDayRule | null>('life.themeDay.rule').value;
  const items: PlanItemDraft[] = [];
  for (const rule of FREQUENCY_RULES) {
    if (rule.tag === 'committee_meeting' && !o.hasCommittee) continue;
    if (rule.tag === 'group_meeting' && !o.hasGroups) continue;
    let min = minimum(param, rule.param);
    let kind = rule.period;
    // No quarterly branch minimum: still plan the secretary's yearly 党课 (LIFE-005).
    if (rule.tag === 'party_lecture' && min === 0) {
      min = 1;
      kind = 'year';
    }
    const slot = SLOT[rule.tag] ?? { n: 2, weekday: 3 };
    const months = rule.tag === 'party_lecture' && kind === 'year' ? [[6]] : periodMonths(kind, yearMonth);
    for (const period of months) {
      for (let i = 0; i < min; i++) {
        const { month, day: slotDay } = dayOf(year, period, i, slot);
        const fixedThemeDay = rule.tag === 'theme_day' && themeRule?.type === 'NTH_WEEKDAY' && i === 0;
        const day = fixedThemeDay
          ? nthWeekday(year, month, themeRule.n, weekdayNumber(themeRule.weekday))
          : slotDay;
        items.push({
          plannedOn: day,
          tags: [rule.tag],
          theme: themeOf(rule.tag, year, month),
          lecturerId: null,
          note: rule.tag === 'group_meeting' ? '各党小组分别召开' : null,
        });
      }
    }
  }
  mergeOrgLifeAndReview(items, year);
  const lecture = items.find((i) => i.tags.includes('party_lecture'));
  if (lecture && o.secretaryId) {
    lecture.lecturerId = o.secretaryId;
    lecture.note = '支部书记讲党课';
  }
  return items.sort((a, b) => (a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0));
}

/** 民主评议 may be combined with the 组织生活会 (LIFE-009): one item per pair on the same day. */
function mergeOrgLifeAndReview(items: PlanItemDraft[], year: number) {
  const life = items.filter((i) => i.tags[0] === 'org_life_meeting');
  const review = items.filter((i) => i.tags[0] === 'member_review');
  for (let k = 0; k < Math.min(life.length, review.length); k++) {
    if (life[k].plannedOn !== review[k].plannedOn) continue;
    life[k].tags = ['org_life_meeting', 'member_review'];
    life[k].theme = `${year}年度组织生活会暨民主评议党员`;
    items.splice(items.indexOf(review[k]), 1);
  }
}
