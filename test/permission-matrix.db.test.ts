import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertOrg, insertPerson, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';
import { ROSTER_XLSX_EMPTY, multipartXlsx } from './xlsx.ts';

/**
 * The permission matrix: every registered /api route × {anonymous, member on someone else,
 * branch officer of A on B's data, org admin of another subtree, auditor writing} is refused, and
 * the rightful caller succeeds. A route without an entry here fails the suite.
 */
type Req = { method: string; url: string; payload?: unknown; headers?: Record<string, string> };
type Who = 'admin' | 'officerA' | 'officerB' | 'memberA' | 'orgAdminC2' | 'auditorU';
type Entry =
  /** No session needed. */
  | { kind: 'public'; request: (w: World) => Promise<Req> | Req }
  /** Any signed-in user acts on their own session/account; anonymous is refused. */
  | { kind: 'self'; request: (w: World) => Promise<Req> | Req }
  /** Targets data in branch B's subtree (foreign to officerA, memberA, orgAdminC2). */
  | { kind: 'scoped'; write: boolean; rightful: Who; ok: number; request: (w: World) => Promise<Req> | Req }
  /** Lists: foreign callers get results without B's data. */
  | {
      kind: 'list';
      request: (w: World) => Promise<Req> | Req;
      excludes: (w: World, body: string) => boolean;
    };

const v1 = { version: 1 };
const freshGroupUnderB = async (ctx: TestContext, w: World) =>
  insertOrg(ctx.deps, { parentId: w.orgs.B.id, kind: 'group', name: '第一党小组' });

const meetingBody = () => ({
  tags: ['theme_day'],
  topic: '主题党日',
  heldAt: '2026-11-20T15:00:00+08:00',
  endedAt: '2026-11-20T16:30:00+08:00',
  place: '党员活动室',
  expected: 0,
  agenda: [{ title: '学习' }],
  minutes: '……',
});

