import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/domain/people/id-number.ts';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import type { DatasetDoc } from '../src/shared/contracts/dataset.contract.ts';
import { createTestContext } from './server.ts';

const people = (prefix: string, n: number, from = '2015-07-01') =>
  Array.from({ length: n }, (_, i) => ({
    ref: `${prefix}${i + 1}`,
    name: `党员${prefix}${i + 1}`,
    gender: '男' as const,
    birth_date: '1980-01-01',
    from,
  }));

/** A small university: an overdue election, a 9-member branch without a committee, a 33-member teacher branch. */
function dataset(): DatasetDoc {
  const a = people('a', 9);
  const b = people('b', 33);
  const c = people('c', 4);
  const id17 = '62010219800101001';
  return {
    format: 'zhibu-dataset/1',
    orgs: [
      {
        code: 'U',
        name: '中共某某大学委员会',
        kind: 'committee',
        parent: null,
        category: '教师',
        pack: 'national-baseline',
      },
      { code: 'A', name: '文学院教工党支部', kind: 'branch', parent: 'U', category: '教师' },
      {
        code: 'B',
        name: '数学学院教工党支部',
        kind: 'branch',
        parent: 'U',
        category: '教师',
        pack: 'nwnu-2019-standardization',
      },
      { code: 'C', name: '后勤党支部', kind: 'branch', parent: 'U', category: '机关' },
    ],
    people: [...a, ...b, ...c].map(({ from: _f, ...p }, i) =>
      i === 0 ? { ...p, id_number: id17 + idCheckChar(id17) } : p,
    ),
    memberships: [
      ...a.map((p) => ({ person: p.ref, org: 'A', status: 'full' as const, from: p.from, to: null })),
      ...b.map((p) => ({ person: p.ref, org: 'B', status: 'full' as const, from: p.from, to: null })),
      ...c.map((p) => ({ person: p.ref, org: 'C', status: 'full' as const, from: p.from, to: null })),
    ],
    positions: [
      { person: 'a1', org: 'A', role: 'secretary', duty: null, from: '2024-06-01', to: null },
      { person: 'b1', org: 'B', role: 'secretary', duty: null, from: '2024-06-01', to: null },
      {
        person: 'b2',
        org: 'B',
        role: 'committee_member',
        duty: 'organization',
        from: '2024-06-01',
        to: null,
      },
      { person: 'b3', org: 'B', role: 'committee_member', duty: 'propaganda', from: '2024-06-01', to: null },
      { person: 'b4', org: 'B', role: 'committee_member', duty: 'discipline', from: '2024-06-01', to: null },
      { person: 'c1', org: 'C', role: 'secretary', duty: null, from: '2025-03-01', to: null },
    ],
    elections: [
      { org: 'U', held_on: '2022-06-01', kind: 'regular', term_years: 5 },
      { org: 'A', held_on: '2024-06-01', kind: 'regular', term_years: 3 },
      { org: 'B', held_on: '2024-06-01', kind: 'regular', term_years: 3 },
      { org: 'C', held_on: '2022-03-01', kind: 'regular', term_years: 3 },
    ],
  };
}

describe('zhibu check (standards engine on imported data)', () => {
  it('produces exactly the contract shape, with the findings the rules call for', async () => {
    const ctx = await createTestContext();
    try {
      const r = await importDataset(ctx.deps, SYSTEM_ACTOR, dataset());
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
      await importDataset(ctx.deps, SYSTEM_ACTOR, dataset());
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
      await importDataset(ctx.deps, SYSTEM_ACTOR, dataset());
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
