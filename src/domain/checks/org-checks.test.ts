import { describe, expect, it } from 'vitest';
import { branchMinFullMembers } from './branch-min-full-members.ts';
import { branchSizeCap } from './branch-size-cap.ts';
import { committeeStructure } from './committee-structure.ts';
import { jointBranchUnits } from './joint-branch-units.ts';
import { secretaryPartyAge } from './secretary-party-age.ts';
import { termOfOffice } from './term-of-office.ts';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import type { OrgFacts, ParamReader } from './types.ts';

const DEFAULTS: Record<string, unknown> = {
  'org.branch.minFullMembers': 3,
  'org.jointBranch.maxUnits': 5,
  'org.branch.maxMembers': 50,
  'org.branch.maxMembersByCategory': {},
  'org.branch.sizeCountsProbationary': true,
  'org.committee.threshold': 7,
  'org.committee.thresholdBasis': 'FULL',
  'org.committee.sizeRange': [3, 5],
  'org.committee.sizeMax': 7,
  'org.secretary.minPartyYears': 1,
  'org.term.reminderDays': [90, 30],
};
const params = (over: Record<string, unknown> = {}) => paramReader(DEFAULTS, over);

const org = orgFacts;
const secretary = (fullSince: string | null = '2010-01-01', validFrom = '2024-01-01') => ({
  personId: 's',
  role: 'secretary',
  duty: null,
  validFrom,
  fullSince,
});
const member = (id: string, duty: string | null) => ({
  personId: id,
  role: 'committee_member',
  duty,
  validFrom: '2024-01-01',
  fullSince: '2010-01-01',
});
const judge = (
  check: { judge: (f: OrgFacts, c: { asOf: string; param: ParamReader }) => unknown },
  f: OrgFacts,
  asOf = '2026-11-24',
  over = {},
) =>
  check.judge(f, { asOf, param: params(over) }) as {
    ruleId: string;
    severity: string;
    message: string;
    period: string;
    sourceRef: string;
    personId: string | null;
  }[];

describe('ORG-003 branch-min-full-members', () => {
  it.each([
    [0, 1],
    [2, 1],
    [3, 0],
    [4, 0],
  ])('a branch with %i full members yields %i findings', (full, n) => {
    expect(judge(branchMinFullMembers, org({ counts: { full } }))).toHaveLength(n);
  });
  it('does not count probationary members and ignores joint branches', () => {
    expect(judge(branchMinFullMembers, org({ counts: { full: 2, probationary: 5 } }))[0].message).toContain(
      '仅2名',
    );
    expect(judge(branchMinFullMembers, org({ kind: 'joint_branch', counts: { full: 1 } }))).toEqual([]);
  });
});

describe('ORG-004 joint-branch-units', () => {
  it.each([
    [5, 0],
    [6, 1],
  ])('a joint branch over %i units yields %i findings', (unitCount, n) => {
    expect(judge(jointBranchUnits, org({ kind: 'joint_branch', unitCount }))).toHaveLength(n);
  });
});

describe('ORG-006 branch-size-cap', () => {
  it.each([
    [50, 0, 0],
    [49, 1, 0],
    [50, 1, 1],
    [51, 0, 1],
  ])('%i full + %i probationary against the cap of 50 yields %i warnings', (full, probationary, n) => {
    const out = judge(branchSizeCap, org({ category: '机关', counts: { full, probationary } }));
    expect(out).toHaveLength(n);
    if (n) expect(out[0].severity).toBe('warn');
  });
  it('uses the per-category cap of S002 (30 for 教师) and cites it', () => {
    const over = { 'org.branch.maxMembersByCategory': { 教师: 30, 学生: 30 } };
    expect(judge(branchSizeCap, org({ counts: { full: 30 } }), '2026-11-24', over)).toEqual([]);
    const out = judge(branchSizeCap, org({ counts: { full: 31 } }), '2026-11-24', over);
    expect(out[0].message).toContain('30');
    expect(out[0].sourceRef).toContain('002_4218fa479c637482.txt');
  });
  it('can count full members only', () => {
    expect(
      judge(branchSizeCap, org({ counts: { full: 50, probationary: 3 } }), '2026-11-24', {
        'org.branch.sizeCountsProbationary': false,
      }),
    ).toEqual([]);
  });
});

