import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CREDIT,
  meetingCredit,
  shortfall,
  type StudyItem,
  thresholdFor,
  sumCredits,
  yearHours,
} from './hours.ts';
import { monthlyTally, type PointsEntry, quartersOf, quarterlyTotals, yearlyRanking } from './points.ts';

const rec = (date: string, hours: number, kind: StudyItem['kind'] = 'collective_study'): StudyItem => ({
  date,
  hours,
  kind,
});
const PARAMS = {
  memberHours: { value: 32, sourceRef: 'JYGH' },
  leaderHours: { value: 56, sourceRef: 'JYGH' },
  leaderSessions: 1,
  secretaryConcentrated: 24,
};

describe('yearly hours (EDU-001, EDU-006)', () => {
  it('counts 集中培训 + 集体学习 of the year only: Dec 31 is in, Jan 1 of the next year is not', () => {
    const h = yearHours(
      2025,
      [
        rec('2025-01-01', 4),
        rec('2025-12-31', 8, 'concentrated_training'),
        rec('2026-01-01', 8),
        rec('2024-12-31', 8),
      ],
      [],
      false,
    );
    expect(h.counted).toBe(12);
    expect(h.concentratedSessions).toBe(1);
    expect(h.concentratedHours).toBe(8);
  });

  it('meeting credit summed per year and kind gives the same hours and sessions as item by item', () => {
    const credits = [
      rec('2025-03-01', 2, 'collective_study'),
      rec('2025-04-01', 1.5, 'collective_study'),
      rec('2025-05-01', 8, 'concentrated_training'),
      rec('2025-06-01', 8, 'concentrated_training'),
      rec('2026-01-01', 2, 'collective_study'),
    ];
    for (const year of [2025, 2026]) {
      const one = yearHours(year, [], credits, false);
      const summed = yearHours(year, [], sumCredits(credits), false);
      expect(summed).toEqual(one);
    }
    expect(yearHours(2025, [], sumCredits(credits), false)).toMatchObject({
      fromMeetings: 19.5,
      concentratedSessions: 2,
    });
  });

  it('online and self study do not count unless edu.countOnline; self study never', () => {
    const items = [
      rec('2025-03-01', 10, 'online'),
      rec('2025-03-02', 10, 'self_study'),
      rec('2025-03-03', 2),
    ];
    expect(yearHours(2025, items, [], false).counted).toBe(2);
    expect(yearHours(2025, items, [], true).counted).toBe(12);
    expect(yearHours(2025, items, [], true).byKind.self_study).toBe(10);
  });

  it('adds meeting credit to its kind and reports it', () => {
    const h = yearHours(2025, [rec('2025-03-01', 30)], [rec('2025-04-01', 2)], false);
    expect(h.counted).toBe(32);
    expect(h.fromMeetings).toBe(2);
  });
});

describe('meeting credit', () => {
  it('credits study-type meetings by duration in half hours, fixed hours without an end time', () => {
    expect(meetingCredit({ date: '2025-03-01', tags: ['study'], minutes: 100 }, DEFAULT_CREDIT)).toEqual({
      date: '2025-03-01',
      hours: 1.5,
      kind: 'collective_study',
    });
    expect(
      meetingCredit({ date: '2025-03-01', tags: ['party_lecture'], minutes: null }, DEFAULT_CREDIT)?.hours,
    ).toBe(2);
    expect(
      meetingCredit({ date: '2025-03-01', tags: ['committee_meeting'], minutes: 120 }, DEFAULT_CREDIT),
    ).toBeNull();
  });

  it('per-meeting mode ignores the duration', () => {
    const s = { ...DEFAULT_CREDIT, mode: 'per_meeting' as const, hoursPerMeeting: 3, tags: ['theme_day'] };
    expect(meetingCredit({ date: '2025-03-01', tags: ['theme_day'], minutes: 30 }, s)?.hours).toBe(3);
  });
});

