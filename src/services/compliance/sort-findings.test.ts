import { describe, expect, it } from 'vitest';
import { sortFindings } from './evaluate.ts';

const f = (orgCode: string, ruleId: string, period: string, personRef: string | null) => ({
  ruleId,
  checkId: 'c',
  orgId: orgCode,
  personId: personRef,
  period,
  severity: 'violation' as const,
  message: '',
  sourceRef: '',
  evidence: {},
  orgCode,
  personRef,
});

describe('sortFindings: the output order of zhibu check (org, rule, period, person)', () => {
  it('orders a code before the codes it prefixes, then by rule, period and person (none first)', () => {
    const input = [
      f('A-1', 'LIFE-002', '2026-01', null),
      f('A', 'LIFE-003', '2025', null),
      f('A', 'EDU-001', '2025', 'P2'),
      f('A', 'EDU-001', '2025', 'P10'),
      f('A', 'EDU-001', '2025', null),
      f('A', 'EDU-001', '2025-Q1', null),
      f('A1', 'ORG-003', '2025', null),
    ];
    expect(sortFindings(input).map((x) => [x.orgCode, x.ruleId, x.period, x.personRef])).toEqual([
      ['A', 'EDU-001', '2025', null],
      ['A', 'EDU-001', '2025', 'P10'],
      ['A', 'EDU-001', '2025', 'P2'],
      ['A', 'EDU-001', '2025-Q1', null],
      ['A', 'LIFE-003', '2025', null],
      ['A-1', 'LIFE-002', '2026-01', null],
      ['A1', 'ORG-003', '2025', null],
    ]);
  });

  it('keeps equal keys in the order the judges produced them', () => {
    const a = { ...f('A', 'EDU-001', '2025', null), message: 'first' };
    const b = { ...f('A', 'EDU-001', '2025', null), message: 'second' };
    expect(sortFindings([a, b]).map((x) => x.message)).toEqual(['first', 'second']);
  });
});
