import { describe, expect, it } from 'vitest';
import { firstTopic } from './first-topic.ts';
import { meetingFrequency } from './meeting-frequency.ts';
import { recordCompleteness } from './record-completeness.ts';
import { themeDayDate } from './theme-day-date.ts';
import { voteArithmetic } from './vote-arithmetic.ts';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import type { LifeFacts, OrgFacts } from './types.ts';

const DEFAULTS: Record<string, unknown> = {
  'life.partyCongress.minPerQuarter': 1,
  'life.committee.minPerMonth': 1,
  'life.groupMeeting.minPerMonth': 1,
  'life.lecture.branchMinPerQuarter': null,
  'life.orgLifeMeeting.minPerYear': 1,
  'life.review.minPerYear': 1,
  'life.themeDay.rule': { type: 'MONTHLY_FIXED' },
  'life.themeDay.toleranceDays': 0,
};
const params = (over: Record<string, unknown> = {}) => paramReader(DEFAULTS, over);
const org = (o: Partial<OrgFacts> = {}) => orgFacts({ counts: { full: 5 }, ...o });
const life = (
  monthly: LifeFacts['monthly'],
  o: Partial<OrgFacts> = {},
  extra: Partial<LifeFacts> = {},
): LifeFacts => ({
  org: org(o),
  monthly,
  themeDays: [],
  incomplete: [],
  noFirstTopic: [],
  votes: [],
  ...extra,
});
const run = (f: LifeFacts, asOf: string, over = {}) =>
  meetingFrequency
    .judge(f, { asOf, param: params(over) })
    .filter((x) => x.ruleId === 'LIFE-002')
    .map((x) => [x.period, x.severity]);

describe('LIFE-002 quarterly 党员大会 (meeting-frequency)', () => {
  it('the quarter in progress is only "due" (info); the day it ends it becomes a violation', () => {
    expect(run(life({}), '2025-03-30')).toEqual([['2025-Q1', 'info']]);
    expect(run(life({}), '2025-03-31')).toEqual([['2025-Q1', 'violation']]);
    expect(run(life({}), '2025-04-01')).toEqual([
      ['2025-Q1', 'violation'],
      ['2025-Q2', 'info'],
    ]);
  });
  it('one complete record anywhere in the quarter satisfies it', () => {
    expect(run(life({ branch_assembly: { '2025-02': 1 } }), '2025-04-01')).toEqual([['2025-Q2', 'info']]);
  });
  it('skips quarters that began before the branch was established', () => {
    expect(run(life({}, { establishedOn: '2025-02-01' }), '2025-07-01')).toEqual([
      ['2025-Q2', 'violation'],
      ['2025-Q3', 'info'],
    ]);
  });
  it('a 党小组 is not asked for 党员大会 but for monthly 党小组会 (LIFE-004)', () => {
    const out = meetingFrequency.judge(life({ group_meeting: { '2025-01': 1 } }, { kind: 'group' }), {
      asOf: '2025-03-01',
      param: params(),
    });
    expect(out.map((x) => [x.ruleId, x.period, x.severity])).toEqual([
      ['LIFE-004', '2025-02', 'violation'],
      ['LIFE-004', '2025-03', 'info'],
    ]);
  });
  it('支委会 only where a committee exists (LIFE-003)', () => {
    const committee = ['a', 'b', 'c'].map((p) => ({
      personId: p,
      role: 'committee_member',
      duty: null,
      validFrom: '2024-01-01',
      fullSince: null,
    }));
    const without = meetingFrequency
      .judge(life({}), { asOf: '2025-02-01', param: params() })
      .filter((x) => x.ruleId === 'LIFE-003');
    const withIt = meetingFrequency
      .judge(life({}, { positions: committee }), { asOf: '2025-02-01', param: params() })
      .filter((x) => x.ruleId === 'LIFE-003');
    expect(without).toEqual([]);
    expect(withIt.map((x) => [x.period, x.severity])).toEqual([
      ['2025-01', 'violation'],
      ['2025-02', 'info'],
    ]);
  });
  it('支委会 is due only from the first full month after the third seat was filled (LIFE-003)', () => {
    const seats = ['2025-01-01', '2025-01-01', '2025-02-02'].map((d, i) => ({
      personId: `p${i}`,
      role: 'committee_member',
      duty: null,
      validFrom: d,
      fullSince: null,
    }));
    const out = meetingFrequency
      .judge(life({}, { positions: seats }), { asOf: '2025-04-01', param: params() })
      .filter((x) => x.ruleId === 'LIFE-003');
    expect(out.map((x) => x.period)).toEqual(['2025-03', '2025-04']);
  });
  it('a null minimum (baseline has no quarterly 党课) asks nothing; S002 sets 1 (LIFE-005)', () => {
    const lectures = (over = {}) =>
      meetingFrequency
        .judge(life({}), { asOf: '2025-04-01', param: params(over) })
        .filter((x) => x.ruleId === 'LIFE-005');
    expect(lectures()).toEqual([]);
    expect(lectures({ 'life.lecture.branchMinPerQuarter': 1 }).map((x) => x.period)).toEqual([
      '2025-Q1',
      '2025-Q2',
    ]);
  });
});