const matrix = (ctx: TestContext): Record<string, Entry> => {
  const meetingInB = async (w: World): Promise<string> =>
    (
      await ctx.app.inject({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/meetings`,
        headers: adminHeaders,
        payload: { ...meetingBody(), hostId: w.people.mB, recorderId: w.people.mB },
      })
    ).json().id;
  /** A meeting in B moved by the admin through `steps` of the workflow (submit, then lock). */
  const meetingInBAfter = async (w: World, steps: ('submit' | 'lock')[]): Promise<string> => {
    const id = await meetingInB(w);
    for (const [i, step] of steps.entries()) {
      const url = `/api/meetings/${id}/${step === 'submit' ? 'submit' : 'review'}`;
      const payload = step === 'submit' ? { version: i + 1 } : { version: i + 1, action: 'lock' };
      await ctx.app.inject({ method: 'POST', url, headers: adminHeaders, payload });
    }
    return id;
  };
  return {
    'GET /api/health': { kind: 'public', request: () => ({ method: 'GET', url: '/api/health' }) },
    'GET /api/auth/demo-accounts': {
      kind: 'public',
      request: () => ({ method: 'GET', url: '/api/auth/demo-accounts' }),
    },
    'POST /api/auth/login': {
      kind: 'public',
      request: (w) => ({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: w.users.officerB, password: 'wrong' },
      }),
    },
    'POST /api/auth/logout': { kind: 'self', request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
    'GET /api/auth/me': { kind: 'self', request: () => ({ method: 'GET', url: '/api/auth/me' }) },
    'POST /api/auth/password': {
      kind: 'self',
      request: () => ({
        method: 'POST',
        url: '/api/auth/password',
        payload: { oldPassword: 'not-it', newPassword: 'Another1pass' },
      }),
    },
    'GET /api/orgs/roots': {
      kind: 'list',
      request: () => ({ method: 'GET', url: '/api/orgs/roots' }),
      excludes: (w, b) => !b.includes(`"id":"${w.orgs.B.id}"`) && !b.includes(`"id":"${w.orgs.U.id}"`),
    },
    'GET /api/orgs/search': {
      kind: 'list',
      request: () => ({ method: 'GET', url: `/api/orgs/search?q=${encodeURIComponent('第二党支部')}` }),
      excludes: (w, b) => !b.includes(w.orgs.B.id),
    },
    'GET /api/orgs/:id': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}` }),
    },
    'GET /api/orgs/:id/children': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/children` }),
    },
    'POST /api/orgs': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: '/api/orgs',
        payload: {
          parentId: w.orgs.B.id,
          code: `g${Math.random().toString(36).slice(2, 8)}`,
          name: '第二党小组',
          kind: 'group',
        },
      }),
    },
    'PATCH /api/orgs/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/orgs/${(await freshGroupUnderB(ctx, w)).id}`,
        payload: { ...v1, name: '改名后的党小组' },
      }),
    },
    'POST /api/orgs/:id/move': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/orgs/${(await insertOrg(ctx.deps, { parentId: w.orgs.G.id, kind: 'branch' })).id}/move`,
        payload: { ...v1, parentId: w.orgs.U.id },
      }),
    },
    'POST /api/orgs/:id/dissolve': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/orgs/${(await freshGroupUnderB(ctx, w)).id}/dissolve`,
        payload: { ...v1, dissolvedOn: '2026-11-01' },
      }),
    },
    'GET /api/orgs/:id/changes': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/changes` }),
    },
    'POST /api/orgs/:id/changes': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/changes`,
        payload: { kind: 'rename', appliedOn: '2026-01-05', decidedOn: '2026-01-20' },
      }),
    },
    'GET /api/orgs/:id/elections': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/elections` }),
    },
    'POST /api/orgs/:id/elections': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/elections`,
        payload: { heldOn: '2025-06-01', kind: 'regular', termYears: 3 },
      }),
    },
    'GET /api/orgs/:id/parameters': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/parameters` }),
    },
    'PUT /api/orgs/:id/parameters/:key': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: (w) => ({
        method: 'PUT',
        url: `/api/orgs/${w.orgs.B.id}/parameters/org.branch.maxMembers`,
        payload: { value: 40, reason: '本校支部规模从严掌握' },
      }),
    },
    'DELETE /api/orgs/:id/parameters/:key': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: async (w) => {
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/orgs/${w.orgs.B.id}/parameters/org.jointBranch.maxUnits`,
          headers: adminHeaders,
          payload: { value: 4, reason: '本校联合支部覆盖单位从严' },
        });
        return {
          method: 'DELETE',
          url: `/api/orgs/${w.orgs.B.id}/parameters/org.jointBranch.maxUnits`,
          payload: { reason: '恢复标准包规定值' },
        };
      },
    },
    'GET /api/orgs/:id/meetings': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/meetings` }),
    },
    'GET /api/orgs/:id/meetings/roster': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/meetings/roster?date=2026-11-01` }),
    },
    'POST /api/orgs/:id/meetings': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({ method: 'POST', url: `/api/orgs/${w.orgs.B.id}/meetings`, payload: meetingBody() }),
    },
    'GET /api/meetings/:id': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({ method: 'GET', url: `/api/meetings/${await meetingInB(w)}` }),
    },
    'PATCH /api/meetings/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/meetings/${await meetingInB(w)}`,
        payload: { version: 1, minutes: '补充' },
      }),
    },
    'POST /api/meetings/:id/submit': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/meetings/${await meetingInB(w)}/submit`,
        payload: { version: 1 },
      }),
    },
    'POST /api/meetings/:id/review': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/meetings/${await meetingInBAfter(w, ['submit'])}/review`,
        payload: { version: 2, action: 'lock' },
      }),
    },
    'POST /api/meetings/:id/revisions': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/meetings/${await meetingInBAfter(w, ['submit', 'lock'])}/revisions`,
        payload: { version: 3, minutes: '更正', reason: '按签到表更正笔误' },
      }),
    },
    'GET /api/orgs/:id/positions': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/orgs/${w.orgs.B.id}/positions` }),
    },
    'POST /api/orgs/:id/positions': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/positions`,
        payload: {
          personId: w.people.mB,
          role: 'committee_member',
          duty: 'propaganda',
          validFrom: '2025-06-01',
        },
      }),
    },
    'POST /api/positions/:id/end': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => {
        const res = await ctx.app.inject({
          method: 'POST',
          url: `/api/orgs/${w.orgs.B.id}/positions`,
          headers: adminHeaders,
          payload: { personId: w.people.mB, role: 'secretary', validFrom: '2025-06-01' },
        });
        return {
          method: 'POST',
          url: `/api/positions/${res.json().id}/end`,
          payload: { ...v1, validTo: '2026-06-01' },
        };
      },
    },
    'GET /api/people': {
      kind: 'list',
      request: () => ({ method: 'GET', url: '/api/people?pageSize=200' }),
      excludes: (w, b) => !b.includes(w.people.mB),
    },
    'GET /api/people/export.xlsx': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/people/export.xlsx?orgId=${w.orgs.B.id}` }),
    },
    'GET /api/people/:id': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/people/${w.people.mB}` }),
    },
    'GET /api/people/:id/id-number': {
      kind: 'scoped',
      write: false,
      rightful: 'admin',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/people/${w.people.mB}/id-number` }),
    },
    'POST /api/people': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: '/api/people',
        payload: { name: '新党员', orgId: w.orgs.B.id, status: 'applicant', statusFrom: '2026-03-01' },
      }),
    },
    'PATCH /api/people/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/people/${await insertPerson(ctx.deps, { orgId: w.orgs.B.id })}`,
        payload: { ...v1, phone: '13900000000' },
      }),
    },
    'POST /api/people/:id/status': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/people/${await insertPerson(ctx.deps, { orgId: w.orgs.B.id, status: 'applicant', statusFrom: '2025-01-01' })}/status`,
        payload: { ...v1, status: 'activist', from: '2025-09-01' },
      }),
    },
    'GET /api/import/roster-template.xlsx': {
      kind: 'self',
      request: () => ({ method: 'GET', url: '/api/import/roster-template.xlsx' }),
    },
    'POST /api/import/roster': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/import/roster?orgId=${w.orgs.B.id}&dryRun=true`,
        ...(await multipartXlsx(ROSTER_XLSX_EMPTY)),
      }),
    },
    'GET /api/standards/packs': {
      kind: 'self',
      request: () => ({ method: 'GET', url: '/api/standards/packs' }),
    },
    'GET /api/standards/packs/:id': {
      kind: 'self',
      request: () => ({ method: 'GET', url: '/api/standards/packs/national-baseline' }),
    },
    'GET /api/compliance/findings': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/compliance/findings?orgId=${w.orgs.B.id}` }),
    },
    'GET /api/compliance/findings.xlsx': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/compliance/findings.xlsx?orgId=${w.orgs.B.id}` }),
    },
    'GET /api/compliance/scorecard/:orgId': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/compliance/scorecard/${w.orgs.B.id}` }),
    },
    'GET /api/compliance/dashboard': {
      kind: 'scoped',
      write: false,
      rightful: 'officerB',
      ok: 200,
      request: (w) => ({ method: 'GET', url: `/api/compliance/dashboard?orgId=${w.orgs.B.id}` }),
    },
    'GET /api/audit': {
      kind: 'list',
      request: () => ({ method: 'GET', url: '/api/audit?pageSize=200' }),
      excludes: (w, b) => !b.includes(w.people.mB),
    },
  };
};

let adminHeaders: Record<string, string> = {};

describe('permission matrix', () => {
  let ctx: TestContext;
  let w: World;
  const sessions = {} as Record<Who, Session>;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    for (const who of Object.keys(w.users) as Who[]) sessions[who] = await loginAs(ctx, w.users[who]);
    adminHeaders = { cookie: sessions.admin.cookie, 'x-csrf-token': sessions.admin.csrf };
  });
  afterAll(() => ctx.close());

  const send = (s: Session | null, r: Req) =>
    ctx.app.inject({
      method: r.method as 'GET',
      url: r.url,
      payload: r.payload as string,
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...r.headers },
    });

  it('has an entry for every registered route', () => {
    const keys = Object.keys(matrix(ctx));
    const routes = ctx.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !keys.includes(r))).toEqual([]);
    expect(keys.filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('public routes declared public are exactly the matrix public entries', () => {
    const m = matrix(ctx);
    for (const r of ctx.app.routeTable)
      expect(r.public, `${r.method} ${r.url}`).toBe(m[`${r.method} ${r.url}`]?.kind === 'public');
  });

  it.each(Object.keys(matrix({} as TestContext)))(
    '%s refuses the wrong callers and serves the rightful one',
    async (key) => {
      const entry = matrix(ctx)[key];
      if (entry.kind === 'public') {
        const res = await send(null, await entry.request(w));
        expect(res.statusCode).toBeLessThan(500);
        return;
      }
      expect((await send(null, await entry.request(w))).statusCode, 'anonymous').toBe(401);
      if (entry.kind === 'self') {
        const res = await send(await loginAs(ctx, w.users.memberA), await entry.request(w));
        expect([200, 400]).toContain(res.statusCode);
        return;
      }
      if (entry.kind === 'list') {
        for (const who of ['memberA', 'officerA', 'orgAdminC2'] as const) {
          const res = await send(sessions[who], await entry.request(w));
          expect(res.statusCode, who).toBe(200);
          expect(entry.excludes(w, res.body), `${who} must not see B's data`).toBe(true);
        }
        const own = await send(sessions.admin, await entry.request(w));
        expect(own.statusCode).toBe(200);
        expect(entry.excludes(w, own.body), 'admin sees B').toBe(false);
        return;
      }
      const foreign: Who[] = [
        'memberA',
        'officerA',
        'orgAdminC2',
        ...(entry.write ? (['auditorU'] as Who[]) : []),
      ];
      for (const who of foreign) {
        const res = await send(sessions[who], await entry.request(w));
        expect([403, 404], `${who}: ${res.body}`).toContain(res.statusCode);
      }
      const res = await send(sessions[entry.rightful], await entry.request(w));
      expect(res.statusCode, res.body).toBe(entry.ok);
    },
  );

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${w.orgs.B.id}/elections`,
      headers: { cookie: sessions.officerB.cookie },
      payload: { heldOn: '2025-06-01', kind: 'regular', termYears: 3 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('lets an auditor read but not write in its subtree', async () => {
    expect((await call(ctx, sessions.auditorU, 'GET', `/api/people/${w.people.mB}`)).statusCode).toBe(200);
    expect(
      (
        await call(ctx, sessions.auditorU, 'PATCH', `/api/people/${w.people.mB}`, {
          ...v1,
          phone: '13900000001',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets a member read only their own record', async () => {
    expect((await call(ctx, sessions.memberA, 'GET', `/api/people/${w.people.mA}`)).statusCode).toBe(200);
    expect((await call(ctx, sessions.memberA, 'GET', `/api/people/${w.people.sA}`)).statusCode).toBe(403);
    const list = (await call(ctx, sessions.memberA, 'GET', '/api/people')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([w.people.mA]);
  });
});
