import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { bucket, seedDemoPlans } from '../src/services/plans/demo-plans.ts';
import { type Session, type World, buildWorld, call, insertOrg, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

// clock: 2026-11-24T02:00Z (10:00 Beijing); national baseline: 主题党日 planned on each 3rd Friday.
describe('annual plan (LIFE-014): draft, edit, file; parent view; planned vs held', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    admin = await loginAs(ctx, w.users.admin);
  });
  afterAll(() => ctx.close());

  const life014 = async () =>
    (
      await evaluateCompliance(ctx.deps, {
        asOf: '2026-11-24',
        orgCode: w.orgs.A.code,
        packId: 'nwnu-2019-standardization',
      })
    ).findings
      .filter((f) => f.ruleId === 'LIFE-014')
      .map((f) => [f.severity, f.message]);

  it('drafts, edits and files the plan; late filing and the filing table show it', async () => {
    expect(await life014()).toEqual([
      ['violation', '2026年度计划未按期报上级党组织备案（应于2026-01-31前报备，已逾期297天）'],
    ]);
    const empty = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/plan?year=2026`)).json();
    expect(empty).toMatchObject({
      plan: null,
      dueDate: '2026-01-31',
      filingTarget: '上级党组织',
      canWrite: true,
    });

    const created = await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/plan`, { year: 2026 });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json().plan;
    expect(plan).toMatchObject({ status: 'draft', version: 1 });
    const themeDays = plan.items.filter((i: { tags: string[] }) => i.tags.includes('theme_day'));
    expect(themeDays).toHaveLength(12);
    expect(
      (await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/plan`, { year: 2026 })).json().code,
    ).toBe('plan_exists');

    const items = plan.items.map((i: Record<string, unknown>) => ({
      plannedOn: i.plannedOn,
      tags: i.tags,
      theme: i.theme,
      lecturerId: i.lecturerId,
      note: i.note,
    }));
    const bad = await call(ctx, officerA, 'PUT', `/api/plans/${plan.id}/items`, {
      version: 1,
      items: [...items, { plannedOn: '2027-01-05', tags: ['study'], theme: '集中学习' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe(`第 ${items.length + 1} 行计划日期应在2026年内`);
    expect(bad.json().details[0].path).toBe(`items.${items.length}.plannedOn`);
    const edited = await call(ctx, officerA, 'PUT', `/api/plans/${plan.id}/items`, {
      version: 1,
      items: [...items, { plannedOn: '2026-07-01', tags: ['study'], theme: '七一集中学习' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().plan).toMatchObject({ version: 2 });
    expect(edited.json().plan.items).toHaveLength(items.length + 1);
    const stale = await call(ctx, officerA, 'POST', `/api/plans/${plan.id}/file`, { version: 1 });
    expect(stale.statusCode).toBe(409);

    const filed = await call(ctx, officerA, 'POST', `/api/plans/${plan.id}/file`, { version: 2 });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().plan).toMatchObject({ status: 'filed', filedOn: '2026-11-24', version: 3 });
    const after = await call(ctx, officerA, 'PUT', `/api/plans/${plan.id}/items`, { version: 3, items });
    expect(after.statusCode).toBe(422);
    expect(after.json().code).toBe('plan_filed');
    // Drafted under the national baseline (one 党课 a year), judged under S002 (one a quarter).
    expect(await life014()).toEqual([
      ['violation', '2026年度计划于2026-11-24报备，晚于规定期限2026-01-31（逾期297天）'],
      [
        'warn',
        '2026年度计划未覆盖规定的会议频次：第一季度党课（计划0次，应至少1次）；第三季度党课（计划0次，应至少1次）；第四季度党课（计划0次，应至少1次）',
      ],
    ]);

    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'annual_plan')
      .where('entityId', '=', plan.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'file']);

    const table = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.G.id}/plans?year=2026`)).json();
    expect(table.dueDate).toBe('2026-01-31');
    expect(
      table.items.map((r: { orgId: string; status: string; onTime: boolean | null }) => [
        r.orgId,
        r.status,
        r.onTime,
      ]),
    ).toEqual([
      [w.orgs.A.id, 'filed', false],
      [w.orgs.B.id, 'none', null],
    ]);
    expect(table.items[0].itemCount).toBe(items.length + 1);
    expect((await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.G.id}/plans?year=2026`)).statusCode).toBe(
      403,
    );
  });

  it('matches held meetings to planned items by tag and month; unplanned records are listed', async () => {
    const officerB = await loginAs(ctx, w.users.officerB);
    const plan = (await call(ctx, officerB, 'POST', `/api/orgs/${w.orgs.B.id}/plan`, { year: 2026 })).json()
      .plan;
    const meeting = (tags: string[], heldAt: string) =>
      call(ctx, officerB, 'POST', `/api/orgs/${w.orgs.B.id}/meetings`, {
        tags,
        topic: '主题党日',
        heldAt,
        place: '党员活动室',
      });
    const nov = (await meeting(['theme_day'], '2026-11-20T15:00:00+08:00')).json();
    const extra = (await meeting(['study'], '2026-11-02T15:00:00+08:00')).json();
    const view = (await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.B.id}/plan?year=2026`)).json().plan;
    const themeDay = (month: string) =>
      view.items.find(
        (i: { tags: string[]; plannedOn: string }) =>
          i.tags.includes('theme_day') && i.plannedOn.startsWith(month),
      );
    expect(themeDay('2026-11')).toMatchObject({ state: 'held', meetingId: nov.id, heldOn: '2026-11-20' });
    expect(themeDay('2026-10')).toMatchObject({ state: 'missed', meetingId: null });
    expect(themeDay('2026-12')).toMatchObject({ state: 'pending' });
    expect(view.unplanned.map((u: { meetingId: string }) => u.meetingId)).toEqual([extra.id]);
    expect(plan.id).toBe(view.id);
  });
});

