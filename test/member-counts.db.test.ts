import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { moveOrg } from '../src/services/org/org-write.service.ts';
import { changeStatus } from '../src/services/people/person-write.service.ts';
import { smallUniversity } from './datasets.ts';
import { ADMIN_SCOPE, buildWorld, insertPerson, versionOf, type World } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/** The maintained counters (non-zero rows) and the same counts computed from membership now. */
async function countersVsRecount(ctx: TestContext) {
  const kept = await sql<{ path: string; status: string; n: number }>`
    select subtree_path as path, status, n from subtree_member_count where n <> 0 order by 1, 2`.execute(
    ctx.deps.db,
  );
  // every org path and each of its ancestors' ('/1/2s/' counts for '/', '/1/', '/1/2s/')
  const recount = await sql<{ path: string; status: string; n: number }>`
    select x as path, status, count(*)::int as n from membership m
      cross join lateral (select left(m.org_path, g) as x from generate_series(1, length(m.org_path)) g
        where substr(m.org_path, g, 1) = '/') p
    where valid_to is null group by 1, 2 order by 1, 2`.execute(ctx.deps.db);
  return { kept: kept.rows, recount: recount.rows };
}

/** The kept count of one org's subtree (by its current path) and status. */
async function kept(ctx: TestContext, orgId: string, status: string) {
  const row = await sql<{ n: number }>`
    select c.n from subtree_member_count c join org o on o.path = c.subtree_path
    where o.id = ${orgId} and c.status = ${status}`.execute(ctx.deps.db);
  return row.rows[0]?.n ?? 0;
}

describe('subtree_member_count: current members per subtree and status, kept by triggers on membership', () => {
  let ctx: TestContext;
  let w: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  it('counts the people created through the service', async () => {
    const { kept: counted, recount } = await countersVsRecount(ctx);
    expect(counted).toEqual(recount);
    expect(await kept(ctx, w.orgs.A.id, 'full')).toBe(2);
  });

  it('follows a status change and a transfer (closed row leaves the count, the new row joins)', async () => {
    await changeStatus(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.people.mA, {
      version: await versionOf(ctx.deps, 'person', w.people.mA),
      status: 'full',
      orgId: w.orgs.B.id,
      from: '2026-01-05',
    });
    const { kept: counted, recount } = await countersVsRecount(ctx);
    expect(counted).toEqual(recount);
    expect(await kept(ctx, w.orgs.A.id, 'full')).toBe(1);
    expect(await kept(ctx, w.orgs.B.id, 'full')).toBe(2);
    // the parent 党总支 G counts both branches: 1 + 2 full members (+ the secretary row is A's)
    expect(await kept(ctx, w.orgs.G.id, 'full')).toBe(3);
  });

  it('follows an org move: the old parent loses its members, the new parent gains them', async () => {
    const [g0, c0, b0] = [
      await kept(ctx, w.orgs.G.id, 'full'),
      await kept(ctx, w.orgs.C2.id, 'full'),
      await kept(ctx, w.orgs.B.id, 'full'),
    ];
    await moveOrg(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.orgs.B.id, {
      version: await versionOf(ctx.deps, 'org', w.orgs.B.id),
      parentId: w.orgs.C2.id,
    });
    const after = await countersVsRecount(ctx);
    expect(after.kept).toEqual(after.recount);
    expect(await kept(ctx, w.orgs.B.id, 'full')).toBe(b0);
    expect(await kept(ctx, w.orgs.G.id, 'full')).toBe(g0 - b0);
    expect(await kept(ctx, w.orgs.C2.id, 'full')).toBe(c0 + b0);
  });

  it('counts a bulk import in one statement and a delete', async () => {
    const report = await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity());
    expect(report.written).toBe(true);
    await insertPerson(ctx.deps, { orgId: w.orgs.X.id, status: 'probationary' });
    let { kept: counted, recount } = await countersVsRecount(ctx);
    expect(counted).toEqual(recount);
    await ctx.deps.db.deleteFrom('membership').where('orgId', '=', w.orgs.X.id).execute();
    ({ kept: counted, recount } = await countersVsRecount(ctx));
    expect(counted).toEqual(recount);
    expect(await kept(ctx, w.orgs.X.id, 'full')).toBe(0);
  });

  it('rolls back with the transaction that wrote the rows', async () => {
    const before = await countersVsRecount(ctx);
    await expect(
      ctx.deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('membership')
          .set({ validTo: '2026-02-01' })
          .where('orgId', '=', w.orgs.A.id)
          .execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await countersVsRecount(ctx)).toEqual(before);
  });
});
