import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { type Session, type World, buildWorld, call, insertPerson, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('standard parameter overrides (per subtree, with a reason, audited)', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
    for (let i = 0; i < 4; i++) await insertPerson(ctx.deps, { orgId: w.orgs.A.id, name: `党员${i}` });
  });
  afterAll(() => ctx.close());

  const sizeFindings = async () =>
    (await evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: w.orgs.U.code })).findings.filter(
      (f) => f.ruleId === 'ORG-006',
    );

  it('shows the pack value and source when nothing is overridden', async () => {
    const res = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.A.id}/parameters`)).json();
    expect(res.packId).toBe('national-baseline');
    expect(res.items.find((i: { key: string }) => i.key === 'org.branch.maxMembers')).toMatchObject({
      value: 50,
      override: null,
    });
  });

  it('refuses an override without a reason, with a wrong type, or from a branch officer', async () => {
    const noReason = await call(
      ctx,
      admin,
      'PUT',
      `/api/orgs/${w.orgs.G.id}/parameters/org.branch.maxMembers`,
      { value: 5, reason: '短' },
    );
    expect(noReason.statusCode).toBe(400);
    const badType = await call(
      ctx,
      admin,
      'PUT',
      `/api/orgs/${w.orgs.G.id}/parameters/org.branch.maxMembers`,
      { value: '五', reason: '从严掌握支部规模' },
    );
    expect(badType.statusCode).toBe(400);
    expect(badType.json().details[0].path).toBe('value');
    const officer = await loginAs(ctx, w.users.officerA);
    const own = await call(ctx, officer, 'PUT', `/api/orgs/${w.orgs.A.id}/parameters/org.branch.maxMembers`, {
      value: 500,
      reason: '放宽本支部规模',
    });
    expect(own.statusCode).toBe(403);
  });

  it('applies to the whole subtree, is cited with its reason next to the pack value, and is audited', async () => {
    expect(await sizeFindings()).toEqual([]);
    const res = await call(ctx, admin, 'PUT', `/api/orgs/${w.orgs.G.id}/parameters/org.branch.maxMembers`, {
      value: 5,
      reason: '学院党总支从严掌握支部规模',
    });
    expect(res.statusCode).toBe(200);
    const inA = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.A.id}/parameters`))
      .json()
      .items.find((i: { key: string }) => i.key === 'org.branch.maxMembers');
    expect(inA).toMatchObject({
      value: 5,
      packValue: 50,
      override: { orgName: '文学院党总支', reason: '学院党总支从严掌握支部规模' },
    });
    const found = await sizeFindings();
    expect(found.map((f) => f.orgCode)).toEqual([w.orgs.A.code]);
    expect(found[0].sourceRef).toContain('学院党总支从严掌握支部规模');
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('entityId', '=', w.orgs.G.id)
      .where('action', '=', 'override_parameter')
      .execute();
    expect(audit).toHaveLength(1);
    const removed = await call(
      ctx,
      admin,
      'DELETE',
      `/api/orgs/${w.orgs.G.id}/parameters/org.branch.maxMembers`,
      { reason: '恢复标准包规定值' },
    );
    expect(removed.statusCode).toBe(200);
    expect(await sizeFindings()).toEqual([]);
  });

  it('shows an override of a registered setting the pack leaves at its default (edu.hoursPerDay), and removes it', async () => {
    const path = `/api/orgs/${w.orgs.G.id}/parameters/edu.hoursPerDay`;
    const before = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.A.id}/parameters`)).json();
    expect(before.items.map((i: { key: string }) => i.key)).not.toContain('edu.hoursPerDay');
    const res = await call(ctx, admin, 'PUT', path, { value: 6, reason: '学院规定每日最多计6学时' });
    expect(res.statusCode).toBe(200);
    const inA = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.A.id}/parameters`))
      .json()
      .items.find((i: { key: string }) => i.key === 'edu.hoursPerDay');
    expect(inA).toMatchObject({
      value: 6,
      packValue: 8,
      override: { orgName: '文学院党总支', reason: '学院规定每日最多计6学时' },
    });
    expect((await call(ctx, admin, 'DELETE', path, { reason: '恢复标准包规定值' })).statusCode).toBe(200);
    const after = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.A.id}/parameters`)).json();
    expect(after.items.map((i: { key: string }) => i.key)).not.toContain('edu.hoursPerDay');
  });
});