describe('LIFE-006 theme-day-date', () => {
  const s002 = { 'life.themeDay.rule': { type: 'NTH_WEEKDAY', n: 4, weekday: 'THU' } };
  it('on the 4th Thursday passes; the 3rd Thursday and the day after warn', () => {
    const f = life({}, {}, { themeDays: ['2025-03-27', '2025-04-17', '2025-05-23'] });
    const out = themeDayDate.judge(f, { asOf: '2025-06-01', param: params(s002) });
    expect(out.map((x) => x.period)).toEqual(['2025-04-17', '2025-05-23']);
    expect(out[0].message).toContain('2025-04-24');
  });
  it('a tolerance of one day accepts the day after; MONTHLY_FIXED accepts any day', () => {
    const f = life({}, {}, { themeDays: ['2025-05-23'] });
    expect(
      themeDayDate.judge(f, {
        asOf: '2025-06-01',
        param: params({ ...s002, 'life.themeDay.toleranceDays': 1 }),
      }),
    ).toEqual([]);
    expect(themeDayDate.judge(f, { asOf: '2025-06-01', param: params() })).toEqual([]);
  });
});

describe('LIFE-015 record-completeness', () => {
  it('names the missing elements per tag, in Chinese', () => {
    const f = life(
      {},
      {},
      {
        incomplete: [
          {
            meetingId: 'm1',
            date: '2025-03-27',
            tags: ['branch_assembly'],
            missing: { branch_assembly: ['recorder', 'decisions'] },
          },
        ],
      },
    );
    const [x] = recordCompleteness.judge(f, { asOf: '2025-06-01', param: params() });
    expect(x).toMatchObject({ ruleId: 'LIFE-015', severity: 'warn', period: '2025-03-27' });
    expect(x.message).toContain('党员大会缺少记录人、决议事项');
  });
});

describe('LIFE-013 first-topic and ORG-020 vote-arithmetic', () => {
  it('reports a 党员大会 whose first agenda item is not the 第一议题', () => {
    const f = life(
      {},
      {},
      { noFirstTopic: [{ meetingId: 'm', date: '2025-03-27', tags: ['branch_assembly'] }] },
    );
    expect(firstTopic.judge(f, { asOf: '2025-06-01', param: params() })[0]).toMatchObject({
      ruleId: 'LIFE-013',
      severity: 'warn',
      period: '2025-03-27',
    });
  });
  const vote = (expected_voting: number, present_voting: number, yes: number, no = 0, abstain = 0) => ({
    meetingId: 'm',
    date: '2025-03-27',
    vote: { motion: '接收预备党员', expected_voting, present_voting, yes, no, abstain },
  });
  it.each([
    [vote(10, 6, 6), []],
    [vote(10, 5, 5), ['未超过']],
    [vote(10, 8, 8, 1), ['票数不符']],
    [vote(10, 11, 6), ['票数不符']],
  ])('%o', (v, expected) => {
    const out = voteArithmetic.judge(life({}, {}, { votes: [v] }), { asOf: '2025-06-01', param: params() });
    expect(out.map((x) => (x.message.includes('未超过') ? '未超过' : '票数不符'))).toEqual(expected);
  });
});
