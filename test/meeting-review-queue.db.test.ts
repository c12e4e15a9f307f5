import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertUser, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('待审核: the review queue of the parent org', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  let officerB: Session;
  let reviewerG: Session;
  let orgAdminC2: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    officerB = await loginAs(ctx, w.users.officerB);
    orgAdminC2 = await loginAs(ctx, w.users.orgAdminC2);
    await insertUser(ctx.deps, 'reviewerGq', [{ role: 'org_admin', orgCode: w.orgs.G.code }]);
    reviewerG = await loginAs(ctx, 'reviewerGq');
    const record = async (s: Session, orgId: string, host: string, topic: string, submit: boolean) => {
      const m = (
        await call(ctx, s, 'POST', `/api/orgs/${orgId}/meetings`, {
          tags: ['theme_day'],
          topic,
          heldAt: '2026-11-20T15:00:00+08:00',
          endedAt: '2026-11-20T16:30:00+08:00',
          place: '党员活动室',
          hostId: host,
          recorderId: host,
          expected: 0,
          agenda: [{ title: '学习' }],
          minutes: '……',
        })
      ).json();
      if (submit) await call(ctx, s, 'POST', `/api/meetings/${m.id}/submit`, { version: 1 });
      return m.id as string;
    };
    ids.a = await record(officerA, w.orgs.A.id, w.people.sA, 'A 主题党日', true);
    ids.aHeld = await record(officerA, w.orgs.A.id, w.people.sA, 'A 未提交', false);
    ids.b = await record(officerB, w.orgs.B.id, w.people.mB, 'B 主题党日', true);
  });
  afterAll(() => ctx.close());

  const queue = (s: Session, orgId: string) =>
    call(ctx, s, 'GET', `/api/orgs/${orgId}/meetings/review-queue`);

  it("lists the submitted records of the subtree that the caller reviews, with the branch's name", async () => {
    const res = await queue(reviewerG, w.orgs.G.id);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; orgName: string; version: number }[];
    expect(items.map((i) => i.id).sort()).toEqual([ids.a, ids.b].sort());
    expect(items.find((i) => i.id === ids.a)).toMatchObject({ orgName: w.orgs.A.name, version: 2 });
  });

  it('narrows to the org asked for, and drops a record once it is reviewed', async () => {
    const onlyB = (await queue(reviewerG, w.orgs.B.id)).json().items.map((i: { id: string }) => i.id);
    expect(onlyB).toEqual([ids.b]);
    await call(ctx, reviewerG, 'POST', `/api/meetings/${ids.b}/review`, { version: 2, action: 'lock' });
    const after = (await queue(reviewerG, w.orgs.G.id)).json().items.map((i: { id: string }) => i.id);
    expect(after).toEqual([ids.a]);
  });

  it('shows a branch secretary nothing to review in the own branch (the parent reviews)', async () => {
    const res = await queue(officerA, w.orgs.A.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('refuses a caller from another subtree', async () => {
    expect([403, 404]).toContain((await queue(orgAdminC2, w.orgs.G.id)).statusCode);
    expect([403, 404]).toContain((await queue(officerB, w.orgs.A.id)).statusCode);
  });
});
