import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  firstOnOrAfter,
  isIsoDate,
  shanghaiDate,
  wholeYears,
} from './dates.ts';

describe('dates (RULES.md §0.3 C3)', () => {
  it('adds months clamping to month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
  it('adds years from Feb 29', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });
  it('finds the first of ascending dates on or after a day (repeated days: the first of them)', () => {
    const days = ['2026-01-05', '2026-02-01', '2026-02-01', '2026-03-10'];
    expect(firstOnOrAfter(days, '2026-01-01')).toBe(0);
    expect(firstOnOrAfter(days, '2026-02-01')).toBe(1);
    expect(firstOnOrAfter(days, '2026-02-02')).toBe(3);
    expect(firstOnOrAfter(days, '2026-03-11')).toBe(4);
    expect(firstOnOrAfter([], '2026-03-11')).toBe(0);
  });
  it('adds days across years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
  it('counts whole years, the day before and of the anniversary', () => {
    expect(wholeYears('2000-06-15', '2025-06-14')).toBe(24);
    expect(wholeYears('2000-06-15', '2025-06-15')).toBe(25);
  });
  it('validates calendar dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
  it('gives the Shanghai calendar date of an instant', () => {
    expect(shanghaiDate(new Date('2025-03-26T16:30:00Z'))).toBe('2025-03-27');
    expect(shanghaiDate(new Date('2025-03-26T15:59:00Z'))).toBe('2025-03-26');
  });
});
