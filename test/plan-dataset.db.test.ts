import { describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { exportDataset } from '../src/services/dataset/dataset-export.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import type { DatasetDoc } from '../src/shared/contracts/dataset.contract.ts';
import { smallUniversity } from './datasets.ts';
import { createTestContext } from './server.ts';

const withPlans = (plans: Record<string, unknown>[]): DatasetDoc => ({
  ...smallUniversity(),
  annual_plans: plans,
});
const PLAN_A = {
  org: 'A',
  year: 2025,
  filed_on: '2025-01-20',
  items: [
    { date: '2025-03-12', tags: ['branch_assembly', 'party_lecture'], theme: '党章学习', lecturer: 'a1' },
    { date: '2025-01-08', tags: ['committee_meeting'], theme: '研究年度工作', note: '书记主持' },
  ],
};

describe('zhibu-dataset/1 annual_plans (an addition to the format; LIFE-014)', () => {
  it('imports filed plans and drafts with their items, exports them back equal (round trip)', async () => {
    const a = await createTestContext();
    const b = await createTestContext();
    try {
      const doc = withPlans([PLAN_A, { org: 'B', year: 2025, items: [] }]);
      const r = await importDataset(a.deps, SYSTEM_ACTOR, doc);
      expect(r.errors).toEqual([]);
      expect(r.counts.annual_plans).toBe(2);
      const plans = await a.deps.db
        .selectFrom('annualPlan as p')
        .innerJoin('org as o', 'o.id', 'p.orgId')
        .select(['o.code', 'p.status', 'p.filedOn'])
        .orderBy('o.code')
        .execute();
      expect(plans).toEqual([
        { code: 'A', status: 'filed', filedOn: '2025-01-20' },
        { code: 'B', status: 'draft', filedOn: null },
      ]);
      const first = await exportDataset(a.deps, SYSTEM_ACTOR);
      expect(first.annual_plans).toEqual([
        { ...PLAN_A, items: [PLAN_A.items[1], PLAN_A.items[0]] }, // items by date
        { org: 'B', year: 2025, items: [] },
      ]);
      expect((await importDataset(b.deps, SYSTEM_ACTOR, JSON.parse(JSON.stringify(first)))).errors).toEqual(
        [],
      );
      expect(await exportDataset(b.deps, SYSTEM_ACTOR)).toEqual(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('LIFE-014 sees an imported plan: filed on time → no filing violation; a draft → overdue', async () => {
    const ctx = await createTestContext();
    try {
      await importDataset(ctx.deps, SYSTEM_ACTOR, withPlans([PLAN_A, { org: 'B', year: 2025, items: [] }]));
      const e = await evaluateCompliance(ctx.deps, { asOf: '2025-12-31', packId: 'lzu-2024-sijiang' });
      const life014 = (code: string) =>
        e.findings.filter((f) => f.ruleId === 'LIFE-014' && f.orgCode === code).map((f) => f.severity);
      expect(life014('A')).not.toContain('violation');
      expect(life014('A')).toContain('warn'); // two items do not cover the year's minima
      expect(life014('B')).toEqual(['violation']);
    } finally {
      await ctx.close();
    }
  });

  it('names annual_plans[i].field for every malformed plan and writes nothing', async () => {
    const ctx = await createTestContext();
    try {
      const r = await importDataset(
        ctx.deps,
        SYSTEM_ACTOR,
        withPlans([
          { org: 'NOPE', year: 2025, items: [] },
          { ...PLAN_A, items: [{ date: '2024-12-30', tags: ['study'], theme: '跨年' }] },
          { org: 'A', year: 2025, items: [] },
          { org: 'B', year: 2025, items: [{ date: '2025-02-01', tags: ['tea_party'], theme: 'x' }] },
          {
            org: 'C',
            year: 2025,
            items: [{ date: '2025-02-01', tags: ['study'], theme: 'x', lecturer: 'zz' }],
          },
          { org: 'C', year: 2026, color: 'red' },
        ]),
      );
      expect(r.written).toBe(false);
      const at = r.errors.map((x) => [x.array, x.index, x.field]);
      expect(at).toEqual([
        ['annual_plans', 0, 'org'],
        ['annual_plans', 1, 'items.0.date'],
        ['annual_plans', 2, 'year'],
        ['annual_plans', 3, 'items.0.tags.0'],
        ['annual_plans', 4, 'items.0.lecturer'],
        ['annual_plans', 5, 'color'],
      ]);
      expect(r.errors[2].message).toContain('重复');
      expect(await ctx.deps.db.selectFrom('annualPlan').select('id').execute()).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('refuses a plan for an org and year that already has one in the database', async () => {
    const ctx = await createTestContext();
    try {
      expect((await importDataset(ctx.deps, SYSTEM_ACTOR, withPlans([PLAN_A]))).errors).toEqual([]);
      const again = await importDataset(ctx.deps, SYSTEM_ACTOR, {
        format: 'zhibu-dataset/1',
        annual_plans: [{ org: 'A', year: 2025, items: [] }],
      });
      expect(again.errors.map((x) => [x.array, x.index, x.field])).toEqual([['annual_plans', 0, 'year']]);
    } finally {
      await ctx.close();
    }
  });
});
