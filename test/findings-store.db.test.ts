import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightlyRefresh, refreshFindings } from '../src/services/compliance/refresh.ts';
import { type Session, type World, buildWorld, call, insertPerson, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('stored findings: incremental refresh and the nightly run', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
  });
  afterAll(() => ctx.close());

  const stored = async (orgId: string) =>
    (
      await ctx.deps.db
        .selectFrom('finding')
        .select(['ruleId', 'severity'])
        .where('orgId', '=', orgId)
        .execute()
    )
      .map((f) => f.ruleId)
      .sort();

  it('a full run stores every finding and records the run', async () => {
    const r = await refreshFindings(ctx.deps);
    expect(r?.findings).toBeGreaterThan(0);
    const runs = await ctx.deps.db.selectFrom('complianceRun').selectAll().execute();
    expect(runs.at(-1)).toMatchObject({ kind: 'full', rootPath: '/', findingCount: r?.findings });
    // branch B has one full member: ORG-003 (fewer than 3) and ORG-008 (no secretary)
    expect(await stored(w.orgs.B.id)).toEqual(expect.arrayContaining(['ORG-003', 'ORG-008']));
  });

  it('a write refreshes the touched branch only (incremental)', async () => {
    expect(await stored(w.orgs.A.id)).toContain('ORG-003');
    await insertPerson(ctx.deps, { orgId: w.orgs.A.id, name: '第三名党员' });
    expect(await stored(w.orgs.A.id)).not.toContain('ORG-003');
    const res = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.A.id}/positions`, {
      personId: w.people.sA,
      role: 'secretary',
      validFrom: '2025-06-01',
    });
    expect(res.statusCode).toBe(201);
    expect(await stored(w.orgs.A.id)).not.toContain('ORG-008');
    const last = await ctx.deps.db
      .selectFrom('complianceRun')
      .selectAll()
      .orderBy('startedAt', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ kind: 'incremental', rootOrgId: w.orgs.A.id });
    expect(await stored(w.orgs.B.id)).toEqual(expect.arrayContaining(['ORG-003', 'ORG-008']));
  });

  it('the nightly run adds a new year to the kept study person-years (EDU-001…003) once', async () => {
    const span = () => ctx.deps.db.selectFrom('studyPersonYearSpan').selectAll().executeTakeFirstOrThrow();
    const before = await span();
    const nextYear = new Date(`${before.throughYear + 1}-01-01T03:00:00+08:00`);
    expect(await nightlyRefresh({ ...ctx.deps, clock: () => nextYear })).toBe(true);
    expect(await span()).toEqual({ ...before, throughYear: before.throughYear + 1 });
    const added = await ctx.deps.db
      .selectFrom('studyPersonYear')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('year', '=', before.throughYear + 1)
      .executeTakeFirstOrThrow();
    expect(Number(added.n)).toBeGreaterThan(0);
    expect(await nightlyRefresh(ctx.deps)).toBe(true);
    expect(await span()).toEqual({ ...before, throughYear: before.throughYear + 1 });
  });

  it('only one nightly run proceeds while another instance holds the lock', async () => {
    if (ctx.database.kind !== 'postgres') {
      expect(await nightlyRefresh(ctx.deps)).toBe(true);
      return;
    }
    // another app server holding the nightly lock on its own connection
    const held = await ctx.deps.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(7261002)`.execute(conn);
      try {
        return await nightlyRefresh(ctx.deps);
      } finally {
        await sql`select pg_advisory_unlock(7261002)`.execute(conn);
      }
    });
    expect(held).toBe(false);
    expect(await nightlyRefresh(ctx.deps)).toBe(true);
  });
});
