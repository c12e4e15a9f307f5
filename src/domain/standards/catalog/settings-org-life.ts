import { z } from 'zod';
import { nullable, oneOf, type SettingDef, setting, shape, T } from './types.ts';

const U = { unverified: true } as const;
const PRODUCT = { unverified: true, note: 'product default, not a source value (RULES.md §10.14)' } as const;

const SECRETARY_SOURCES = [
  'DEPT_HEAD',
  'UNIT_PARTY_HEAD',
  'SECTION_HEAD',
  'DOUBLE_LEADER',
  'COUNSELOR',
  'TEACHER',
  'STUDENT',
] as const;
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const semester = z
  .object({ name: z.string().min(1), from: T.monthDay.schema, to: T.monthDay.schema })
  .strict();

/** Settings of RULES.md §1 (ORG), elections and member status. */
export const ORG_SETTINGS: readonly SettingDef[] = [
  setting('org.committeeMinMembers', T.int, 100, 'DZ Art.30', {
    ...U,
    note: 'threshold UNVERIFIED (ORG-002)',
  }),
  setting('org.generalBranchMinMembers', T.int, 50, 'DZ Art.30', {
    ...U,
    note: 'threshold UNVERIFIED (ORG-002)',
  }),
  setting('org.branch.minFullMembers', T.int, 3, 'ZBTL Ch.2; S002 §三(二)1'),
  setting('org.jointBranch.maxUnits', T.int, 5, 'ZBTL Ch.2; S002 §三(二)1'),
  setting('org.projectBranch.minMonths', T.int, 6, 'ZBTL Ch.2'),
  setting('org.branch.maxMembers', T.int, 50, 'ZBTL Ch.2'),
  setting('org.branch.maxMembersByCategory', T.intByKey, {}, 'ZBTL Ch.2 (no per-category cap)', {
    note: 'per-category cap overriding org.branch.maxMembers; S002: 教师/学生 30',
  }),
  setting('org.branch.sizeCountsProbationary', T.bool, true, 'ORG-006 design default', PRODUCT),
  setting('org.committee.threshold', T.int, 7, 'ZBTL Ch.6'),
  setting('org.committee.thresholdBasis', oneOf('FULL', 'ALL'), 'FULL', 'ZBTL Ch.6', {
    note: 'S002 says "党员在7名以上" (basis ambiguous)',
  }),
  setting('org.committee.sizeRange', T.intRange, [3, 5], 'ZBTL Ch.6; S002 §三(二)1'),
  setting('org.committee.sizeMax', T.int, 7, 'ZBTL Ch.6; S002 §三(二)1'),
  setting('org.group.requiredAbove', nullable(T.int), null, 'ZBTL Ch.4 (no national number)'),
  setting('org.group.minSize', T.int, 3, 'local practice', U),
  setting('org.change.replyMaxMonths', T.int, 1, 'ZBTL Ch.2'),
  setting('org.change.filingTarget', nullable(T.text), null, 'ZBTL Ch.2', { note: 'S000: 组织部' }),
  setting('org.setupReview.perYear', T.int, 1, 'ORG-007 (frequency unspecified)', PRODUCT),
  setting('org.secretary.minPartyYears', T.int, 1, 'ZBTL Art.23'),
  setting(
    'org.secretary.ruleByCategory',
    shape(
      'map of category → secretary sources',
      z.record(z.string().min(1), z.array(z.enum(SECRETARY_SOURCES)).min(1)),
    ),
    { 机关: ['DEPT_HEAD'], 教师: ['DOUBLE_LEADER'], 学生: ['COUNSELOR', 'TEACHER', 'STUDENT'] },
    'S000 §二(二)1(2); S002 §三(二)5; S003 T14',
  ),
  setting('org.secretary.doubleLeaderCoverageTarget', T.ratio, 1, 'S002 §三(二)5; S003 T14'),
  setting('org.secretary.doubleLeaderDeadline', nullable(T.date), null, 'S002 §三(二)5', {
    note: 'S002: 2019-12-31',
  }),
  setting('org.term.years', T.intByKey, { 党支部: 3, 党总支: 3, 党委: 5, 村社区: 5 }, 'RQYJ §1; ZBTL Ch.6'),
  setting('org.term.maxShiftYears', T.int, 1, 'RQYJ §2'),
  setting('org.term.reminderDays', T.intList, [90, 30], 'ORG-015 reminders', PRODUCT),
  setting('org.vacancy.fillWithinDays', nullable(T.int), null, 'ZBTL Ch.6 (no number in sources)'),
  setting('org.partyWorkerRatio', T.ratio, 0.01, 'S003 T16'),
  setting('org.college.fullTimeDeputySecretary', T.int, 1, 'S003 T16'),
  setting('org.college.organizersMin', T.int, 1, 'S003 T16', {
    note: '"至少配备1至2名": 1 hard minimum, 2 target',
  }),
  setting('org.branch.partyWorkers', T.intRange, [1, 2], 'S004 §二.4'),
  setting('org.canApproveMembers', nullable(T.bool), null, 'FZXZ Ch.4', { note: 'per org (DEV-022)' }),
  setting('election.quorum', T.fraction, 0.8, 'XJTL', {
    ...U,
    note: 'strict ">"; "超过" vs "不少于" UNVERIFIED',
  }),
  setting('election.majorityBase', oneOf('EXPECTED', 'PRESENT'), 'EXPECTED', 'XJTL', U),
  setting('election.diffRatio', T.ratio, 0.2, 'XJTL', U),
  setting('member.selfLapseMonths', T.int, 6, 'DZ Art.9'),
  setting('member.selfLapse.alertMonths', T.intList, [3, 5], 'LIFE-018 escalating alerts', PRODUCT),
  setting('member.lostContactAlertMonths', T.int, 6, 'S003 T12', { note: 'aligned with DZ Art.9' }),
  setting('calendar.semesters', shape('list of {name, from, to}', z.array(semester)), [], 'RULES §0.3 C1', {
    note: 'academic terms from the org calendar',
  }),
];

const themeDayRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('MONTHLY_FIXED') }).strict(),
  z
    .object({ type: z.literal('NTH_WEEKDAY'), n: z.number().int().min(1).max(5), weekday: z.enum(WEEKDAYS) })
    .strict(),
]);

/** Settings of RULES.md §2 (LIFE). */
export const LIFE_SETTINGS: readonly SettingDef[] = [
  setting('life.allowCombinedMeetings', T.bool, true, 'RULES §0.3 C5', PRODUCT),
  setting('life.record.lateEntryDays', T.int, 7, 'issue 3: records entered later are marked 补录', PRODUCT),
  setting(
    'life.record.attachmentMaxBytes',
    T.int,
    10 * 1024 * 1024,
    'issue 3: largest meeting attachment',
    PRODUCT,
  ),
  setting('life.partyCongress.minPerQuarter', T.int, 1, 'ZBTL Ch.4'),
  setting('life.committee.minPerMonth', T.int, 1, 'ZBTL Ch.4'),
  setting('life.groupMeeting.target', T.intRange, [1, 1], 'ZBTL Ch.4; S002 §三(二)3', {
    note: 'S004: [1,2]',
  }),
  setting('life.groupMeeting.minPerMonth', T.int, 1, 'ZBTL Ch.4', {
    note: 'lower bound of life.groupMeeting.target',
  }),
  setting('life.groupMeeting.maxPerMonth', nullable(T.int), null, 'ZBTL Ch.4', {
    note: 'upper bound of the target range (S004: 2), not a cap',
  }),
  setting('life.lecture.branchMinPerQuarter', nullable(T.int), 1, 'S002 §三(二)3', {
    note: 'ZBTL/S004 give no branch frequency (null)',
  }),
  setting('life.lecture.secretaryMinPerYear', T.int, 1, 'S002 §三(二)3; S004 §三.1'),
  setting('life.lecture.leaderAtBranchMinPerYear', T.int, 1, 'S003 T4'),
  setting('life.lecture.leaderAtContactPointMinPerYear', T.int, 1, 'S003 T4'),
  setting('life.lecture.topLeaderMinPerSemester', T.int, 1, 'S003 T4'),
  setting(
    'life.themeDay.rule',
    shape('{type: MONTHLY_FIXED} | {type: NTH_WEEKDAY, n, weekday}', themeDayRule),
    { type: 'MONTHLY_FIXED' },
    'ZBTL Ch.5',
    { note: 'S002: {type: NTH_WEEKDAY, n: 4, weekday: THU}' },
  ),
  setting('life.themeDay.toleranceDays', T.int, 0, 'ZBTL Ch.5', { note: 'no source allows shifting' }),
  setting('life.activityDay.fixedDaysPerMonth', T.int, 0, 'ZBTL Ch.5 (no 党员活动日)', { note: 'S004: 2' }),
  setting('life.orgLifeMeeting.minPerYear', T.int, 1, 'ZBTL Ch.5'),
  setting(
    'life.orgLifeMeeting.preferredQuarter',
    shape('quarter 1..4', z.number().int().min(1).max(4)),
    4,
    'ZBTL Ch.5',
  ),
  setting('life.review.minPerYear', T.int, 1, 'ZBTL Ch.5; S004 §三.3'),
  setting('life.review.excellentMaxRatio', T.fraction, '1/3', '中组部 guidance (not ZBTL text)', U),
  setting('life.partyHealthCheck.minPerYear', nullable(T.int), 1, 'S004 §三.3'),
  setting('life.talk.minPerYear', T.int, 1, 'ZBTL Ch.5', { note: 'per required pair' }),
  setting('life.annualPlan.dueDate', T.monthDay, '01-31', 'LIFE-014 (S004: 年初)', PRODUCT),
  setting('life.annualPlan.filingTarget', T.text, 'PARENT', 'LIFE-014', { note: 'S004: 局党委' }),
  setting('life.dual.minAttendanceRate', nullable(T.ratio), null, 'LIFE-012 (none in sources)'),
  setting('life.participation.target', nullable(T.ratio), null, 'S004 §二.3 (no number)'),
  setting('life.memberReport.perYear', nullable(T.int), null, 'S001 #8 (no number)'),
];
