import { z } from 'zod';
import { monthDaySchema, nullable, oneOf, type SettingDef, setting, shape, T } from './types.ts';

const U = { unverified: true } as const;
const PRODUCT = { unverified: true, note: 'product default, not a source value (RULES.md §10.14)' } as const;

const CADENCES = ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const;
const cadence = oneOf(...CADENCES);
const rateBrackets = z
  .array(z.object({ upTo: z.number().positive().nullable(), rate: z.number().min(0).max(1) }).strict())
  .min(1);
const pointItem = z
  .object({
    code: z.string().min(1),
    label: z.string().min(1),
    points: z.number(),
    cap: z.number().optional(),
    evidenceRequired: z.boolean().optional(),
  })
  .strict();
const condolenceWindow = z.union([
  z.object({ name: z.string().min(1), from: monthDaySchema, to: monthDaySchema }).strict(),
  z
    .object({
      name: z.string().min(1),
      lunarAnchor: z.literal('SPRING_FESTIVAL'),
      daysBefore: z.number().int().nonnegative(),
      daysAfter: z.number().int().nonnegative(),
    })
    .strict(),
]);

/** Settings of RULES.md §3 (EDU) and the points system. */
export const EDU_SETTINGS: readonly SettingDef[] = [
  setting('edu.member.minHoursPerYear', T.int, 32, 'JYGH'),
  setting('edu.countOnline', T.bool, false, 'EDU-001 (org setting)', {
    note: 'S002 counts platforms toward 积分',
  }),
  setting('edu.leader.minHoursPerYear', T.int, 56, 'JYGH'),
  setting('edu.leader.minConcentratedSessions', T.int, 1, 'JYGH; S003 T6'),
  setting('edu.secretary.minConcentratedHoursPerYear', nullable(T.int), 24, 'S004 §三.1', {
    note: 'both this and edu.leader.minHoursPerYear apply; stricter wins',
  }),
  setting('edu.secretary.rotationPerYear', T.int, 1, 'JYGH', U),
  setting('edu.secretary.inductionWithinMonths', T.int, 6, 'JYGH', U),
  setting('edu.hoursPerDay', T.num, 8, 'local practice', U),
  setting('edu.hoursPerHalfDay', T.num, 4, 'local practice', U),
  setting(
    'points.cadence',
    shape(
      '{tally, publish, rank}',
      z.object({ tally: z.enum(CADENCES), publish: z.enum(CADENCES), rank: z.enum(CADENCES) }).strict(),
    ),
    { tally: 'MONTH', publish: 'QUARTER', rank: 'YEAR' },
    'S002 §三(二)4',
  ),
  setting('points.tallyCadence', cadence, 'MONTH', 'S002 §三(二)4'),
  setting('points.publishCadence', cadence, 'QUARTER', 'S002 §三(二)4'),
  setting('points.rankCadence', cadence, 'YEAR', 'S002 §三(二)4'),
  setting('points.items', shape('list of point items', z.array(pointItem)), [], 'EDU-007 (no seed values)'),
];