describe('demo annual plans (seedDemoPlans)', () => {
  /** The first code D0, D1, … whose bucket has the wanted fate. */
  const codeWith = (fate: (b: number) => boolean) => {
    for (let i = 0; ; i++) if (fate(bucket(`D${i}`))) return `D${i}`;
  };
  const fates = {
    none: codeWith((b) => b % 20 === 0),
    draft: codeWith((b) => b % 20 === 1),
    late: codeWith((b) => b % 20 > 1 && b % 10 === 2),
    onTime: codeWith((b) => b % 20 > 1 && b % 10 !== 2),
  };

  it.each([
    ['2026-11-24', { none: null, draft: 'draft', late: 'filed', onTime: 'filed' }],
    ['2026-01-04', { none: null, draft: 'draft', late: 'draft', onTime: 'draft' }],
  ] as const)('as of %s: no plan, a draft, a late and an on-time filing', async (asOf, want) => {
    const ctx = await createTestContext();
    try {
      const U = await insertOrg(ctx.deps, { parentId: null, kind: 'committee', code: 'DU' });
      const ids: Record<string, string> = {};
      for (const [fate, code] of Object.entries(fates))
        ids[fate] = (await insertOrg(ctx.deps, { parentId: U.id, kind: 'branch', code })).id;
      expect(await seedDemoPlans(ctx.deps, asOf)).toBe(3);
      const plans = await ctx.deps.db.selectFrom('annualPlan').selectAll().execute();
      const of = (fate: string) => plans.find((p) => p.orgId === ids[fate]);
      for (const [fate, status] of Object.entries(want)) expect(of(fate)?.status ?? null, fate).toBe(status);
      if (asOf === '2026-11-24') {
        expect(of('late')!.filedOn! > '2026-01-31').toBe(true);
        expect(of('onTime')!.filedOn! <= '2026-01-31').toBe(true);
      }
      const items = await ctx.deps.db.selectFrom('planItem').select('planId').execute();
      // no committee, no groups (national baseline): 4 党员大会, 12 主题党日, 1 党课, 1 组织生活会暨民主评议
      expect(items.length).toBe(3 * 18);
    } finally {
      await ctx.close();
    }
  });
});
