import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertUser, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/** GS1.3 (MANUAL, 0–10, evidence [document]) and GS3.7 (SEMI, meeting_record) of nwnu-2019-standardization. */
const MANUAL = 'GS1.3';
const SEMI = 'GS3.7';

describe('indicator scoring: 自评 by the branch, 考评 from above, evidence from the subtree', () => {
  let ctx: TestContext;
  let w: World;
  let evaluator: Session;
  let officerA: Session;
  let admin: Session;
  let meetingA: string;
  let meetingX: string;
  const url = (ind: string, org = () => w.orgs.A.id) => `/api/orgs/${org()}/indicators/${ind}/score`;
  const leafOf = (card: { sections: { indicators: unknown[] }[] }, id: string) => {
    type N = { id: string; children?: N[] } & Record<string, unknown>;
    const find = (ns: N[]): N | undefined => {
      for (const n of ns) {
        if (n.id === id) return n;
        const hit = n.children && find(n.children);
        if (hit) return hit;
      }
    };
    return find(card.sections.flatMap((s) => s.indicators as N[]));
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    await ctx.deps.db
      .updateTable('org')
      .set({ pack: 'nwnu-2019-standardization' })
      .where('id', '=', w.orgs.G.id)
      .execute();
    await insertUser(ctx.deps, 'evaluatorG', [{ role: 'org_admin', orgCode: w.orgs.G.code }]);
    evaluator = await loginAs(ctx, 'evaluatorG');
    officerA = await loginAs(ctx, w.users.officerA);
    admin = await loginAs(ctx, w.users.admin);
    const meeting = async (orgId: string, host: string) =>
      (
        await call(ctx, admin, 'POST', `/api/orgs/${orgId}/meetings`, {
          tags: ['org_life_meeting'],
          topic: '2026年度组织生活会',
          heldAt: '2026-11-20T15:00:00+08:00',
          endedAt: '2026-11-20T17:00:00+08:00',
          place: '党员活动室',
          hostId: host,
          recorderId: host,
          expected: 0,
          agenda: [{ title: '对照检查' }],
          minutes: '……',
        })
      ).json().id as string;
    meetingA = await meeting(w.orgs.A.id, w.people.sA);
    meetingX = await meeting(w.orgs.X.id, w.people.mX);
  });
  afterAll(() => ctx.close());

  const final = (over: Record<string, unknown> = {}) => ({
    kind: 'final',
    period: '2026',
    score: 8,
    comment: '政治文化建设扎实',
    evidence: [{ type: 'meeting', kind: 'document', ref: meetingA }],
    version: 0,
    ...over,
  });

  it('refuses a score outside the pack range (0–10), naming the field; 0 and 10 are accepted', async () => {
    for (const score of [10.5, -1]) {
      const r = await call(ctx, evaluator, 'PUT', url(MANUAL), final({ score }));
      expect(r.statusCode).toBe(400);
      expect(r.json().message).toBe('得分应在 0–10 之间');
      expect(r.json().details).toEqual([{ path: 'score', message: '得分应在 0–10 之间' }]);
    }
    const missing = await call(ctx, evaluator, 'PUT', url(MANUAL), final({ score: null }));
    expect(missing.json().message).toBe('请填写得分');
    const top = await call(ctx, evaluator, 'PUT', url('GS1.4'), final({ score: 10, evidence: [] }));
    expect(top.statusCode, top.body).toBe(200);
    const bottom = await call(
      ctx,
      evaluator,
      'PUT',
      url('GS1.4'),
      final({ score: 0, evidence: [], version: 1 }),
    );
    expect(bottom.json()).toMatchObject({ score: 0, version: 2 });
  });

  it('an evaluator above the branch records the 考评 with a meeting of the branch; the scorecard counts it', async () => {
    const before = (await call(ctx, evaluator, 'GET', `/api/compliance/scorecard/${w.orgs.A.id}`)).json();
    expect(leafOf(before, MANUAL)).toMatchObject({
      status: 'manual',
      scoring: { range: { min: 0, max: 10 }, evidenceTypes: ['document'], final: null, canFinal: true },
      points: { value: null, pending: 1 },
    });
    const r = await call(ctx, evaluator, 'PUT', url(MANUAL), final());
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      kind: 'final',
      score: 8,
      version: 1,
      scoredBy: 'evaluatorG',
      evidence: [
        { type: 'meeting', kind: 'document', ref: meetingA, title: '2026-11-20 2026年度组织生活会' },
      ],
    });
    const after = (await call(ctx, officerA, 'GET', `/api/compliance/scorecard/${w.orgs.A.id}`)).json();
    expect(leafOf(after, MANUAL)).toMatchObject({
      scoring: { final: { score: 8 }, canSelf: true, canFinal: false },
      points: { value: 80, pending: 0 },
    });
    expect(after.period).toBe('2026');
    expect(after.total.pending).toBe(before.total.pending - 1);
    expect(after.total.value).not.toBeNull();
    expect(after.sections.find((s: { own: boolean }) => !s.own).points).toBeDefined();
  });

  it('the branch itself may only self-assess; foreign and read-only callers are refused', async () => {
    const own = await call(ctx, officerA, 'PUT', url(MANUAL), final());
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('只能自评');
    const self = await call(ctx, officerA, 'PUT', url(MANUAL), final({ kind: 'self', score: 9 }));
    expect(self.statusCode, self.body).toBe(200);
    const card = (await call(ctx, officerA, 'GET', `/api/compliance/scorecard/${w.orgs.A.id}`)).json();
    expect(leafOf(card, MANUAL)).toMatchObject({
      scoring: { self: { score: 9 }, final: { score: 8 } },
      points: { value: 80 },
    });
    const c2 = await loginAs(ctx, w.users.orgAdminC2);
    expect((await call(ctx, c2, 'PUT', url(MANUAL), final({ version: 1 }))).statusCode).toBe(403);
    const auditor = await loginAs(ctx, w.users.auditorU);
    expect(
      (await call(ctx, auditor, 'PUT', url(MANUAL), final({ kind: 'self', version: 1 }))).statusCode,
    ).toBe(403);
    const member = await loginAs(ctx, w.users.memberA);
    expect(
      (await call(ctx, member, 'PUT', url(MANUAL), final({ kind: 'self', version: 1 }))).statusCode,
    ).toBe(403);
  });

  it('refuses evidence from another subtree and evidence types the indicator does not ask for', async () => {
    const foreignMeeting = await call(
      ctx,
      admin,
      'PUT',
      url(MANUAL),
      final({ evidence: [{ type: 'meeting', kind: 'document', ref: meetingX }], version: 1 }),
    );
    expect(foreignMeeting.statusCode).toBe(400);
    expect(foreignMeeting.json()).toMatchObject({
      code: 'evidence_outside_subtree',
      details: [{ path: 'evidence.0.ref' }],
    });
    const foreignPerson = await call(
      ctx,
      admin,
      'PUT',
      url(MANUAL),
      final({ evidence: [{ type: 'person', kind: 'document', ref: w.people.mX }], version: 1 }),
    );
    expect(foreignPerson.json().code).toBe('evidence_outside_subtree');
    const photo = await call(
      ctx,
      admin,
      'PUT',
      url(MANUAL),
      final({ evidence: [{ type: 'note', kind: 'photo', title: '活动照片' }], version: 1 }),
    );
    expect(photo.statusCode).toBe(400);
    expect(photo.json().message).toBe('证据第 1 项的类型应为：文件资料');
    const ok = await call(
      ctx,
      admin,
      'PUT',
      url(MANUAL),
      final({
        evidence: [
          { type: 'person', kind: 'document', ref: w.people.mA },
          { type: 'link', kind: 'document', title: '学院新闻', url: 'https://example.edu.cn/news/1' },
        ],
        version: 1,
      }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidence[0]).toMatchObject({ type: 'person', title: '李党员' });
  });

  it('refuses a stale version with 409 and audits every change with before/after', async () => {
    const stale = await call(ctx, evaluator, 'PUT', url(MANUAL), final({ score: 6, version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const recreate = await call(ctx, evaluator, 'PUT', url(MANUAL), final({ score: 6, version: 0 }));
    expect(recreate.statusCode).toBe(409);
    const ok = await call(ctx, evaluator, 'PUT', url(MANUAL), final({ score: 6, version: 2 }));
    expect(ok.json()).toMatchObject({ score: 6, version: 3 });
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'score_indicator_final')
      .where('entity', '=', 'indicator_score')
      .orderBy('seq')
      .execute();
    const mine = audit.filter((a) => (a.after as { indicatorId: string }).indicatorId === MANUAL);
    expect(
      mine.map((a) => [
        (a.before as { score: number } | null)?.score ?? null,
        (a.after as { score: number }).score,
      ]),
    ).toEqual([
      [null, 8],
      [8, 8],
      [8, 6],
    ]);
  });

  it('SEMI: the 考评 must confirm or reject; AUTO indicators cannot be scored by hand', async () => {
    const none = await call(ctx, evaluator, 'PUT', url(SEMI), final({ score: null, evidence: [] }));
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('请确认是否达到要求');
    const ranged = await call(
      ctx,
      evaluator,
      'PUT',
      url(SEMI),
      final({ score: 3, confirmed: true, evidence: [] }),
    );
    expect(ranged.json().details).toEqual([
      { path: 'score', message: expect.stringContaining('没有分值范围') },
    ]);
    const ok = await call(
      ctx,
      evaluator,
      'PUT',
      url(SEMI),
      final({ score: null, confirmed: false, evidence: [{ type: 'meeting', ref: meetingA }] }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidence[0].kind).toBe('meeting_record');
    const card = (await call(ctx, evaluator, 'GET', `/api/compliance/scorecard/${w.orgs.A.id}`)).json();
    expect(leafOf(card, SEMI)).toMatchObject({
      scoring: { final: { confirmed: false } },
      points: { value: 0 },
    });
    const auto = await call(ctx, evaluator, 'PUT', url('GS3.2'), final({ evidence: [] }));
    expect(auto.statusCode).toBe(422);
    expect(auto.json().code).toBe('indicator_automatic');
    const unknown = await call(ctx, evaluator, 'PUT', url('GS99.9'), final());
    expect(unknown.statusCode).toBe(404);
  });

  it('a MANUAL veto item declared by the 考评 vetoes the total (一票否决); undeclared it is not assumed', async () => {
    await ctx.deps.db
      .updateTable('org')
      .set({ pack: 'pds-2024-sijiang' })
      .where('id', '=', w.orgs.C2.id)
      .execute();
    const c2 = await loginAs(ctx, w.users.orgAdminC2);
    const cardX = async () => (await call(ctx, c2, 'GET', `/api/compliance/scorecard/${w.orgs.X.id}`)).json();
    const before = await cardX();
    expect(before.total).toMatchObject({ vetoed: false, vetoIds: [] });
    expect(before.veto.find((v: { id: string }) => v.id === '4B.V1').scoring).toMatchObject({
      veto: true,
      final: null,
      canFinal: true,
    });
    const veto = (over: Record<string, unknown>) =>
      call(
        ctx,
        c2,
        'PUT',
        url('4B.V1', () => w.orgs.X.id),
        final({ score: null, evidence: [], ...over }),
      );
    expect((await veto({ score: 5, confirmed: true })).statusCode).toBe(400);
    expect((await veto({ confirmed: null })).json().message).toBe('请确认是否存在该否决情形');
    expect((await veto({ confirmed: false })).statusCode).toBe(200);
    expect((await cardX()).total.vetoed).toBe(false);
    expect((await veto({ confirmed: true, comment: '年度内受到通报问责', version: 1 })).statusCode).toBe(200);
    expect((await cardX()).total).toMatchObject({ vetoed: true, vetoIds: ['4B.V1'] });
    const auto = await call(
      ctx,
      c2,
      'PUT',
      url('4B.V2', () => w.orgs.X.id),
      final({ score: null, confirmed: true, evidence: [] }),
    );
    expect(auto.json().code).toBe('indicator_automatic');
  });
});