/** Settings of RULES.md §4 (DEV). */
export const DEV_SETTINGS: readonly SettingDef[] = [
  setting('dev.ruleSetVersion', oneOf('2014', '2026.05'), '2014', 'FZXZ', {
    note: '2026.05 deltas UNVERIFIED',
  }),
  setting('dev.talkWithinMonths', T.int, 1, 'FZXZ Ch.2'),
  setting('dev.contacts', T.intRange, [1, 2], 'FZXZ Ch.2'),
  setting('dev.activistReviewMonths', T.int, 6, 'FZXZ Ch.2'),
  setting('dev.minCultivationMonths', T.int, 12, 'FZXZ Ch.3'),
  setting('dev.introducers', T.int, 2, 'FZXZ Ch.3'),
  setting(
    'dev.training',
    shape('{days, hours}', z.object({ days: z.number().positive(), hours: z.number().positive() }).strict()),
    { days: 3, hours: 24 },
    'FZXZ Ch.3',
  ),
  setting('dev.preReviewLeaveWindowMonths', T.int, 3, 'FZXZ Art.19'),
  setting('dev.approvalMonths', T.int, 3, 'FZXZ Ch.4'),
  setting('dev.approvalMaxMonths', T.int, 6, 'FZXZ Ch.4'),
  setting('dev.probationMonths', T.int, 12, 'FZXZ Ch.5; DZ Art.7'),
  setting('dev.extensionMonths', T.intRange, [6, 12], 'FZXZ Ch.5; DZ Art.7', { note: 'once only' }),
  setting('dev.fullApprovalMonths', T.int, 3, 'FZXZ Ch.5'),
  setting('dev.archiveDocs', T.int, 5, 'FZXZ (step 25)'),
  setting('dev.archive.days', nullable(T.int), null, 'FZXZ (no national number)', U),
  setting('dev.poolAnalysis.perYear', T.int, 1, 'S003 T15', { note: 'echoing FZXZ Ch.2' }),
  setting(
    'dev.publicity.points',
    shape('list of stages', z.array(z.enum(['DEVELOPMENT_OBJECT', 'ADMISSION', 'FULL_MEMBERSHIP']))),
    ['DEVELOPMENT_OBJECT', 'ADMISSION', 'FULL_MEMBERSHIP'],
    'local rules',
    U,
  ),
  setting('dev.publicity.workingDays', T.int, 5, 'local rules', U),
  setting('dev.quota', nullable(T.int), null, 'FZXZ Ch.1', { note: 'allocated by the upper org, if used' }),
];

/** Settings of RULES.md §5 (DUES). */
export const DUES_SETTINGS: readonly SettingDef[] = [
  setting(
    'dues.brackets',
    shape('list of {upTo, rate}', rateBrackets),
    [
      { upTo: 3000, rate: 0.005 },
      { upTo: 5000, rate: 0.01 },
      { upTo: 10000, rate: 0.015 },
      { upTo: null, rate: 0.02 },
    ],
    'DFGD Art.2',
  ),
  setting(
    'dues.retiree',
    shape('list of {upTo, rate}', rateBrackets),
    [
      { upTo: 5000, rate: 0.005 },
      { upTo: null, rate: 0.01 },
    ],
    'DFGD Art.5',
  ),
  setting(
    'dues.flat',
    shape(
      'map of amount or [min, max]',
      z.record(z.string().min(1), z.union([z.number(), z.tuple([z.number(), z.number()])])),
    ),
    { 农民: [0.2, 1.0], 学生: 0.2, 下岗失业: 0.2, 抚恤救济: 0.2, 低保: 0.2 },
    'DFGD Art.6',
  ),
  setting('dues.farmerAmount', nullable(shape('0.2..1.0', z.number().min(0.2).max(1))), null, 'DFGD Art.6', {
    note: 'org chooses within [0.2, 1.0]',
  }),
  setting('dues.maxCatchUpMonths', T.int, 6, 'DFGD Art.12'),
  setting('dues.lapseMonths', T.int, 6, 'DFGD; DZ Art.9'),
  setting('dues.centralRemitThreshold', T.num, 1000, 'DFGD'),
  setting(
    'dues.baseRecalc',
    oneOf('ANNUAL_START', 'ON_CHANGE'),
    'ANNUAL_START',
    '中央和国家机关 党费办法',
    U,
  ),
  setting(
    'dues.rounding',
    shape(
      '{unit, mode}',
      z.object({ unit: z.number().positive(), mode: z.enum(['HALF_UP', 'HALF_EVEN', 'DOWN']) }).strict(),
    ),
    { unit: 0.01, mode: 'HALF_UP' },
    'DFGD (no rounding rule)',
    U,
  ),
  setting('dues.publicity.perYear', T.int, 1, 'DFGD; S002 §三(二)9', U),
  setting(
    'dues.remittance',
    nullable(
      shape(
        '{ratio, dueMonth}',
        z.object({ ratio: T.ratio.schema, dueMonth: z.number().int().min(1).max(12) }).strict(),
      ),
    ),
    null,
    'DFGD (set by the upper org)',
  ),
];

