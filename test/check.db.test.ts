import { describe, expect, it } from 'vitest';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { smallUniversity } from './datasets.ts';
import { createTestContext } from './server.ts';

describe('zhibu check (standards engine on imported data)', () => {
  it('produces exactly the contract shape, with the findings the rules call for', async () => {
    const ctx = await createTestContext();
    try {
      const r = await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity({ cElection: '2022-03-01' }));
      expect(r.errors).toEqual([]);
      const doc = checkJson(await evaluateCompliance(ctx.deps, { asOf: '2025-12-31' }));
      expect(Object.keys(doc)).toEqual(['asOf', 'findings']);
      for (const f of doc.findings) {
        expect(Object.keys(f)).toEqual([
          'ruleId',
          'checkId',
          'org',
          'person',
          'period',
          'severity',
          'message',
          'sourceRef',
        ]);
      }
      const org = doc.findings.filter((f) => f.ruleId.startsWith('ORG-'));
      expect(org.map((f) => [f.org, f.ruleId, f.severity, f.period])).toEqual([
        ['A', 'ORG-008', 'violation', '2025-12-31'],
        ['B', 'ORG-006', 'warn', '2025-12-31'],
        ['C', 'ORG-015', 'violation', '2025-03-01'],
      ]);
      expect(org[1].message).toContain('30');
      expect(org[1].sourceRef).toContain('002_4218fa479c637482.txt');
      // no meetings at all: every ended quarter of 2025 lacks a 党员大会 (LIFE-002)
      expect(
        doc.findings.filter((f) => f.org === 'A' && f.ruleId === 'LIFE-002').map((f) => f.period),
      ).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    } finally {
      await ctx.close();
    }
  });

  it('is reproducible "as of" a date: before the term ended there is no ORG-015 violation', async () => {
    const ctx = await createTestContext();
    try {
      await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity({ cElection: '2022-03-01' }));
      const onTermEnd = await evaluateCompliance(ctx.deps, { asOf: '2025-03-01', orgCode: 'C' });
      const orgOnly = (e: typeof onTermEnd) =>
        e.findings.filter((f) => f.ruleId.startsWith('ORG-')).map((f) => [f.ruleId, f.severity]);
      expect(orgOnly(onTermEnd)).toEqual([['ORG-014', 'info']]);
      const dayAfter = await evaluateCompliance(ctx.deps, { asOf: '2025-03-02', orgCode: 'C' });
      expect(orgOnly(dayAfter)).toEqual([['ORG-015', 'violation']]);
    } finally {
      await ctx.close();
    }
  });

  it('--pack applies one pack to every org (baseline: no 30-member cap)', async () => {
    const ctx = await createTestContext();
    try {
      await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity({ cElection: '2022-03-01' }));
      const base = await evaluateCompliance(ctx.deps, { asOf: '2025-12-31', packId: 'national-baseline' });
      expect(base.findings.some((f) => f.ruleId === 'ORG-006')).toBe(false);
      await expect(
        evaluateCompliance(ctx.deps, { asOf: '2025-12-31', packId: 'no-such-pack' }),
      ).rejects.toThrow('标准包');
    } finally {
      await ctx.close();
    }
  });
});
