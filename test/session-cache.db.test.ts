import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { moveOrg } from '../src/services/org/org-write.service.ts';
import { ADMIN_SCOPE, type World, buildWorld, call, loginAs, versionOf } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/**
 * Sessions are cached per process for a few seconds; every change to sessions, users, grants or org
 * paths — by this process or by any other writer (here: plain SQL, as another instance or the CLI
 * would) — must take effect on the next request (notices are asynchronous on PostgreSQL: waitFor).
 */
describe('session cache invalidation (a change to who the caller is applies at once)', () => {
  let ctx: TestContext;
  let w: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  it('a user disabled by another writer is refused on the next request', async () => {
    const s = await loginAs(ctx, w.users.officerB);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(200); // served from the cache
    await sql`update app_user set disabled = true where username = ${w.users.officerB}`.execute(ctx.deps.db);
    await vi.waitFor(async () => expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(401));
    await sql`update app_user set disabled = false where username = ${w.users.officerB}`.execute(ctx.deps.db);
  });

  it('a grant removed by another writer narrows the scope on the next request', async () => {
    const s = await loginAs(ctx, w.users.orgAdminC2);
    expect((await call(ctx, s, 'GET', `/api/people/${w.people.mX}`)).statusCode).toBe(200);
    await sql`delete from user_grant where user_id = (select id from app_user where username = ${w.users.orgAdminC2})`.execute(
      ctx.deps.db,
    );
    await vi.waitFor(async () =>
      expect((await call(ctx, s, 'GET', `/api/people/${w.people.mX}`)).statusCode).toBe(403),
    );
  });

  it('a logged-out session is refused at once, and an org move re-scopes an officer at once', async () => {
    const s = await loginAs(ctx, w.users.memberA);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(ctx, s, 'POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await call(ctx, s, 'GET', '/api/auth/me')).statusCode).toBe(401);

    // the officer's scope is A's path: after A moves, a stale cached scope would refuse A's own member
    const officer = await loginAs(ctx, w.users.officerA);
    expect((await call(ctx, officer, 'GET', `/api/people/${w.people.mA}`)).statusCode).toBe(200);
    await moveOrg(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.orgs.A.id, {
      version: await versionOf(ctx.deps, 'org', w.orgs.A.id),
      parentId: w.orgs.C2.id,
    });
    expect((await call(ctx, officer, 'GET', `/api/people/${w.people.mA}`)).statusCode).toBe(200);
    expect((await call(ctx, officer, 'GET', `/api/people/${w.people.mB}`)).statusCode).toBe(403);
  });
});
