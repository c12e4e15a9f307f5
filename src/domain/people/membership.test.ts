import { describe, expect, it } from 'vitest';
import { effectiveDateError, statusChangeError } from './membership.ts';

describe('statusChangeError', () => {
  it.each([
    ['applicant', 'activist', false, null],
    ['probationary', 'full', false, null],
    ['full', 'left', false, null],
    ['left', 'full', true, null],
    ['full', 'full', true, null],
  ] as const)('%s → %s (transfer=%s) is allowed', (from, to, org, expected) => {
    expect(statusChangeError(from, to, org)).toBe(expected);
  });

  it('refuses a backward step and a no-op', () => {
    expect(statusChangeError('full', 'applicant', false)).toMatch('不能从“正式党员”退回到“入党申请人”');
    expect(statusChangeError('full', 'full', false)).toMatch('相同');
  });
});

describe('effectiveDateError', () => {
  it('refuses the same day and earlier, allows the day after', () => {
    expect(effectiveDateError('2025-03-01', '2025-03-01')).not.toBeNull();
    expect(effectiveDateError('2025-03-01', '2025-02-28')).not.toBeNull();
    expect(effectiveDateError('2025-03-01', '2025-03-02')).toBeNull();
  });
});
