import { describe, expect, it } from 'vitest';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import type { OrgFacts } from '../checks/types.ts';
import { type DeadlineInput, deadlinesOfMonth } from './deadlines.ts';
import { monthEnd, shiftMonth } from './month.ts';

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
const ALL = new Set([
  'LIFE-002',
  'LIFE-003',
  'LIFE-004',
  'LIFE-005',
  'LIFE-006',
  'LIFE-008',
  'LIFE-009',
  'ORG-014',
]);
const S002 = { 'life.themeDay.rule': { type: 'NTH_WEEKDAY', n: 4, weekday: 'THU' } };

const input = (
  o: Partial<DeadlineInput> & { over?: Record<string, unknown>; facts?: Partial<OrgFacts> },
) => ({
  month: '2025-03',
  org: orgFacts({ counts: { full: 5 }, ...o.facts }),
  monthly: {},
  themeDays: [],
  param: paramReader(DEFAULTS, o.over ?? {}),
  scored: ALL,
  ...o,
});
const titles = (i: DeadlineInput) => deadlinesOfMonth(i).map((d) => [d.date, d.ruleId, d.met]);

describe('deadlinesOfMonth', () => {
  it('puts the quarter-end 党员大会 (LIFE-002) on the last day of March, not of February', () => {
    expect(titles(input({ month: '2025-03' }))).toContainEqual(['2025-03-31', 'LIFE-002', false]);
    expect(titles(input({ month: '2025-02' })).map((t) => t[1])).not.toContain('LIFE-002');
  });

  it('counts complete records of the whole quarter: one in January meets the March deadline (LIFE-002)', () => {
    const d = deadlinesOfMonth(input({ monthly: { branch_assembly: { '2025-01': 1 } } })).find(
      (x) => x.ruleId === 'LIFE-002',
    );
    expect(d).toMatchObject({ met: true, title: '2025年第一季度党员大会截止' });
    const before = deadlinesOfMonth(input({ monthly: { branch_assembly: { '2024-12': 1 } } })).find(
      (x) => x.ruleId === 'LIFE-002',
    );
    expect(before?.met).toBe(false);
  });

  it('monthly 主题党日 under MONTHLY_FIXED is due at month end; under S002 on the 4th Thursday (LIFE-006)', () => {
    expect(titles(input({ month: '2025-04' }))).toContainEqual(['2025-04-30', 'LIFE-006', false]);
    const s002 = deadlinesOfMonth(input({ month: '2025-04', over: S002 })).filter(
      (d) => d.ruleId === 'LIFE-006',
    );
    expect(s002).toEqual([expect.objectContaining({ date: '2025-04-24', kind: 'theme_day', met: false })]);
    expect(s002[0].title).toBe('主题党日（每月第4个星期四）');
  });

  it('a 主题党日 held on the 4th Thursday meets it; the day after does not, unless the tolerance is 1 (LIFE-006)', () => {
    const met = (days: string[], over = {}) =>
      deadlinesOfMonth(input({ month: '2025-04', themeDays: days, over: { ...S002, ...over } })).find(
        (d) => d.kind === 'theme_day',
      )?.met;
    expect(met(['2025-04-24'])).toBe(true);
    expect(met(['2025-04-25'])).toBe(false);
    expect(met(['2025-04-25'], { 'life.themeDay.toleranceDays': 1 })).toBe(true);
  });

  it('asks nothing the pack does not score or sets to null (LIFE-005 null in the baseline)', () => {
    expect(titles(input({})).map((t) => t[1])).not.toContain('LIFE-005');
    expect(titles(input({ over: { 'life.lecture.branchMinPerQuarter': 1 } })).map((t) => t[1])).toContain(
      'LIFE-005',
    );
    expect(titles(input({ scored: new Set(['ORG-014']) }))).toEqual([]);
  });

  it('支委会 is due monthly only for a branch with a committee (LIFE-003)', () => {
    const seats = ['2024-01-01', '2024-01-01', '2024-01-01'].map((d, i) => ({
      personId: `p${i}`,
      role: 'committee_member',
      duty: null,
      validFrom: d,
      fullSince: null,
    }));
    expect(titles(input({})).map((t) => t[1])).not.toContain('LIFE-003');
    expect(titles(input({ facts: { positions: seats } }))).toContainEqual(['2025-03-31', 'LIFE-003', false]);
  });

  it('skips periods that began before the branch was established', () => {
    const late = input({ facts: { establishedOn: '2025-02-10' } });
    expect(titles(late).map((t) => t[1])).not.toContain('LIFE-002');
    const onTime = input({ facts: { establishedOn: '2025-01-01' } });
    expect(titles(onTime).map((t) => t[1])).toContain('LIFE-002');
  });

  it('year-end 组织生活会 and 民主评议 fall in December only (LIFE-008, LIFE-009)', () => {
    expect(titles(input({ month: '2025-12' })).map((t) => t[1])).toEqual(
      expect.arrayContaining(['LIFE-008', 'LIFE-009']),
    );
    expect(titles(input({ month: '2025-11' })).map((t) => t[1])).not.toContain('LIFE-008');
  });

  it('shows the term end in its month: elected 2022-11-30 for 3 years → 2025-11-30 (ORG-014)', () => {
    const facts = { lastRegularElection: { heldOn: '2022-11-30', termYears: 3 } };
    expect(titles(input({ month: '2025-11', facts }))).toContainEqual(['2025-11-30', 'ORG-014', null]);
    expect(titles(input({ month: '2025-12', facts })).map((t) => t[1])).not.toContain('ORG-014');
    expect(titles(input({ month: '2025-10', facts })).map((t) => t[1])).not.toContain('ORG-014');
  });

  it('党小组 owe a monthly 党小组会 and nothing else (LIFE-004)', () => {
    expect(titles(input({ facts: { kind: 'group' } }))).toEqual([['2025-03-31', 'LIFE-004', false]]);
  });
});

describe('month helpers', () => {
  it('ends February on the 28th, or the 29th in a leap year; shifts across years', () => {
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
