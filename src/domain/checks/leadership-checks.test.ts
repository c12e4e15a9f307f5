import { describe, expect, it } from 'vitest';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import { electionValidity } from './election-validity.ts';
import type { LeadershipFacts } from './leadership-facts.ts';
import { secretarySource } from './secretary-source.ts';
import type { OrgFacts } from './types.ts';
import { vacancyFill } from './vacancy-fill.ts';

const DEFAULTS: Record<string, unknown> = {
  'election.quorum': 0.8,
  'election.majorityBase': 'EXPECTED',
  'org.vacancy.fillWithinDays': null,
  'org.secretary.ruleByCategory': { 机关: ['DEPT_HEAD'], 教师: ['DOUBLE_LEADER'] },
  'org.secretary.doubleLeaderCoverageTarget': 1,
  'org.secretary.doubleLeaderDeadline': null,
};
const params = (over: Record<string, unknown> = {}) => paramReader(DEFAULTS, over);
const lead = (l: Partial<LeadershipFacts> = {}): LeadershipFacts => ({
  secretaryFlags: [],
  elections: [],
  seatsEnded: [],
  seatsStarted: [],
  electionDays: [],
  ...l,
});
const org = (l: Partial<LeadershipFacts> = {}, o: Partial<OrgFacts> = {}) =>
  orgFacts({ leadership: lead(l), ...o });

describe('ORG-016 election validity (election-validity)', () => {
  const ballot = (present: number, yes: number, expected = 10) => ({
    motion: '选举支部委员会委员',
    expected_voting: expected,
    present_voting: present,
    yes,
    no: 0,
    abstain: 0,
  });
  const run = (votes: ReturnType<typeof ballot>[], over = {}) =>
    electionValidity
      .judge(org({ elections: [{ heldOn: '2025-04-10', kind: 'regular', votes }] }), {
        asOf: '2025-06-01',
        param: params(over),
      })
      .map((f) => [f.severity, f.message]);
  it('voters present must exceed 4/5 of expected: 8 of 10 is not enough, 9 of 10 is', () => {
    expect(run([ballot(8, 8)])).toEqual([['violation', expect.stringContaining('未超过应到会10名的80%')]]);
    expect(run([ballot(9, 9)])).toEqual([]);
    expect(run([ballot(8, 8)], { 'election.quorum': '4/5' })[0][1]).toContain('的4/5');
  });
  it('yes votes must exceed half of the expected voters (or of those present, per setting)', () => {
    expect(run([ballot(9, 5)])).toEqual([
      ['violation', expect.stringContaining('赞成5票，未超过应到会10名的半数')],
    ]);
    expect(run([ballot(9, 6)])).toEqual([]);
    expect(run([ballot(9, 5)], { 'election.majorityBase': 'PRESENT' })).toEqual([]);
  });
  it('an election without recorded votes cannot be verified → warning; no election this year → nothing', () => {
    expect(run([])).toEqual([['warn', expect.stringContaining('没有记录选举票数')]]);
    expect(electionValidity.judge(org(), { asOf: '2025-06-01', param: params() })).toEqual([]);
  });
});

describe('ORG-017 by-election after a vacancy (vacancy-fill)', () => {
  const ended = [{ personId: 'a', role: 'committee_member', on: '2025-03-01' }];
  const run = (l: Partial<LeadershipFacts>, asOf: string, days: number | null = null) =>
    vacancyFill
      .judge(org(l), { asOf, param: params({ 'org.vacancy.fillWithinDays': days }) })
      .map((f) => [f.severity, f.evidence.openDays ?? f.evidence.filledOn]);
  it('an open vacancy is "fill promptly" (info) without a limit; past the limit (31 > 30 days) a violation', () => {
    expect(run({ seatsEnded: ended }, '2025-04-01')).toEqual([['info', 31]]);
    expect(run({ seatsEnded: ended }, '2025-04-01', 30)).toEqual([['violation', 31]]);
    expect(run({ seatsEnded: ended }, '2025-04-01', 31)).toEqual([['info', 31]]);
  });
  it('seats ending on an election day ended with the term; a later start fills the seat', () => {
    expect(run({ seatsEnded: ended, electionDays: ['2025-03-01'] }, '2025-06-01', 30)).toEqual([]);
    const filled = [{ personId: 'b', role: 'committee_member', on: '2025-03-20' }];
    expect(run({ seatsEnded: ended, seatsStarted: filled }, '2025-06-01', 30)).toEqual([]);
    const late = [{ personId: 'b', role: 'committee_member', on: '2025-05-20' }];
    expect(run({ seatsEnded: ended, seatsStarted: late }, '2025-06-01', 30)).toEqual([
      ['warn', '2025-05-20'],
    ]);
  });
  it('a deputy promoted to secretary leaves the deputy seat open', () => {
    const l = {
      seatsEnded: [
        { personId: 's', role: 'secretary', on: '2025-03-01' },
        { personId: 'd', role: 'deputy_secretary', on: '2025-03-15' },
      ],
      seatsStarted: [{ personId: 'd', role: 'secretary', on: '2025-03-15' }],
    };
    const out = vacancyFill.judge(org(l), { asOf: '2025-04-15', param: params() });
    expect(out.map((f) => [f.period, f.message.slice(0, 3)])).toEqual([['2025-03-15', '副书记']]);
  });
});

describe('ORG-012 teacher-branch secretary is a 双带头人 (secretary-source)', () => {
  const run = (flags: string[] | null, o: Partial<OrgFacts> = {}, over = {}, asOf = '2025-06-01') =>
    secretarySource
      .judge(org({ secretaryFlags: flags }, o), { asOf, param: params(over) })
      .map((f) => f.severity);
  it('a teacher branch whose secretary is not flagged 教学科研骨干 → warning; flagged → fine', () => {
    expect(run([])).toEqual(['warn']);
    expect(run(['teaching_backbone'])).toEqual([]);
  });
  it('after the coverage deadline (S002: 2019-12-31) it is a violation; on the deadline still a warning', () => {
    const d = { 'org.secretary.doubleLeaderDeadline': '2019-12-31' };
    expect(run([], {}, d, '2020-01-01')).toEqual(['violation']);
    expect(run([], {}, d, '2019-12-31')).toEqual(['warn']);
  });
  it('other categories, an empty seat and a target below 100% are not judged as misses', () => {
    expect(run([], { category: '机关' })).toEqual([]);
    expect(run(null)).toEqual([]);
    expect(run([], {}, { 'org.secretary.doubleLeaderCoverageTarget': 0.9 })).toEqual(['info']);
  });
});
