import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session,
  type World,
  buildWorld,
  call,
  insertPerson,
  loginAs,
} from '../../../test/factories.ts';
import { type TestContext, createTestContext } from '../../../test/server.ts';
import { evaluateCompliance } from '../compliance/evaluate.ts';

/**
 * GET /api/orgs/:id/participation and the LIFE-018 / LIFE-019 / ORG-019 checks over records entered
 * through the API (clock 2026-11-24): in branch B, 赵党员 (mB) is absent from every 主题党日 June–October
 * (5 ended months → LIFE-018 warn), 孙党员 attends all, 周党员 is on approved leave in September.
 */
describe('participation in organizational life (LIFE-018, LIFE-019)', () => {
  let ctx: TestContext;
  let w: World;
  let officerB: Session;
  let sun: string;
  let zhou: string;
  const months = ['06', '07', '08', '09', '10', '11'];
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerB = await loginAs(ctx, w.users.officerB);
    const admin = await loginAs(ctx, w.users.admin);
    sun = await insertPerson(ctx.deps, { orgId: w.orgs.B.id, name: '孙党员' });
    zhou = await insertPerson(ctx.deps, {
      orgId: w.orgs.B.id,
      name: '周党员',
      status: 'probationary',
      statusFrom: '2026-01-10',
    });
    for (const m of months) {
      const attendance = [{ personId: w.people.mB, status: 'absent', reason: '外出' }];
      if (m === '09') attendance.push({ personId: zhou, status: 'leave', reason: '病假' });
      const res = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.B.id}/meetings`, {
        tags: ['theme_day'],
        topic: `${m}月主题党日`,
        heldAt: `2026-${m}-05T15:00:00+08:00`,
        endedAt: `2026-${m}-05T16:30:00+08:00`,
        place: '党员活动室',
        hostId: sun,
        recorderId: sun,
        expected: 3,
        attendance,
        agenda: [{ title: '学习' }],
        minutes: '……',
        // ORG-019: three recorded as voters, but only two full members (周党员 is probationary)
        votes:
          m === '10'
            ? [
                {
                  motion: '审议通过党费使用计划',
                  expected_voting: 3,
                  present_voting: 2,
                  yes: 2,
                  no: 0,
                  abstain: 0,
                },
              ]
            : [],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  it('lists each member with attended / expected records of the year, rate and current streak level', async () => {
    const res = await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.B.id}/participation?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      year: 2026,
      asOf: '2026-11-24',
      target: null,
      lapseMonths: 6,
      alertMonths: [3, 5],
    });
    const row = (name: string) => body.members.find((m: { name: string }) => m.name === name);
    expect(row('赵党员')).toMatchObject({
      attended: 0,
      expected: 6,
      rate: 0,
      streakMonths: 5,
      streakFrom: '2026-06',
      streakTo: '2026-10',
      level: 'warn',
    });
    expect(row('孙党员')).toMatchObject({ attended: 6, expected: 6, rate: 1, streakMonths: 0, level: null });
    expect(row('周党员')).toMatchObject({ attended: 5, expected: 6, leave: 1, streakMonths: 0, level: null });
    expect(body.total).toEqual({ attended: 11, expected: 18, rate: 11 / 18 });
  });

  it('a past year is computed as of Dec 31; a year not yet begun is refused naming the field', async () => {
    const past = await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.B.id}/participation?year=2025`);
    expect(past.json()).toMatchObject({ asOf: '2025-12-31', total: { expected: 0, rate: null } });
    const future = await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.B.id}/participation?year=2027`);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('年份');
  });

  it("refuses a caller outside the org's subtree", async () => {
    const officerA = await loginAs(ctx, w.users.officerA);
    const res = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.B.id}/participation`);
    expect(res.statusCode).toBe(403);
    const c2 = await loginAs(ctx, w.users.orgAdminC2);
    expect((await call(ctx, c2, 'GET', `/api/orgs/${w.orgs.B.id}/participation`)).statusCode).toBe(403);
  });

  it('the compliance run reports the streak (LIFE-018), the rate once a target is set (LIFE-019) and ORG-019', async () => {
    const run = async (packId?: string) =>
      (await evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: w.orgs.B.code, packId })).findings;
    const base = await run();
    expect(
      base.filter((f) => f.ruleId === 'LIFE-018').map((f) => [f.personId, f.severity, f.period]),
    ).toEqual([[w.people.mB, 'warn', '2026-10']]);
    expect(base.filter((f) => f.ruleId === 'ORG-019').map((f) => f.evidence)).toMatchObject([
      { expectedVoting: 3, fullMembers: 2 },
    ]);
    // LIFE-019 is scored by the S004 pack; no source gives a target, so none until an org sets one
    expect((await run('zibo-2017-guoying')).filter((f) => f.ruleId === 'LIFE-019')).toEqual([]);
    const admin = await loginAs(ctx, w.users.admin);
    const set = await call(
      ctx,
      admin,
      'PUT',
      `/api/orgs/${w.orgs.G.id}/parameters/life.participation.target`,
      {
        value: 0.8,
        reason: '党总支要求参与率不低于80%',
      },
    );
    expect(set.statusCode, set.body).toBe(200);
    const rates = (await run('zibo-2017-guoying')).filter((f) => f.ruleId === 'LIFE-019');
    expect(rates.map((f) => [f.personId, f.severity, f.evidence.attended, f.evidence.expected])).toEqual([
      [null, 'info', 11, 18],
      [w.people.mB, 'info', 0, 6],
    ]);
    const res = await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.B.id}/participation`);
    expect(res.json().target).toBe(0.8);
  });
});
