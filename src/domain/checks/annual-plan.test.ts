import { describe, expect, it } from 'vitest';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import { annualPlan } from './annual-plan.ts';
import type { LifeFacts, PlanFacts } from './types.ts';

const DEFAULTS: Record<string, unknown> = {
  'life.annualPlan.dueDate': '01-31',
  'life.annualPlan.filingTarget': 'PARENT',
  'life.partyCongress.minPerQuarter': 1,
  'life.committee.minPerMonth': 1,
  'life.groupMeeting.minPerMonth': 1,
  'life.lecture.branchMinPerQuarter': null,
  'life.orgLifeMeeting.minPerYear': 1,
  'life.review.minPerYear': 1,
};
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const every = (ms: string[]) => Object.fromEntries(ms.map((m) => [m, 1]));
/** A plan covering the national minima (no committee: no 支委会 needed). */
const covering: PlanFacts['monthly'] = {
  branch_assembly: every(['2026-02', '2026-05', '2026-08', '2026-11']),
  theme_day: every(months),
  org_life_meeting: every(['2026-12']),
  member_review: every(['2026-12']),
};
const facts = (plan: PlanFacts | null | undefined, o = {}): LifeFacts => ({
  org: orgFacts({ counts: { full: 8 }, ...o }),
  monthly: {},
  themeDays: [],
  incomplete: [],
  noFirstTopic: [],
  votes: [],
  plan,
});
const run = (f: LifeFacts, asOf: string, over: Record<string, unknown> = {}) =>
  annualPlan
    .judge(f, { asOf, param: paramReader(DEFAULTS, over) })
    .map((x) => [x.period, x.severity, x.message]);
const filed = (filedOn: string | null, monthly = covering): PlanFacts => ({ filedOn, monthly });

describe('LIFE-014 annual plan filed with the parent org by the deadline (annual-plan)', () => {
  it('filed on the deadline (01-31) is on time; filed the day after is late', () => {
    expect(run(facts(filed('2026-01-31')), '2026-11-24')).toEqual([]);
    expect(run(facts(filed('2026-02-01')), '2026-11-24')).toEqual([
      ['2026', 'violation', '2026年度计划于2026-02-01报备，晚于规定期限2026-01-31（逾期1天）'],
    ]);
  });
  it('not filed: only "due" (info) up to the deadline, a violation from the day after', () => {
    expect(run(facts(null), '2026-01-31')).toEqual([
      ['2026', 'info', '2026年度计划尚未报上级党组织备案（due by 2026-01-31）'],
    ]);
    expect(run(facts(filed(null)), '2026-02-01')).toEqual([
      ['2026', 'violation', '2026年度计划未按期报上级党组织备案（应于2026-01-31前报备，已逾期1天）'],
    ]);
  });
  it('a plan filed after the evaluation date counts as not yet filed (reproducible as of any date)', () => {
    expect(run(facts(filed('2026-03-01')), '2026-02-15').map((x) => x[1])).toEqual(['violation']);
  });
  it('uses the pack deadline and filing target (S004: 局党委)', () => {
    const over = { 'life.annualPlan.dueDate': '02-28', 'life.annualPlan.filingTarget': '局党委' };
    expect(run(facts(filed('2026-02-28')), '2026-11-24', over)).toEqual([]);
    expect(run(facts(null), '2026-02-28', over)[0][2]).toBe(
      '2026年度计划尚未报局党委备案（due by 2026-02-28）',
    );
  });
  it('a filed plan missing a minimum is a warning that names each gap', () => {
    const { theme_day, ...rest } = covering;
    const monthly = { ...rest, theme_day: { ...theme_day, '2026-07': 0 } };
    expect(run(facts(filed('2026-01-20', monthly)), '2026-11-24')).toEqual([
      ['2026', 'warn', '2026年度计划未覆盖规定的会议频次：7月主题党日（计划0次，应至少1次）'],
    ]);
  });
  it('with a committee, monthly 支委会 must be planned too', () => {
    const positions = ['a', 'b', 'c'].map((p) => ({
      personId: p,
      role: 'committee_member',
      duty: null,
      validFrom: '2024-01-01',
      fullSince: null,
    }));
    const out = run(facts(filed('2026-01-20'), { positions }), '2026-11-24');
    expect(out).toHaveLength(1);
    expect(out[0][2]).toContain('1月支委会（计划0次，应至少1次）');
  });
  it('only branches are asked; a branch established during the year is not', () => {
    expect(run(facts(null, { kind: 'general_branch' }), '2026-11-24')).toEqual([]);
    expect(run(facts(null, { kind: 'group' }), '2026-11-24')).toEqual([]);
    expect(run(facts(null, { establishedOn: '2026-01-02' }), '2026-11-24')).toEqual([]);
    expect(run(facts(null, { establishedOn: '2026-01-01' }), '2026-11-24').map((x) => x[1])).toEqual([
      'violation',
    ]);
  });
});