describe('ORG-008 committee-structure', () => {
  const full = (n: number) => ({ full: n });
  it('requires a secretary in every branch, even an empty one', () => {
    expect(judge(committeeStructure, org())[0]).toMatchObject({
      severity: 'violation',
      message: '未配备党支部书记',
    });
  });
  it('6 full members with only a secretary: fine; 7 without a committee: violation', () => {
    expect(judge(committeeStructure, org({ counts: full(6), positions: [secretary()] }))).toEqual([]);
    const out = judge(committeeStructure, org({ counts: full(7), positions: [secretary()] }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'ORG-008', severity: 'violation' });
  });
  it('a committee of 3 with all three duties passes; missing duties are named', () => {
    const ok = org({
      counts: full(9),
      positions: [
        secretary(),
        member('a', 'organization'),
        member('b', 'propaganda'),
        member('c', 'discipline'),
      ],
    });
    expect(judge(committeeStructure, ok)).toEqual([]);
    const missing = judge(
      committeeStructure,
      org({ counts: full(9), positions: [secretary(), member('a', 'organization'), member('b', 'other')] }),
    );
    expect(missing.map((f) => f.message)).toEqual(['支部委员会缺少宣传委员、纪检委员分工']);
  });
  it('6 members on a committee warns, 8 is a violation, and two deputies warn', () => {
    const ms = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        member(`m${i}`, ['organization', 'propaganda', 'discipline'][i % 3]),
      );
    expect(
      judge(committeeStructure, org({ counts: full(40), positions: [secretary(), ...ms(5)] }))[0].severity,
    ).toBe('warn');
    expect(
      judge(committeeStructure, org({ counts: full(40), positions: [secretary(), ...ms(7)] }))[0].severity,
    ).toBe('violation');
    const deputies = [1, 2].map((i) => ({ ...member(`d${i}`, null), role: 'deputy_secretary' }));
    expect(
      judge(committeeStructure, org({ counts: full(5), positions: [secretary(), ...deputies] }))[0].message,
    ).toContain('副书记2名');
  });
  it('threshold basis ALL counts probationary members', () => {
    expect(
      judge(
        committeeStructure,
        org({ counts: { full: 6, probationary: 1 }, positions: [secretary()] }),
        '2026-11-24',
        { 'org.committee.thresholdBasis': 'ALL' },
      ),
    ).toHaveLength(1);
  });
});

describe('ORG-011 secretary-party-age', () => {
  it.each([
    ['2022-12-31', null],
    ['2023-01-01', null],
  ])('full since %s, appointed 2024-01-01: no finding', (fullSince) => {
    expect(judge(secretaryPartyAge, org({ positions: [secretary(fullSince)] }))).toEqual([]);
  });
  it('a day short of one year warns, naming the person and the appointment date', () => {
    const out = judge(secretaryPartyAge, org({ positions: [secretary('2023-01-02', '2024-01-01')] }));
    expect(out).toEqual([
      expect.objectContaining({ ruleId: 'ORG-011', severity: 'warn', personId: 's', period: '2024-01-01' }),
    ]);
    expect(out[0].message).toContain('党龄不足1年');
  });
  it('a secretary who is not a full member warns', () => {
    expect(judge(secretaryPartyAge, org({ positions: [secretary(null)] }))[0].message).toContain(
      '不是正式党员',
    );
  });
});

describe('ORG-014 / ORG-015 term-of-office', () => {
  const elected = (heldOn: string, termYears = 3) => org({ lastRegularElection: { heldOn, termYears } });
  it('the day the term ends is not overdue; the day after is (ORG-015)', () => {
    expect(judge(termOfOffice, elected('2023-11-24'), '2026-11-24').map((f) => f.severity)).toEqual(['info']);
    const out = judge(termOfOffice, elected('2023-11-24'), '2026-11-25');
    expect(out).toEqual([
      expect.objectContaining({ ruleId: 'ORG-015', severity: 'violation', period: '2026-11-24' }),
    ]);
    expect(out[0].message).toContain('超期1天');
  });
  it('reminds from 90 days before the term end, not the day before that (ORG-014)', () => {
    // term ends 2027-02-21; 90 days before is 2026-11-23
    expect(judge(termOfOffice, elected('2024-02-21'), '2026-11-22')).toHaveLength(0);
    expect(judge(termOfOffice, elected('2024-02-21'), '2026-11-23')).toEqual([
      expect.objectContaining({ ruleId: 'ORG-014', severity: 'info', period: '2027-02-21' }),
    ]);
  });
  it('a branch without any election record is reported; a 党小组 is not', () => {
    expect(judge(termOfOffice, org())[0]).toMatchObject({ ruleId: 'ORG-014', severity: 'warn' });
    expect(judge(termOfOffice, org({ kind: 'group' }))).toEqual([]);
  });
  it('cites the term regulation by its full title', () => {
    expect(judge(termOfOffice, elected('2020-01-01'))[0].sourceRef).toContain(
      '《关于党的基层组织任期的意见》',
    );
  });
});