/** Settings of RULES.md §6 (EVAL) and §8 (DUTY). */
export const EVAL_DUTY_SETTINGS: readonly SettingDef[] = [
  setting('eval.4q.recommendMaxRatio', T.ratio, 0.1, 'S001 §四(三)'),
  setting('eval.4q.recommendDeadline', T.monthDay, '01-31', 'S001 §四(三)', {
    note: 'of the following year',
  }),
  setting('eval.4q.ratioRounding', oneOf('FLOOR', 'ROUND', 'CEIL'), 'FLOOR', 'S001 §四(三)', U),
  setting('eval.4q.namingWindow', T.monthDay, '07-01', 'S001 §四(四)', {
    ...U,
    note: '"七一前后", no exact date',
  }),
  setting('eval.std.bottomRatio', T.ratio, 0.05, 'S002 §三(四)3'),
  setting('eval.std.bottomRounding', oneOf('FLOOR', 'ROUND', 'CEIL'), 'CEIL', 'S002 §三(四)3', U),
  setting('eval.gy.perYear', T.intRange, [1, 2], 'S004 §四.3'),
  setting('eval.rectify.deadline', nullable(T.date), null, 'S002 §三(二)2', { note: 'per campaign' }),
  setting('eval.rectify.consolidateUntil', nullable(T.date), null, 'S002 §三(二)2', { note: 'per campaign' }),
  setting(
    'eval.tiers',
    nullable(
      shape(
        'list of {name, minScore}',
        z.array(z.object({ name: z.string().min(1), minScore: z.number() }).strict()),
      ),
    ),
    null,
    'S004 §四.2 (no bands in sources)',
  ),
  setting(
    'duty.leaderContact',
    shape(
      '{staffBranches, studentBranches}',
      z.object({ staffBranches: T.int.schema, studentBranches: T.int.schema }).strict(),
    ),
    { staffBranches: 1, studentBranches: 1 },
    'S002 §三(二)6',
  ),
  setting('duty.leaderContact.visitsPerYear', nullable(T.int), null, 'S002 §三(二)6 (no number)'),
  setting('duty.pairingVisit.minPerSemester', T.int, 1, 'S000 §二(四)3(2)'),
  setting('duty.commitments.range', T.intRange, [1, 2], 'S004 §三.2'),
  setting('duty.project.minPerYear', T.int, 1, 'S004 §三.5'),
  setting('duty.massContact.minPerMonth', T.int, 2, 'S004 §三.1', {
    ...U,
    note: '"支部成员" read as committee members (RULES.md §10.11)',
  }),
  setting('duty.supervision.perQuarter', T.int, 1, 'S002 §四(三)'),
  setting('duty.committeeStudy.perSemester', T.int, 1, 'S003 §三(一)'),
  setting('duty.memberConvene.perYear', T.int, 1, 'S003 §三(一)'),
  setting(
    'duty.condolence.windows',
    shape('list of windows', z.array(condolenceWindow).min(1)),
    [
      { name: '七一', from: '06-15', to: '07-15' },
      { name: '春节', lunarAnchor: 'SPRING_FESTIVAL', daysBefore: 15, daysAfter: 15 },
    ],
    'S001 #10',
    { ...U, note: 'occasions from S001; window widths are product defaults' },
  ),
  setting('duty.politicalBirthday.date', oneOf('ADMISSION', 'FULL_MEMBERSHIP'), 'ADMISSION', 'DUTY-010', U),
  setting(
    'duty.politicalBirthday.mode',
    oneOf('MONTHLY_BATCH', 'ON_DATE'),
    'MONTHLY_BATCH',
    'DUTY-010',
    PRODUCT,
  ),
  setting('duty.knowledgeTest.perYear', T.int, 1, 'DUTY-011', PRODUCT),
];
