import { describe, expect, it } from 'vitest';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import { nonParticipation } from './non-participation.ts';
import {
  type AttendanceMark,
  MonthStates,
  Tally,
  currentStreak,
  markState,
  monthNo,
  monthText,
  streakOf,
  summarize,
} from './participation.ts';
import { participationRate } from './participation-rate.ts';
import { speakingOrder } from './speaking-order.ts';
import type { LifeFacts } from './types.ts';
import { votingRights } from './voting-rights.ts';

const DEFAULTS: Record<string, unknown> = {
  'member.selfLapseMonths': 6,
  'member.selfLapse.alertMonths': [3, 5],
  'life.participation.target': null,
};
const params = (over: Record<string, unknown> = {}) => paramReader(DEFAULTS, over);
const mark = (
  date: string,
  status: AttendanceMark['status'] = 'absent',
  o: Partial<AttendanceMark> = {},
) => ({
  personId: 'p',
  orgId: 'o1',
  date,
  status,
  wide: true,
  ...o,
});
/** One absence (no leave) on the 10th of each month listed. */
const missed = (...months: string[]) => months.map((m) => mark(`${m}-10`));
/** Facts of org o1 with one member, 张三 (p), whose marks are `marks`, evaluated on `asOf`. */
const life = (marks: AttendanceMark[], asOf: string, extra: Partial<LifeFacts> = {}): LifeFacts => ({
  org: orgFacts({ counts: { full: 5 } }),
  monthly: {},
  themeDays: [],
  incomplete: [],
  noFirstTopic: [],
  votes: [],
  participation: {
    members: [summarize({ personId: 'p', name: '张三', since: '2020-01-01' }, marks, 'o1', asOf)],
  },
  ...extra,
});
const lapse = (marks: AttendanceMark[], asOf: string, over = {}) =>
  nonParticipation
    .judge(life(marks, asOf), { asOf, param: params(over) })
    .map((f) => [f.period, f.severity, f.evidence.months]);

describe('LIFE-018 non-participation streak (non-participation)', () => {
  const attendedMarch = mark('2025-03-12', 'present');
  it('2 missed months: no alert; 3: info; 5: warn; 6: violation (DZ Art.9)', () => {
    expect(lapse([attendedMarch, ...missed('2025-04', '2025-05')], '2025-06-15')).toEqual([]);
    expect(lapse([attendedMarch, ...missed('2025-04', '2025-05', '2025-06')], '2025-07-15')).toEqual([
      ['2025-06', 'info', 3],
    ]);
    const five = missed('2025-02', '2025-03', '2025-04', '2025-05', '2025-06');
    expect(lapse([mark('2025-01-09', 'present'), ...five], '2025-07-15')).toEqual([['2025-06', 'warn', 5]]);
    expect(lapse([mark('2024-12-09', 'present'), ...missed('2025-01'), ...five], '2025-07-15')).toEqual([
      ['2025-06', 'violation', 6],
    ]);
  });
  it('the month in progress counts only once it ends (last day); attending in it ends the streak', () => {
    const five = missed('2025-02', '2025-03', '2025-04', '2025-05', '2025-06');
    expect(lapse([...five, mark('2025-07-03')], '2025-07-30')).toEqual([['2025-06', 'warn', 5]]);
    expect(lapse([...five, mark('2025-07-03')], '2025-07-31')).toEqual([['2025-07', 'violation', 6]]);
    expect(lapse([...five, mark('2025-07-03', 'present')], '2025-07-15')).toEqual([]);
  });
  it('a month without any record, or with only approved leave, neither counts nor breaks the streak', () => {
    const gaps = [
      ...missed('2025-01', '2025-02'),
      mark('2025-04-10', 'leave'),
      ...missed('2025-05', '2025-06'),
    ];
    expect(currentStreak(gaps, '2025-07-15')).toEqual({ months: 4, from: '2025-01', to: '2025-06' });
    // an absence and a leave in the same month: the absence was without leave → counts
    expect(currentStreak([mark('2025-06-02', 'leave'), mark('2025-06-20')], '2025-07-01').months).toBe(1);
  });
  it('presence at any record counts (an explicit row at a 支委会 too), at any branch the member belonged to', () => {
    const marks = [
      ...missed('2025-03', '2025-04'),
      mark('2025-05-05', 'present', { wide: false, orgId: 'o2' }),
    ];
    expect(currentStreak([...marks, ...missed('2025-06')], '2025-07-01').months).toBe(1);
  });
  it('a member who joined mid-year is judged only on months since joining', () => {
    expect(lapse(missed('2025-05', '2025-06'), '2025-07-15')).toEqual([]);
  });
  it('a member who left is not in the roster and gets no alert', () => {
    const f = life(missed('2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'), '2025-07-15');
    f.participation!.members = [];
    expect(nonParticipation.judge(f, { asOf: '2025-07-15', param: params() })).toEqual([]);
  });
  it('thresholds come from the pack; the finding names the member and cites DZ Art.9', () => {
    const marks = missed('2025-04', '2025-05', '2025-06');
    expect(lapse(marks, '2025-07-15', { 'member.selfLapseMonths': 3 })).toEqual([
      ['2025-06', 'violation', 3],
    ]);
    const [f] = nonParticipation.judge(life(marks, '2025-07-15'), { asOf: '2025-07-15', param: params() });
    expect(f.personId).toBe('p');
    expect(f.message).toContain('张三 连续3个月（2025年4月至2025年6月）');
    expect(f.sourceRef).toContain('《中国共产党章程》第9条');
  });
});

