import { type Period, periodBack } from './meeting-calendar.ts';

/**
 * Deliberate imperfections of the school demo's meeting records, so that `zhibu check` and the
 * dashboards have something to show. Each names an org, a meeting tag and a period counted back
 * from the period that contains `asOf` (`back: 1` with `unit: 'quarter'` on 2026-05-20 is 2026-Q1);
 * `resolveMeetingGaps(asOf)` gives the concrete periods. Every period named here has ended by `asOf`;
 * they are recent so that the checks of the current year see most of them. A record without a
 * recorder is incomplete (LIFE-015), so it does not count towards its period either (RULES.md §0.3 C5).
 * Everything else in the school demo is generated complete and consistent.
 */
export type DemoMeetingTag =
  | 'branch_assembly'
  | 'committee_meeting'
  | 'group_meeting'
  | 'party_lecture'
  | 'theme_day'
  | 'org_life_meeting'
  | 'member_review';

export type MeetingGapWhat =
  /** No record with `tag` in the period. */
  | 'missing'
  /** The 主题党日 of the month is not on the 4th Thursday (`shift` days from it). */
  | 'off_date'
  /** The first record with `tag` in the period has no recorder. */
  | 'no_recorder'
  /** The first record with `tag` in the period has an agenda without a 第一议题. */
  | 'no_first_topic'
  /** The first record with `tag` in the period has a vote with more yes votes than voters present. */
  | 'vote_error'
  /** The first record with `tag` in the period was entered 20–40 days after the meeting (补录). */
  | 'late_entry';

export type MeetingGapSpec = {
  org: string;
  tag: DemoMeetingTag;
  unit: 'month' | 'quarter';
  back: number;
  what: MeetingGapWhat;
  /** The rule the gap breaks (null: not a rule violation, only visible in the record's history). */
  ruleId: string | null;
  /** off_date only: days from the 4th Thursday. */
  shift?: number;
  description: string;
};

export const DEMO_MEETING_GAPS = {
  missedAssembly: {
    org: 'U-02-06',
    tag: 'branch_assembly',
    unit: 'quarter',
    back: 1,
    what: 'missing',
    ruleId: 'LIFE-002',
    description: '退休教工第五党支部：该季度未召开党员大会',
  },
  missedCommittee: {
    org: 'U-04-02',
    tag: 'committee_meeting',
    unit: 'month',
    back: 1,
    what: 'missing',
    ruleId: 'LIFE-003',
    description: '历史文化学院教工第二党支部：该月未召开支委会',
  },
  themeDayThirdThursday: {
    org: 'U-09-03',
    tag: 'theme_day',
    unit: 'month',
    back: 1,
    what: 'off_date',
    shift: -7,
    ruleId: 'LIFE-006',
    description: '教育学院教工第三党支部：主题党日改在第三个星期四举行',
  },
  themeDayWednesday: {
    org: 'U-01-06',
    tag: 'theme_day',
    unit: 'month',
    back: 2,
    what: 'off_date',
    shift: -1,
    ruleId: 'LIFE-006',
    description: '科研处党支部：主题党日提前一天（星期三）举行',
  },
  noRecorderThemeDay: {
    org: 'U-11-02',
    tag: 'theme_day',
    unit: 'month',
    back: 2,
    what: 'no_recorder',
    ruleId: 'LIFE-015',
    description: '物理与电子工程学院教工第二党支部：主题党日记录缺记录人',
  },
  noRecorderAssembly: {
    org: 'U-01-03',
    tag: 'branch_assembly',
    unit: 'quarter',
    back: 1,
    what: 'no_recorder',
    ruleId: 'LIFE-015',
    description: '宣传部党支部：党员大会记录缺记录人',
  },
  noFirstTopic: {
    org: 'U-06-01',
    tag: 'branch_assembly',
    unit: 'quarter',
    back: 1,
    what: 'no_first_topic',
    ruleId: 'LIFE-013',
    description: '马克思主义学院教工第一党支部：党员大会议程未列“第一议题”',
  },
  voteError: {
    org: 'U-13-01',
    tag: 'branch_assembly',
    unit: 'quarter',
    back: 1,
    what: 'vote_error',
    ruleId: 'ORG-020',
    description: '生命科学学院教工第一党支部：党员大会表决赞成票多于实到有表决权人数（录入错误）',
  },
  lateAssembly: {
    org: 'U-15-02',
    tag: 'branch_assembly',
    unit: 'quarter',
    back: 2,
    what: 'late_entry',
    ruleId: null,
    description: '地理与环境科学学院教工第二党支部：党员大会记录会后20天以上补录',
  },
  lateThemeDay: {
    org: 'U-16-01',
    tag: 'theme_day',
    unit: 'month',
    back: 2,
    what: 'late_entry',
    ruleId: null,
    description: '美术学院教工第一党支部：主题党日记录会后20天以上补录',
  },
  lateLecture: {
    org: 'U-01-09',
    tag: 'party_lecture',
    unit: 'quarter',
    back: 2,
    what: 'late_entry',
    ruleId: null,
    description: '学生工作部（处）党支部：党课记录会后20天以上补录',
  },
} as const satisfies Record<string, MeetingGapSpec>;
export type DemoMeetingGap = keyof typeof DEMO_MEETING_GAPS;

export type ResolvedMeetingGap = MeetingGapSpec & { key: DemoMeetingGap; period: Period };

/** The gaps with their concrete periods ('YYYY-MM' or 'YYYY-Qn' in `period.key`) for `asOf`. */
export function resolveMeetingGaps(asOf: string): ResolvedMeetingGap[] {
  return (Object.entries(DEMO_MEETING_GAPS) as [DemoMeetingGap, MeetingGapSpec][]).map(([key, g]) => ({
    ...g,
    key,
    period: periodBack(asOf, g.unit, g.back),
  }));
}
