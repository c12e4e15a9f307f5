import { describe, expect, it } from 'vitest';
import { nthWeekday, periodsOfYear } from './calendar.ts';
import { type MeetingRecord, missingByTag, missingElements } from './record-elements.ts';
import { hasQuorum, inconsistent, passes } from './votes.ts';

const complete: MeetingRecord = {
  tags: ['branch_assembly'],
  topic: '学习贯彻党的二十届三中全会精神',
  heldAt: '2025-03-27T14:30',
  endedAt: '2025-03-27T16:30',
  place: '党员活动室',
  hostId: 'h',
  recorderId: 'r',
  lecturerId: null,
  expected: 12,
  present: 10,
  agenda: [{ title: '第一议题：学习习近平总书记重要讲话精神', first_topic: true }],
  minutes: '与会党员逐一发言……',
  decisions: ['通过2025年度学习计划'],
  absentees: [
    { status: 'leave', reason: '出差' },
    { status: 'absent', reason: '病假' },
  ],
  votes: [],
};

describe('LIFE-015 record elements', () => {
  it('a complete 党员大会 record misses nothing', () => {
    expect(missingElements(complete, 'branch_assembly')).toEqual([]);
  });
  it('names a missing recorder, place and end time', () => {
    expect(
      missingElements({ ...complete, recorderId: null, place: ' ', endedAt: null }, 'branch_assembly'),
    ).toEqual(['time', 'place', 'recorder']);
  });
  it('absentees must account for expected − present, each with a reason', () => {
    expect(missingElements({ ...complete, present: 11 }, 'branch_assembly')).toEqual(['attendance']);
    expect(missingElements({ ...complete, present: 13, absentees: [] }, 'branch_assembly')).toEqual([
      'attendance',
    ]);
    expect(
      missingElements(
        { ...complete, absentees: [{ status: 'absent', reason: '' }, complete.absentees[0]] },
        'branch_assembly',
      ),
    ).toEqual(['attendance']);
  });
  it('a 党课 needs a lecturer; a 主题党日 needs no decisions (C5: counted per tag)', () => {
    const both = { ...complete, tags: ['party_lecture', 'theme_day'], decisions: [] };
    expect(missingByTag(both)).toEqual({ party_lecture: ['lecturer'], theme_day: [] });
  });
});

describe('vote arithmetic (§0.3 C4, ORG-020)', () => {
  const v = (expected_voting: number, present_voting: number, yes: number, no = 0, abstain = 0) => ({
    expected_voting,
    present_voting,
    yes,
    no,
    abstain,
  });
  it('quorum is strictly more than half of the expected voters', () => {
    expect(hasQuorum(v(10, 5, 5))).toBe(false);
    expect(hasQuorum(v(10, 6, 5))).toBe(true);
    expect(hasQuorum(v(9, 5, 5))).toBe(true);
  });
  it('a motion passes with yes > half of the expected voters, not of those present', () => {
    expect(passes(v(10, 8, 5, 3))).toBe(false);
    expect(passes(v(10, 8, 6, 2))).toBe(true);
  });
  it('flags ballots exceeding voters present', () => {
    expect(inconsistent(v(10, 8, 6, 2, 1))).toBe(true);
    expect(inconsistent(v(10, 8, 6, 1, 1))).toBe(false);
    expect(missingElements({ ...complete, votes: [v(10, 8, 9)] }, 'branch_assembly')).toEqual(['votes']);
  });
});

describe('calendar', () => {
  it('finds the 4th Thursday', () => {
    expect(nthWeekday(2025, 3, 4, 4)).toBe('2025-03-27');
    expect(nthWeekday(2026, 1, 4, 4)).toBe('2026-01-22');
    expect(nthWeekday(2026, 10, 4, 4)).toBe('2026-10-22');
  });
  it('lists the quarters that have started by asOf', () => {
    expect(periodsOfYear('2025-07-01', 'quarter').map((p) => [p.key, p.end])).toEqual([
      ['2025-Q1', '2025-03-31'],
      ['2025-Q2', '2025-06-30'],
      ['2025-Q3', '2025-09-30'],
    ]);
    expect(periodsOfYear('2024-02-15', 'month').map((p) => p.end)).toEqual(['2024-01-31', '2024-02-29']);
  });
});
