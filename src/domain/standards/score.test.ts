import { describe, expect, it } from 'vitest';
import { EVIDENCE_KIND_LABELS } from '../../shared/contracts/scores.contract.ts';
import { EVIDENCE_TYPES } from './pack-schema.ts';
import { type LeafOutcome, leafOutcome, type PointsNode, scaled, scoreForest, vetoedBy } from './score.ts';

const R = { min: 0, max: 10 };
const s = (value: number): LeafOutcome => ({ state: 'scored', value });
const pending: LeafOutcome = { state: 'pending', value: null };
const excluded: LeafOutcome = { state: 'excluded', value: null };

describe('leafOutcome', () => {
  it('AUTO: a violated rule scores 0, met/warn/due score full, no implemented check is excluded', () => {
    const auto = (status: Parameters<typeof leafOutcome>[0]['status']) =>
      leafOutcome({ mode: 'AUTO', status, final: null });
    expect(auto('not_met')).toEqual(s(0));
    expect(auto('met')).toEqual(s(1));
    expect(auto('warn')).toEqual(s(1));
    expect(auto('due')).toEqual(s(1));
    expect(auto('not_automated')).toEqual(excluded);
  });

  it('MANUAL: 待评分 until a 考评 exists; the score is scaled over the range, boundaries included', () => {
    expect(leafOutcome({ mode: 'MANUAL', status: 'manual', range: R, final: null })).toEqual(pending);
    const m = (score: number | null) =>
      leafOutcome({ mode: 'MANUAL', status: 'manual', range: R, final: { score, confirmed: null } });
    expect(m(null)).toEqual(pending);
    expect(m(0)).toEqual(s(0));
    expect(m(10)).toEqual(s(1));
    expect(m(7.5)).toEqual(s(0.75));
    expect(
      leafOutcome({
        mode: 'MANUAL',
        status: 'manual',
        range: { min: 60, max: 100 },
        final: { score: 80, confirmed: null },
      }),
    ).toEqual(s(0.5));
  });

  it('MANUAL without a range: 达标 scores full, 不达标 0, undecided stays pending', () => {
    const m = (confirmed: boolean | null) =>
      leafOutcome({ mode: 'MANUAL', status: 'manual', final: { score: null, confirmed } });
    expect(m(true)).toEqual(s(1));
    expect(m(false)).toEqual(s(0));
    expect(m(null)).toEqual(pending);
  });

  it('SEMI: pending until confirmed; confirmed follows the rule, not confirmed scores 0', () => {
    expect(leafOutcome({ mode: 'SEMI', status: 'met', final: null })).toEqual(pending);
    const semi = (status: 'met' | 'not_met' | 'not_automated', confirmed: boolean | null) =>
      leafOutcome({ mode: 'SEMI', status, final: { score: null, confirmed } });
    expect(semi('met', true)).toEqual(s(1));
    expect(semi('not_met', true)).toEqual(s(0));
    expect(semi('not_automated', true)).toEqual(s(1));
    expect(semi('met', false)).toEqual(s(0));
    expect(semi('met', null)).toEqual(pending);
    expect(
      leafOutcome({ mode: 'SEMI', status: 'met', range: R, final: { score: 4, confirmed: true } }),
    ).toEqual(s(0.4));
  });

  it('clamps scaled scores into 0–1', () => {
    expect(scaled(-1, R)).toBe(0);
    expect(scaled(11, R)).toBe(1);
  });
});

describe('scoreForest', () => {
  const tree: PointsNode[] = [
    {
      id: 'D1',
      children: [
        { id: 'a', outcome: s(1) },
        { id: 'b', outcome: s(0) },
        { id: 'c', outcome: pending },
      ],
    },
    {
      id: 'D2',
      children: [
        { id: 'd', outcome: s(0.5) },
        { id: 'e', outcome: excluded },
      ],
    },
  ];

  it('equal weights by default: pending and excluded leaves are left out of the mean and counted', () => {
    const { total, byId } = scoreForest(tree);
    expect(byId.get('D1')).toEqual({ value: 50, pending: 1, excluded: 0, coverage: 0.667 });
    expect(byId.get('D2')).toEqual({ value: 50, pending: 0, excluded: 1, coverage: 0.5 });
    expect(byId.get('c')).toEqual({ value: null, pending: 1, excluded: 0, coverage: 0 });
    expect(total).toEqual({ value: 50, pending: 1, excluded: 1, coverage: 0.583 });
  });

  it('uses pack weights where given', () => {
    const weighted: PointsNode[] = [
      { id: 'D1', weight: 3, children: [{ id: 'a', outcome: s(1) }] },
      { id: 'D2', weight: 1, children: [{ id: 'b', outcome: s(0) }] },
    ];
    expect(scoreForest(weighted).total.value).toBe(75);
    const leaves: PointsNode[] = [
      { id: 'x', weight: 1, outcome: s(1) },
      { id: 'y', weight: 4, outcome: s(0.5) },
    ];
    expect(scoreForest(leaves).total.value).toBe(60);
  });

  it('a tree with nothing scored has no value, and scoring the last pending leaf completes it', () => {
    expect(scoreForest([{ id: 'D', children: [{ id: 'a', outcome: pending }] }]).total).toEqual({
      value: null,
      pending: 1,
      excluded: 0,
      coverage: 0,
    });
    expect(scoreForest([{ id: 'D', children: [{ id: 'a', outcome: s(0.8) }] }]).total).toEqual({
      value: 80,
      pending: 0,
      excluded: 0,
      coverage: 1,
    });
    expect(scoreForest([]).total.value).toBeNull();
  });
});

describe('vetoedBy', () => {
  it('lists the veto items whose rule is violated or that the 考评 declared; undeclared ones are not assumed', () => {
    expect(
      vetoedBy([
        { id: 'V1', status: 'not_met' },
        { id: 'V2', status: 'met' },
        { id: 'V3', status: 'manual' },
        { id: 'V4', status: 'manual', declared: false },
        { id: 'V5', status: 'manual', declared: true },
      ]),
    ).toEqual(['V1', 'V5']);
  });
});

describe('evidence type labels', () => {
  it('names every pack evidence type in Chinese', () => {
    expect(Object.keys(EVIDENCE_KIND_LABELS).sort()).toEqual([...EVIDENCE_TYPES].sort());
  });
});