describe('LIFE-018/019 Tally: marks folded a month at a time equal the marks one by one', () => {
  it('month states and yearly counts agree (attended beats missed beats excused; other orgs not counted)', () => {
    const marks = [
      mark('2025-12-05', 'absent'),
      mark('2026-01-05', 'leave'),
      mark('2026-01-20', 'absent'),
      mark('2026-02-05', 'leave'),
      mark('2026-02-20', 'present'),
      mark('2026-03-05', 'present', { orgId: 'o2' }),
    ];
    const one = new Tally('o1', '2026-01-01', '2026-11-24');
    for (const m of marks) one.add(m.date, m.status, m.wide, m.orgId);
    const folded = new Tally('o1', '2026-01-01', '2026-11-24');
    folded.month(monthNo('2025-12'), markState('absent'));
    folded.month(monthNo('2026-01'), 'missed');
    folded.month(monthNo('2026-02'), 'attended');
    folded.month(monthNo('2026-03'), 'attended');
    folded.count('o1', 4, 1, 2);
    folded.count('o2', 1, 1, 0);
    expect(folded.months).toEqual(one.months);
    expect(folded.year).toEqual(one.year);
    expect(one.year).toEqual({ expected: 4, attended: 1, leave: 2 });
  });
});

describe('LIFE-018 MonthStates: one byte a month over the lookback window', () => {
  it('keeps the better state of a month, reads months outside the window as none and drops them', () => {
    const s = MonthStates.lookback('2026-11-24');
    expect([monthText(s.first), monthText(s.last)]).toEqual(['2024-11', '2026-11']);
    expect(monthNo('2026-01')).toBe(2026 * 12);
    expect(monthText(monthNo('2025-12-31'))).toBe('2025-12');
    s.raise(monthNo('2026-03'), 'missed');
    s.raise(monthNo('2026-03'), 'excused');
    s.raise(monthNo('2026-04'), 'excused');
    s.raise(monthNo('2026-04'), 'attended');
    s.raise(monthNo('2024-11'), 'missed');
    s.raise(monthNo('2024-10'), 'missed');
    s.raise(monthNo('2026-12'), 'attended');
    expect(s.get(monthNo('2026-03'))).toBe('missed');
    expect(s.get(monthNo('2024-10'))).toBe('none');
    expect(s.toRecord()).toEqual({ '2024-11': 'missed', '2026-03': 'missed', '2026-04': 'attended' });
  });

  it('a streak reaches back to the first month of the window and no further', () => {
    const s = MonthStates.lookback('2026-11-30');
    for (let m = s.first - 1; m <= s.last; m++) s.raise(m, 'missed');
    expect(streakOf(s, '2026-11-30')).toEqual({ months: 25, from: '2024-11', to: '2026-11' });
    expect(streakOf(s, '2026-11-29')).toEqual({ months: 24, from: '2024-11', to: '2026-10' });
  });
});

