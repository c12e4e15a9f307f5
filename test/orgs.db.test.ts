import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertOrg, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('org tree', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
  });
  afterAll(() => ctx.close());

  it('loads children lazily with child counts', async () => {
    const res = await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.U.id}/children`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; childCount: number }[];
    expect(items.map((i) => i.id)).toEqual([w.orgs.G.id, w.orgs.C2.id]);
    expect(items[0].childCount).toBe(2);
  });

  it('finds orgs by name and code with their ancestor names', async () => {
    const res = (
      await call(ctx, admin, 'GET', `/api/orgs/search?q=${encodeURIComponent('教工第二')}`)
    ).json();
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([w.orgs.B.id]);
    expect(res.items[0].pathNames).toEqual(['中共测试大学委员会', '文学院党总支']);
    const byCode = (await call(ctx, admin, 'GET', `/api/orgs/search?q=${w.orgs.X.code}`)).json();
    expect(byCode.items[0].id).toBe(w.orgs.X.id);
  });

  it('refuses a duplicate code and a group under a committee (ORG-001)', async () => {
    const dup = await call(ctx, admin, 'POST', '/api/orgs', {
      parentId: w.orgs.G.id,
      code: w.orgs.A.code,
      name: '重复编码支部',
      kind: 'branch',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('org_code_taken');
    const bad = await call(ctx, admin, 'POST', '/api/orgs', {
      parentId: w.orgs.U.id,
      code: 'GRP-U',
      name: '错误的党小组',
      kind: 'group',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain('ORG-001');
  });

  it('moves a subtree: paths and member paths follow, in one go; cycles refused', async () => {
    const br = await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch', name: '待调整支部' });
    const grp = await insertOrg(ctx.deps, { parentId: br.id, kind: 'group', name: '待调整党小组' });
    const cycle = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.G.id}/move`, {
      version: 1,
      parentId: br.id,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('org_move_cycle');
    const res = await call(ctx, admin, 'POST', `/api/orgs/${br.id}/move`, {
      version: 1,
      parentId: w.orgs.C2.id,
    });
    expect(res.statusCode).toBe(200);
    const rows = await ctx.deps.db
      .selectFrom('org')
      .select(['id', 'path', 'depth'])
      .where('id', 'in', [br.id, grp.id, w.orgs.C2.id])
      .execute();
    const c2 = rows.find((r) => r.id === w.orgs.C2.id)!;
    const moved = rows.find((r) => r.id === br.id)!;
    const child = rows.find((r) => r.id === grp.id)!;
    expect(moved.path.startsWith(c2.path)).toBe(true);
    expect(child.path.startsWith(moved.path)).toBe(true);
    expect(child.depth).toBe(moved.depth + 1);
  });

  it('a stale version changes nothing (409)', async () => {
    const org = await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch', name: '版本测试支部' });
    expect(
      (await call(ctx, admin, 'PATCH', `/api/orgs/${org.id}`, { version: 1, name: '第一次改名' })).statusCode,
    ).toBe(200);
    const stale = await call(ctx, admin, 'PATCH', `/api/orgs/${org.id}`, { version: 1, name: '第二次改名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const detail = (await call(ctx, admin, 'GET', `/api/orgs/${org.id}`)).json();
    expect(detail.name).toBe('第一次改名');
  });

  it('dissolves only empty orgs and keeps them (never deleted)', async () => {
    const busy = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.A.id}/dissolve`, {
      version: 1,
      dissolvedOn: '2026-10-01',
    });
    expect(busy.statusCode).toBe(422);
    expect(busy.json().code).toBe('org_not_empty');
    const empty = await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch', name: '将撤销支部' });
    const res = await call(ctx, admin, 'POST', `/api/orgs/${empty.id}/dissolve`, {
      version: 1,
      dissolvedOn: '2026-10-01',
    });
    expect(res.json().dissolvedOn).toBe('2026-10-01');
    const kids = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.G.id}/children`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(kids).not.toContain(empty.id);
    const all = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.G.id}/children?includeDissolved=true`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(all).toContain(empty.id);
  });

  it('shows term of office: overdue after the term end (ORG-014, ORG-015)', async () => {
    // clock is 2026-11-24; a 3-year term from 2023-11-24 ends on 2026-11-24 (not yet overdue), from 2023-11-23 it is overdue
    const org = await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch', name: '换届测试支部' });
    await call(ctx, admin, 'POST', `/api/orgs/${org.id}/elections`, {
      heldOn: '2023-11-24',
      kind: 'regular',
      termYears: 3,
    });
    let term = (await call(ctx, admin, 'GET', `/api/orgs/${org.id}`)).json().term;
    expect(term).toMatchObject({ termEnd: '2026-11-24', overdue: false, dueWithinDays: 0 });
    const org2 = await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch', name: '逾期换届支部' });
    await call(ctx, admin, 'POST', `/api/orgs/${org2.id}/elections`, {
      heldOn: '2023-11-23',
      kind: 'regular',
      termYears: 3,
    });
    await call(ctx, admin, 'POST', `/api/orgs/${org2.id}/elections`, {
      heldOn: '2025-05-01',
      kind: 'by_election',
      termYears: 3,
    });
    term = (await call(ctx, admin, 'GET', `/api/orgs/${org2.id}`)).json().term;
    expect(term).toMatchObject({ termEnd: '2026-11-23', overdue: true });
  });

  it('refuses an org change whose decision precedes its application (ORG-010)', async () => {
    const res = await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.A.id}/changes`, {
      kind: 'rename',
      appliedOn: '2026-03-01',
      decidedOn: '2026-02-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].path).toBe('decidedOn');
  });

  it('lists the audit trail of an org subtree (elections, positions, members), refusing a foreign org', async () => {
    await call(ctx, admin, 'POST', `/api/orgs/${w.orgs.B.id}/elections`, {
      heldOn: '2024-06-01',
      kind: 'regular',
      termYears: 3,
    });
    const res = (await call(ctx, admin, 'GET', `/api/audit?orgId=${w.orgs.G.id}&pageSize=200`)).json();
    const entities = [...new Set(res.items.map((i: { entity: string }) => i.entity))];
    expect(entities).toEqual(expect.arrayContaining(['org', 'person', 'election']));
    const officerA = await loginAs(ctx, w.users.officerA);
    expect((await call(ctx, officerA, 'GET', `/api/audit?orgId=${w.orgs.B.id}`)).statusCode).toBe(403);
  });

  it('counts members by status on the org page', async () => {
    const d = (await call(ctx, admin, 'GET', `/api/orgs/${w.orgs.G.id}`)).json();
    expect(d.subtreeCounts.full).toBeGreaterThanOrEqual(3);
    expect(d.path.map((p: { name: string }) => p.name)).toEqual(['中共测试大学委员会', '文学院党总支']);
  });
});
