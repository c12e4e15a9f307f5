import type { World } from './factories.ts';
import type { TestContext } from './server.ts';

type Req = { method: string; url: string; payload?: unknown };
type Who = 'admin' | 'officerB';
/** Permission-matrix entries of the study and points routes (all scoped to branch B's data). */
type Entry = {
  kind: 'scoped';
  write: boolean;
  rightful: Who;
  ok: number;
  request: (w: World) => Promise<Req> | Req;
};

let seq = 0;

/** The study-hours and points routes for test/permission-matrix.db.test.ts. */
export function studyMatrix(ctx: TestContext, admin: () => Record<string, string>): Record<string, Entry> {
  const asAdmin = async (method: 'POST', url: string, payload: unknown) => {
    const res = await ctx.app.inject({ method, url, headers: admin(), payload: payload as string });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const recordInB = async (w: World): Promise<string> =>
    (
      await asAdmin('POST', `/api/people/${w.people.mB}/study-records`, {
        date: '2026-10-10',
        hours: 2,
        kind: 'collective_study',
      })
    ).id;
  const itemInB = async (w: World, needsApproval = false): Promise<string> =>
    (
      await asAdmin('POST', `/api/orgs/${w.orgs.B.id}/points-items`, {
        code: `M${++seq}`,
        name: '参加志愿服务',
        points: 2,
        needsApproval,
      })
    ).id;
  const pendingInB = async (w: World): Promise<string> =>
    (
      await asAdmin('POST', `/api/people/${w.people.mB}/points`, {
        itemId: await itemInB(w, true),
        date: '2026-10-01',
      })
    ).id;
  const read = (url: (w: World) => string): Entry => ({
    kind: 'scoped',
    write: false,
    rightful: 'officerB',
    ok: 200,
    request: (w) => ({ method: 'GET', url: url(w) }),
  });
  return {
    'GET /api/people/:id/study': read((w) => `/api/people/${w.people.mB}/study?year=2026`),
    'POST /api/people/:id/study-records': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/people/${w.people.mB}/study-records`,
        payload: { date: '2026-09-01', hours: 4, kind: 'concentrated_training', title: '党支部书记培训班' },
      }),
    },
    'PATCH /api/study-records/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/study-records/${await recordInB(w)}`,
        payload: { version: 1, hours: 3 },
      }),
    },
    'DELETE /api/study-records/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'DELETE',
        url: `/api/study-records/${await recordInB(w)}`,
        payload: { version: 1 },
      }),
    },
    'GET /api/orgs/:id/study': read((w) => `/api/orgs/${w.orgs.B.id}/study?year=2026`),
    'GET /api/orgs/:id/study.xlsx': read((w) => `/api/orgs/${w.orgs.B.id}/study.xlsx?year=2026`),
    'GET /api/orgs/:id/study-credit': read((w) => `/api/orgs/${w.orgs.B.id}/study-credit`),
    'PUT /api/orgs/:id/study-credit': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: (w) => ({
        method: 'PUT',
        url: `/api/orgs/${w.orgs.B.id}/study-credit`,
        payload: {
          tags: ['study', 'party_lecture'],
          mode: 'per_meeting',
          hoursPerMeeting: 2,
          kind: 'collective_study',
        },
      }),
    },
    'GET /api/orgs/:id/points-items': read((w) => `/api/orgs/${w.orgs.B.id}/points-items`),
    'POST /api/orgs/:id/points-items': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/points-items`,
        payload: { code: `P${++seq}`, name: '学习强国积分', points: 1, capPerMonth: 10 },
      }),
    },
    'PATCH /api/points-items/:id': {
      kind: 'scoped',
      write: true,
      rightful: 'admin',
      ok: 200,
      request: async (w) => ({
        method: 'PATCH',
        url: `/api/points-items/${await itemInB(w)}`,
        payload: { version: 1, capPerYear: 40 },
      }),
    },
    'GET /api/people/:id/points': read((w) => `/api/people/${w.people.mB}/points?year=2026`),
    'POST /api/people/:id/points': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: async (w) => ({
        method: 'POST',
        url: `/api/people/${w.people.mB}/points`,
        payload: { itemId: await itemInB(w), date: '2026-10-02' },
      }),
    },
    'POST /api/points-entries/:id/decision': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 200,
      request: async (w) => ({
        method: 'POST',
        url: `/api/points-entries/${await pendingInB(w)}/decision`,
        payload: { version: 1, action: 'approve' },
      }),
    },
    'GET /api/orgs/:id/points': read((w) => `/api/orgs/${w.orgs.B.id}/points?year=2026`),
    'POST /api/orgs/:id/points/publications': {
      kind: 'scoped',
      write: true,
      rightful: 'officerB',
      ok: 201,
      request: (w) => ({
        method: 'POST',
        url: `/api/orgs/${w.orgs.B.id}/points/publications`,
        payload: { quarter: '2026-Q1' },
      }),
    },
  };
}