describe('LIFE-019 participation rate (participation-rate)', () => {
  const marks = [
    mark('2025-01-10', 'present'),
    mark('2025-02-10', 'present'),
    mark('2025-03-10', 'present'),
    mark('2025-04-10', 'leave'),
    mark('2025-05-10', 'present', { wide: false }),
    mark('2025-05-11', 'absent', { orgId: 'o2' }),
  ];
  const run = (asOf: string, target: number | null) =>
    participationRate
      .judge(life(marks, asOf), { asOf, param: params({ 'life.participation.target': target }) })
      .map((f) => [f.personId, f.severity, f.evidence.attended, f.evidence.expected]);
  it('no target in the pack (no source value): nothing to judge', () => {
    expect(run('2025-06-30', null)).toEqual([]);
  });
  it('3 of 4 member-wide records of this branch = 75%: below 80% is reported, 75% meets 75%', () => {
    expect(run('2025-06-30', 0.8)).toEqual([
      [null, 'info', 3, 4],
      ['p', 'info', 3, 4],
    ]);
    expect(run('2025-06-30', 0.75)).toEqual([]);
  });
  it('once the year has ended: violation for the branch, warning for the member', () => {
    expect(run('2025-12-31', 0.8)).toEqual([
      [null, 'violation', 3, 4],
      ['p', 'warn', 3, 4],
    ]);
  });
});

describe('ORG-019 only full members vote (voting-rights)', () => {
  const vote = (expected: number) => ({
    meetingId: 'm1',
    date: '2025-05-20',
    vote: { motion: '接收预备党员', expected_voting: expected, present_voting: 6, yes: 6, no: 0, abstain: 0 },
  });
  const run = (expected: number, votersOn?: Record<string, number>) =>
    votingRights
      .judge(life([], '2025-06-01', { votes: [vote(expected)], votersOn }), {
        asOf: '2025-06-01',
        param: params(),
      })
      .map((f) => f.severity);
  it('expected voters = full members that day: fine; one more: violation; fewer (approved exclusions): not judged', () => {
    expect(run(8, { m1: 8 })).toEqual([]);
    expect(run(9, { m1: 8 })).toEqual(['violation']);
    expect(run(7, { m1: 8 })).toEqual([]);
  });
  it('without the roll of that day nothing is judged', () => {
    expect(run(9)).toEqual([]);
  });
});

describe('LIFE-016 支委会 speaking order on 重大事项 (speaking-order)', () => {
  const present = [
    { personId: 's', name: '书记甲' },
    { personId: 'a', name: '委员乙' },
    { personId: 'b', name: '委员丙' },
  ];
  const run = (speakers: string[], o: { present?: typeof present; secretaryId?: string | null } = {}) =>
    speakingOrder
      .judge(
        life([], '2025-06-01', {
          majorMatters: [
            {
              meetingId: 'm1',
              date: '2025-05-06',
              present: o.present ?? present,
              secretaryId: o.secretaryId === undefined ? 's' : o.secretaryId,
              items: [{ title: '研究发展对象人选', speakers }],
            },
          ],
        }),
        { asOf: '2025-06-01', param: params() },
      )
      .map((f) => [f.severity, f.message]);
  it('every member present spoke and the secretary spoke last: fine', () => {
    expect(run(['a', 'b', 's'])).toEqual([]);
  });
  it('the secretary not last, or a present member silent → violation naming them', () => {
    expect(run(['s', 'a', 'b'])).toEqual([['violation', expect.stringContaining('支部书记未末位发言')]]);
    expect(run(['a', 's'])).toEqual([['violation', expect.stringContaining('委员丙未发表意见')]]);
  });
  it('an absent member is not expected to speak; without a secretary only completeness is judged', () => {
    expect(run(['a', 's'], { present: present.slice(0, 2) })).toEqual([]);
    expect(run(['b', 'a'], { present: present.slice(1), secretaryId: null })).toEqual([]);
  });
  it('a 重大事项 without a recorded speaking order cannot be verified → warning', () => {
    expect(run([])).toEqual([['warn', expect.stringContaining('未记录发言顺序')]]);
  });
});
