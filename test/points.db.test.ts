import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { type Session, type World, buildWorld, call, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

// clock: 2026-11-24T02:00Z
describe('points (EDU-007): catalog, entries with approval, tally with caps, publication, ranking', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  let officerA: Session;
  let officerB: Session;
  let memberA: Session;
  let capped: string;
  let approval: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
    officerA = await loginAs(ctx, w.users.officerA);
    officerB = await loginAs(ctx, w.users.officerB);
    memberA = await loginAs(ctx, w.users.memberA);
    const item = (body: object) => call(ctx, admin, 'POST', `/api/orgs/${w.orgs.G.id}/points-items`, body);
    capped = (await item({ code: 'STUDY', name: '参加集中学习', points: 3, capPerMonth: 5 })).json().id;
    approval = (await item({ code: 'VOL', name: '志愿服务', points: 4, needsApproval: true })).json().id;
  });
  afterAll(() => ctx.close());

  it('only org admins maintain the catalog; duplicate codes are a conflict naming the field', async () => {
    const body = { code: 'X1', name: '测试', points: 1 };
    expect(
      (await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/points-items`, body)).statusCode,
    ).toBe(403);
    const dup = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.G.id}/points-items`, {
      ...body,
      code: 'STUDY',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('STUDY');
    const list = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/points-items`)).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(['STUDY', 'VOL']);
    expect(list.canManage).toBe(false);
  });

  it('tallies monthly with the cap; a pending entry counts only once approved; own claims cannot be self-approved', async () => {
    const entry = (s: Session, person: string, itemId: string, date: string) =>
      call(ctx, s, 'POST', `/api/people/${person}/points`, { itemId, date });
    expect((await entry(officerA, w.people.mA, capped, '2025-01-05')).json().status).toBe('approved');
    await entry(officerA, w.people.mA, capped, '2025-01-20');
    const pending = (await entry(officerA, w.people.mA, approval, '2025-02-01')).json();
    expect(pending.status).toBe('pending');
    const claim = await entry(memberA, w.people.mA, capped, '2025-03-01');
    expect(claim.json().status).toBe('pending');
    expect((await entry(officerB, w.people.mA, capped, '2025-03-02')).statusCode).toBe(403);
    let mine = (await call(ctx, memberA, 'GET', `/api/people/${w.people.mA}/points?year=2025`)).json();
    expect(mine.months).toEqual({ '2025-01': 5 });
    const decide = (s: Session, id: string, body: object) =>
      call(ctx, s, 'POST', `/api/points-entries/${id}/decision`, body);
    expect((await decide(officerA, pending.id, { version: 1, action: 'reject' })).statusCode).toBe(422);
    expect((await decide(officerB, pending.id, { version: 1, action: 'approve' })).statusCode).toBe(403);
    expect((await decide(officerA, pending.id, { version: 1, action: 'approve' })).json().status).toBe(
      'approved',
    );
    expect((await decide(officerA, pending.id, { version: 2, action: 'approve' })).statusCode).toBe(422);
    mine = (await call(ctx, memberA, 'GET', `/api/people/${w.people.mA}/points?year=2025`)).json();
    expect(mine).toMatchObject({ months: { '2025-01': 5, '2025-02': 4 }, total: 9 });
    expect(
      (
        await decide(officerA, claim.json().id, { version: 1, action: 'reject', reason: '无佐证材料' })
      ).json(),
    ).toMatchObject({
      status: 'rejected',
      reason: '无佐证材料',
    });
  });

  it('ranks the branch for the year with quarterly totals and lists pending claims for officers', async () => {
    await call(ctx, officerA, 'POST', `/api/people/${w.people.sA}/points`, {
      itemId: approval,
      date: '2025-12-31',
    });
    const org = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/points?year=2025`)).json();
    expect(
      org.ranking.map((r: { personId: string; rank: number; total: number }) => [
        r.personId,
        r.rank,
        r.total,
      ]),
    ).toEqual([
      [w.people.mA, 1, 9],
      [w.people.sA, 2, 0],
    ]);
    expect(org.ranking[0].quarters).toEqual({ '2025-Q1': 9 });
    expect(org.pending.map((p: { personId: string }) => p.personId)).toEqual([w.people.sA]);
    expect((await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.A.id}/points?year=2025`)).statusCode).toBe(
      403,
    );
  });

  it('publishes an ended quarter once; the current quarter is refused; EDU-007 then passes for it', async () => {
    const pub = (quarter: string) =>
      call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/points/publications`, { quarter });
    const first = await pub('2025-Q1');
    expect(first.statusCode).toBe(201);
    expect(first.json().rows[0]).toMatchObject({ personId: w.people.mA, points: 9 });
    expect((await pub('2025-Q1')).statusCode).toBe(422);
    expect((await pub('2026-Q4')).json()).toMatchObject({ code: 'quarter_not_ended' });
    const { findings } = await evaluateCompliance(ctx.deps, {
      asOf: '2026-11-24',
      orgCode: w.orgs.A.code,
      packId: 'nwnu-2019-standardization',
    });
    const periods = findings.filter((f) => f.ruleId === 'EDU-007').map((f) => `${f.period}:${f.severity}`);
    expect(periods).not.toContain('2025-Q1:violation');
    expect(periods).toContain('2025-Q2:violation');
    expect(periods).toContain('2026-Q4:info');
  });
});