describe('thresholds (EDU-001/002/003)', () => {
  it('members 32 h; committee members 56 h with ≥1 concentrated session; secretaries also 24 concentrated hours', () => {
    expect(thresholdFor([], PARAMS)).toMatchObject({
      ruleId: 'EDU-001',
      minHours: 32,
      minConcentratedSessions: 0,
    });
    expect(thresholdFor(['committee_member'], PARAMS)).toMatchObject({
      ruleId: 'EDU-002',
      minHours: 56,
      minConcentratedSessions: 1,
      minConcentratedHours: null,
    });
    expect(thresholdFor(['secretary'], PARAMS).minConcentratedHours).toBe(24);
    expect(thresholdFor(['group_leader'], PARAMS).ruleId).toBe('EDU-001');
  });

  it('31 h falls short of 32, 32 h meets it (不少于 includes the bound); 55.5 vs 56 for leaders', () => {
    const member = thresholdFor([], PARAMS);
    expect(shortfall(yearHours(2025, [rec('2025-05-01', 31)], [], false), member)).toMatchObject({
      hours: 1,
      met: false,
    });
    expect(shortfall(yearHours(2025, [rec('2025-05-01', 32)], [], false), member).met).toBe(true);
    const leader = thresholdFor(['deputy_secretary'], PARAMS);
    const items = [rec('2025-05-01', 8, 'concentrated_training'), rec('2025-06-01', 47.5)];
    expect(shortfall(yearHours(2025, items, [], false), leader)).toMatchObject({ hours: 0.5, met: false });
    expect(shortfall(yearHours(2025, [...items, rec('2025-06-02', 0.5)], [], false), leader).met).toBe(true);
    expect(shortfall(yearHours(2025, [rec('2025-06-01', 60)], [], false), leader)).toMatchObject({
      sessions: 1,
      met: false,
    });
  });
});

describe('points (EDU-007)', () => {
  const items = new Map([
    ['study', { id: 'study', code: 'STUDY', capPerMonth: 5, capPerYear: null }],
    ['vol', { id: 'vol', code: 'VOL', capPerMonth: null, capPerYear: 12 }],
    ['free', { id: 'free', code: 'FREE', capPerMonth: null, capPerYear: null }],
  ]);
  const e = (
    personId: string,
    itemId: string,
    date: string,
    points: number,
    status: PointsEntry['status'] = 'approved',
  ) => ({
    personId,
    itemId,
    date,
    points,
    status,
  });

  it('caps an item per month and per year; pending and rejected entries are not counted', () => {
    const tally = monthlyTally(
      2025,
      [
        e('a', 'study', '2025-01-05', 3),
        e('a', 'study', '2025-01-20', 3),
        e('a', 'study', '2025-02-01', 3),
        e('a', 'vol', '2025-03-01', 10),
        e('a', 'vol', '2025-04-01', 10),
        e('a', 'free', '2025-04-02', 7, 'pending'),
        e('a', 'free', '2025-04-03', 7, 'rejected'),
      ],
      items,
    );
    expect(Object.fromEntries(tally.get('a')!)).toEqual({
      '2025-01': 5,
      '2025-02': 3,
      '2025-03': 10,
      '2025-04': 2,
    });
  });

  it('a pending entry counts once approved', () => {
    const pending = [e('a', 'free', '2025-04-02', 7, 'pending')];
    expect(monthlyTally(2025, pending, items).get('a')).toBeUndefined();
    expect(
      monthlyTally(2025, [{ ...pending[0], status: 'approved' }], items)
        .get('a')
        ?.get('2025-04'),
    ).toBe(7);
  });

  it('the year boundary: Dec 31 belongs to the year, Jan 1 to the next (and caps restart)', () => {
    const entries = [e('a', 'vol', '2025-12-31', 12), e('a', 'vol', '2026-01-01', 12)];
    expect(monthlyTally(2025, entries, items).get('a')?.get('2025-12')).toBe(12);
    expect(monthlyTally(2026, entries, items).get('a')?.get('2026-01')).toBe(12);
  });

  it('quarterly totals and a yearly ranking with shared ranks; people without points rank last', () => {
    const tally = monthlyTally(
      2025,
      [e('a', 'free', '2025-03-31', 4), e('a', 'free', '2025-04-01', 6), e('b', 'free', '2025-12-01', 10)],
      items,
    );
    expect(Object.fromEntries(quarterlyTotals(tally).get('a')!)).toEqual({ '2025-Q1': 4, '2025-Q2': 6 });
    expect(yearlyRanking(tally, ['c', 'b', 'a'])).toEqual([
      { personId: 'a', total: 10, rank: 1 },
      { personId: 'b', total: 10, rank: 1 },
      { personId: 'c', total: 0, rank: 3 },
    ]);
  });

  it('a quarter ends on its last day: on Sep 30 Q3 is current, on Oct 1 it has ended', () => {
    expect(quartersOf(2025, '2025-09-30')).toEqual({ ended: ['2025-Q1', '2025-Q2'], current: '2025-Q3' });
    expect(quartersOf(2025, '2025-10-01')).toEqual({
      ended: ['2025-Q1', '2025-Q2', '2025-Q3'],
      current: '2025-Q4',
    });
    expect(quartersOf(2025, '2026-01-01')).toEqual({
      ended: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
      current: null,
    });
  });
});
