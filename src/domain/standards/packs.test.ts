import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStandardPacks } from '../../services/standards/pack-files.ts';
import type { ResolvedPack } from './pack-schema.ts';
import { leafIndicators, walkIndicators } from './pack-tree.ts';
import { RULE_AREAS, RULES, SEED_FILES, SETTINGS } from './rule-catalog.ts';

const words = (s: string) => s.trim().split(/\s+/);
const range = (prefix: string, from: number, to: number, pad = 0) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(pad, '0')}`);
const letters = (base: string, last: string) => [
  base,
  ...'bcdefg'
    .slice(0, 'bcdefg'.indexOf(last) + 1)
    .split('')
    .map((c) => `${base}.${c}`),
];

/** Indicator ids of RULES.md §7.1–7.6, per pack (written out from the rulebook, not derived from the packs). */
const EXPECTED: Record<string, string[]> = {
  'lzu-2024-sijiang': [
    ...words(`4A.1 4A.1.1.1 4A.1.1.2 4A.1.1.3 4A.1.2.1 4A.1.2.2
      4A.2 4A.2.1.1 4A.2.1.2 4A.2.1.3 4A.2.2.1 4A.2.2.2 4A.2.2.3 4A.2.3.1 4A.2.3.2 4A.2.3.3 4A.2.4
      4A.3 4A.3.1.1 4A.3.1.2 4A.3.1.3 4A.3.2.1 4A.3.2.2 4A.3.3.1 4A.3.3.2 4A.3.3.3
      4A.4 4A.4.1 4A.4.2.1 4A.4.2.2 4A.4.2.3 4A.4.3.1 4A.4.3.2 4A.R`),
    ...range('V7.', 1, 7),
  ],
  'pds-2024-sijiang': [...range('4B.', 1, 20, 2), ...range('4B.V', 1, 6)],
  'zibo-2017-guoying': [
    ...letters('GY1', 'g'),
    ...letters('GY2', 'f'),
    ...letters('GY3', 'd'),
    ...letters('GY4', 'c'),
    ...letters('GY5', 'c'),
    ...range('WG', 1, 5),
  ],
  'nwnu-2019-standardization': range('GS', 1, 7),
  'jyu-2021-three-year': range('T', 1, 21),
};

/** Rule IDs RULES.md §7 names for a row (subset check: the pack may add more). */
const ROW_RULES: [string, string, string[]][] = [
  ['lzu-2024-sijiang', '4A.1.2.2', words('LIFE-013 LIFE-002 LIFE-003 LIFE-004 LIFE-005 LIFE-006 LIFE-014')],
  ['lzu-2024-sijiang', '4A.2.2.3', ['ORG-015', 'ORG-017', 'ORG-018']],
  ['lzu-2024-sijiang', '4A.3.3.3', ['ORG-023']],
  ['pds-2024-sijiang', '4B.08', ['LIFE-002', 'LIFE-003', 'LIFE-004', 'LIFE-009', 'LIFE-011', 'EVAL-021']],
  ['pds-2024-sijiang', '4B.10', ['DUTY-009']],
  ['zibo-2017-guoying', 'GY1.a', ['ORG-008']],
  ['zibo-2017-guoying', 'GY4.a', ['ORG-021']],
  ['zibo-2017-guoying', 'WG1.1', ['EDU-003']],
  ['zibo-2017-guoying', 'WG3.3', ['LIFE-007']],
  ['zibo-2017-guoying', 'WG5.1', ['DUTY-008']],
  ['nwnu-2019-standardization', 'GS3.5', ['LIFE-006']],
  ['jyu-2021-three-year', 'T6', ['EDU-001', 'EDU-002']],
  ['jyu-2021-three-year', 'T16', ['ORG-021']],
];

/** The keys of RULES.md §11 (compound lines split into their keys). */
const SECTION_11_KEYS = words(`
  org.branch.minFullMembers org.jointBranch.maxUnits org.branch.maxMembers org.branch.maxMembersByCategory
  org.projectBranch.minMonths org.committee.threshold org.committee.thresholdBasis org.committee.sizeRange
  org.committee.sizeMax org.secretary.minPartyYears org.secretary.doubleLeaderCoverageTarget
  org.change.replyMaxMonths org.term.years org.term.maxShiftYears election.quorum org.partyWorkerRatio
  org.branch.partyWorkers life.partyCongress.minPerQuarter life.committee.minPerMonth life.groupMeeting.target
  life.lecture.branchMinPerQuarter life.lecture.secretaryMinPerYear life.lecture.topLeaderMinPerSemester
  life.themeDay.rule life.activityDay.fixedDaysPerMonth life.orgLifeMeeting.minPerYear
  life.orgLifeMeeting.preferredQuarter life.review.minPerYear life.review.excellentMaxRatio
  life.partyHealthCheck.minPerYear life.talk.minPerYear member.selfLapseMonths edu.member.minHoursPerYear
  edu.leader.minHoursPerYear edu.leader.minConcentratedSessions edu.secretary.minConcentratedHoursPerYear
  points.cadence dev.talkWithinMonths dev.contacts dev.activistReviewMonths dev.minCultivationMonths
  dev.introducers dev.training dev.preReviewLeaveWindowMonths dev.approvalMonths dev.approvalMaxMonths
  dev.probationMonths dev.extensionMonths dev.fullApprovalMonths dev.archiveDocs dev.poolAnalysis.perYear
  dues.brackets dues.retiree dues.flat dues.maxCatchUpMonths dues.lapseMonths dues.centralRemitThreshold
  dues.baseRecalc dues.rounding dues.publicity.perYear eval.4q.recommendMaxRatio eval.4q.recommendDeadline
  eval.4q.namingWindow eval.std.bottomRatio eval.gy.perYear duty.leaderContact duty.pairingVisit.minPerSemester
  duty.commitments.range duty.project.minPerYear duty.massContact.minPerMonth duty.supervision.perQuarter
  duty.committeeStudy.perSemester duty.memberConvene.perYear duty.condolence.windows`);

const ids = (p: ResolvedPack) => [
  ...[...walkIndicators(p.indicators)].map((v) => v.indicator.id),
  ...p.veto.map((v) => v.id),
];

describe('standard packs on disk', () => {
  let packs: Map<string, ResolvedPack>;
  beforeAll(async () => {
    const r = await loadStandardPacks();
    expect(r.errors).toEqual([]);
    packs = new Map(r.packs.map((p) => [p.id, p]));
  });

  it('loads all six packs with zero errors', () => {
    expect([...packs.keys()].sort()).toEqual([
      'jyu-2021-three-year',
      'lzu-2024-sijiang',
      'national-baseline',
      'nwnu-2019-standardization',
      'pds-2024-sijiang',
      'zibo-2017-guoying',
    ]);
  });

  it.each(Object.entries(EXPECTED))(
    '%s contains every indicator of its RULES.md §7 table',
    (id, expected) => {
      const have = new Set(ids(packs.get(id)!));
      expect(expected.filter((x) => !have.has(x))).toEqual([]);
    },
  );

  it('scores the rules RULES.md §7 names for sample rows', () => {
    for (const [pack, id, rules] of ROW_RULES) {
      const node = [...walkIndicators(packs.get(pack)!.indicators)].find(
        (v) => v.indicator.id === id,
      )?.indicator;
      expect({ pack, id, missing: rules.filter((r) => !node?.rules?.includes(r)) }).toEqual({
        pack,
        id,
        missing: [],
      });
    }
  });

  it('makes every child extend national-baseline and carry its rule-based tree', () => {
    const baseline = packs.get('national-baseline')!;
    expect(baseline.extends).toBeNull();
    for (const p of packs.values()) {
      if (p.id === 'national-baseline') continue;
      expect(p.extends).toBe('national-baseline');
      expect(p.baseline).toEqual([{ packId: 'national-baseline', indicators: baseline.indicators }]);
      expect(p.source.seed && SEED_FILES.includes(p.source.seed)).toBe(true);
    }
  });

  it('shows the child value and sourceRef where a seed overrides the baseline (nwnu: 教师/学生 cap 30 vs 50)', () => {
    const cap = (p: ResolvedPack, category: string) => {
      const byCat = p.parameters['org.branch.maxMembersByCategory'].value as Record<string, number>;
      return byCat[category] ?? (p.parameters['org.branch.maxMembers'].value as number);
    };
    const nwnu = packs.get('nwnu-2019-standardization')!;
    const base = packs.get('national-baseline')!;
    expect(cap(base, '教师')).toBe(50);
    expect(cap(nwnu, '教师')).toBe(30);
    expect(cap(nwnu, '机关')).toBe(50);
    expect(nwnu.parameters['org.branch.maxMembersByCategory']).toMatchObject({
      sourceRef: 'S002 §三(二)1',
      definedIn: 'nwnu-2019-standardization',
      overrides: [{ packId: 'national-baseline', value: {}, sourceRef: 'ZBTL Ch.2' }],
    });
    expect(nwnu.parameters['org.branch.maxMembers']).toMatchObject({ value: 50, sourceRef: 'ZBTL Ch.2' });
    expect(nwnu.parameters['life.themeDay.rule']).toMatchObject({
      value: { type: 'NTH_WEEKDAY', n: 4, weekday: 'THU' },
      sourceRef: 'S002 §三(二)3',
    });
    expect(base.parameters['life.themeDay.rule'].value).toEqual({ type: 'MONTHLY_FIXED' });
  });

  it('sets the S004 values of RULES.md §9 in the zibo pack', () => {
    const zibo = packs.get('zibo-2017-guoying')!.parameters;
    expect(zibo['life.groupMeeting.target']).toMatchObject({ value: [1, 2], sourceRef: 'S004 §三.3' });
    expect(zibo['edu.secretary.minConcentratedHoursPerYear']).toMatchObject({
      value: 24,
      sourceRef: 'S004 §三.1',
    });
    expect(zibo['life.activityDay.fixedDaysPerMonth'].value).toBe(2);
    expect(zibo['duty.massContact.minPerMonth'].unverified).toBe(true);
    expect(zibo['edu.member.minHoursPerYear']).toMatchObject({ value: 32, definedIn: 'national-baseline' });
  });

  it('keeps the UNVERIFIED flags of the registry and marks the Gansu candidate items', () => {
    const base = packs.get('national-baseline')!.parameters;
    expect(base['election.diffRatio'].unverified).toBe(true);
    expect(base['dues.rounding'].unverified).toBe(true);
    expect(base['org.branch.minFullMembers'].unverified).toBe(false);
    const nwnu = packs.get('nwnu-2019-standardization')!;
    expect(leafIndicators(nwnu.indicators).every((l) => l.unverified === true)).toBe(true);
  });

  it('gives the pds pack the six veto conditions of EVAL-006', () => {
    expect(packs.get('pds-2024-sijiang')!.veto.map((v) => v.id)).toEqual(range('4B.V', 1, 6));
  });
});

describe('rule catalog and settings registry', () => {
  it('holds the 150 rules of RULES.md, unique and grouped by area', () => {
    expect(RULES).toHaveLength(150);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(150);
    const count = (area: string) => RULES.filter((r) => r.id.startsWith(`${area}-`)).length;
    expect(RULE_AREAS.map(count)).toEqual([23, 21, 10, 25, 20, 25, 26]);
    for (const r of RULES) expect(r.title.length).toBeGreaterThan(0);
  });

  it('has unique keys whose defaults satisfy their own value types', () => {
    expect(new Set(SETTINGS.map((s) => s.key)).size).toBe(SETTINGS.length);
    for (const s of SETTINGS) {
      const r = s.type.schema.safeParse(s.default);
      expect({ key: s.key, ok: r.success, why: r.success ? '' : z.prettifyError(r.error) }).toEqual({
        key: s.key,
        ok: true,
        why: '',
      });
    }
  });

  it('contains every key of RULES.md §11', () => {
    const keys = new Set(SETTINGS.map((s) => s.key));
    expect(SECTION_11_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('contains the settings of RULES.md §11 with their defaults', () => {
    const get = (key: string) => SETTINGS.find((s) => s.key === key);
    expect(get('org.branch.maxMembers')?.default).toBe(50);
    expect(get('life.groupMeeting.target')?.default).toEqual([1, 1]);
    expect(get('edu.leader.minHoursPerYear')?.default).toBe(56);
    expect(get('eval.std.bottomRatio')?.default).toBe(0.05);
    expect(get('dues.rounding')).toMatchObject({ unverified: true });
    expect(get('election.quorum')).toMatchObject({ default: 0.8, unverified: true });
  });
});
