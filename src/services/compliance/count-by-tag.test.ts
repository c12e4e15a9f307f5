import { describe, expect, it } from 'vitest';
import { countByTagAndMonth } from './life-facts.loader.ts';

describe('countByTagAndMonth (LIFE-002…009 counts from the records of an org)', () => {
  it('counts a record for every tag it completes, per month', () => {
    expect(
      countByTagAndMonth(
        '2026-01branch_assembly,party_lecture;2026-01committee_meeting;2026-01branch_assembly;2026-02party_lecture',
      ),
    ).toEqual({
      branch_assembly: { '2026-01': 2 },
      party_lecture: { '2026-01': 1, '2026-02': 1 },
      committee_meeting: { '2026-01': 1 },
    });
  });
  it('records in any month order', () => {
    expect(countByTagAndMonth('2026-01theme_day;2026-02theme_day,party_lecture;2026-01theme_day')).toEqual({
      theme_day: { '2026-01': 2, '2026-02': 1 },
      party_lecture: { '2026-02': 1 },
    });
  });
  it('one record, one tag', () => {
    expect(countByTagAndMonth('2026-12theme_day')).toEqual({ theme_day: { '2026-12': 1 } });
  });
  it('a tag outside the meeting tags, and tags that start alike, each count as themselves', () => {
    expect(countByTagAndMonth('2026-03custom_tag,theme_day;2026-03theme_day_extra;2026-04study')).toEqual({
      custom_tag: { '2026-03': 1 },
      theme_day: { '2026-03': 1 },
      theme_day_extra: { '2026-03': 1 },
      study: { '2026-04': 1 },
    });
  });
  it('a tag as long as a meeting tag and starting alike counts as itself; months of two years stay apart', () => {
    expect(countByTagAndMonth('2025-12theme_dax,theme_day;2026-12theme_day;2025-12theme_day')).toEqual({
      theme_dax: { '2025-12': 1 },
      theme_day: { '2025-12': 2, '2026-12': 1 },
    });
  });
});
