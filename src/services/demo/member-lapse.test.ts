import { describe, expect, it } from 'vitest';
import {
  type AttendanceMark,
  MEMBER_WIDE_TAGS,
  currentStreak,
  streakLevel,
} from '../../domain/checks/participation.ts';
import { generateDemoDataset } from './demo-dataset.ts';
import { MeetingRoster } from './meeting-roster.ts';
import { DEMO_LAPSE, lapsedRef } from './member-lapse.ts';

describe('school demo: one LIFE-018 case', () => {
  const asOf = '2026-11-24';
  const doc = generateDemoDataset({ asOf });
  const ref = lapsedRef(new MeetingRoster(doc), asOf);
  const wide = (tags: readonly string[]) =>
    tags.some((t) => (MEMBER_WIDE_TAGS as readonly string[]).includes(t));
  const marks = (person: string): AttendanceMark[] =>
    (doc.meetings ?? [])
      .filter((m) => m.org === DEMO_LAPSE.org && wide(m.tags))
      .map((m) => ({
        personId: person,
        orgId: m.org,
        date: m.held_at.slice(0, 10),
        status: m.attendance?.find((a) => a.person === person)?.status ?? 'present',
        wide: true,
      }));

  it('an ordinary full member misses every member-wide record since June without leave: 5 months → warn', () => {
    expect(ref).not.toBeNull();
    const s = currentStreak(marks(ref!), asOf);
    expect(s).toEqual({ months: DEMO_LAPSE.months, from: '2026-06', to: '2026-10' });
    expect(streakLevel(s.months, [3, 5], 6)).toBe('warn');
    const positions = doc.positions.filter((p) => p.person === ref && (p.to ?? '9999') > asOf);
    expect(positions).toEqual([]);
  });
});
