import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertUser, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('meeting records: record, submit, review, lock, revise (LIFE-015)', () => {
  let ctx: TestContext;
  let w: World;
  let secretary: Session;
  let reviewer: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    secretary = await loginAs(ctx, w.users.officerA);
    await insertUser(ctx.deps, 'reviewerG', [{ role: 'org_admin', orgCode: w.orgs.G.code }]);
    reviewer = await loginAs(ctx, 'reviewerG');
  });
  afterAll(() => ctx.close());

  // clock: 2026-11-24T02:00Z (10:00 Beijing)
  const complete = () => ({
    tags: ['committee_meeting'],
    topic: '研究11月支部工作',
    heldAt: '2026-11-23T14:30:00+08:00',
    endedAt: '2026-11-23T16:00:00+08:00',
    place: '党员活动室',
    hostId: w.people.sA,
    recorderId: w.people.mA,
    expected: 2,
    attendance: [
      { personId: w.people.sA, status: 'present' },
      { personId: w.people.mA, status: 'present' },
    ],
    agenda: [{ title: '第一议题：学习习近平总书记重要讲话精神', first_topic: true }],
    minutes: '逐项研究……',
    decisions: ['同意发展对象人选'],
  });

  it('refuses to submit an incomplete record, naming the missing elements', async () => {
    const { recorderId: _r, place: _p, ...partial } = complete();
    const created = await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, partial);
    expect(created.statusCode).toBe(201);
    expect(created.json().missing.committee_meeting).toEqual(['地点', '记录人']);
    const submit = await call(ctx, secretary, 'POST', `/api/meetings/${created.json().id}/submit`, {
      version: 1,
    });
    expect(submit.statusCode).toBe(422);
    expect(submit.json()).toMatchObject({ code: 'meeting_incomplete' });
    expect(submit.json().message).toContain('记录人');
  });

  it('keeps untouched fields on a partial edit', async () => {
    const created = (
      await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, complete())
    ).json();
    const edited = await call(ctx, secretary, 'PATCH', `/api/meetings/${created.id}`, {
      version: 1,
      minutes: '补充了发言要点',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ minutes: '补充了发言要点', present: 2, place: '党员活动室' });
    expect(edited.json().attendance).toHaveLength(2);
  });

  it('goes submitted → returned with comments → resubmitted → locked; then only a revision with a reason changes it', async () => {
    const m = (await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, complete())).json();
    expect(m).toMatchObject({ status: 'held', lateEntry: false, canReview: false });
    let r = await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/submit`, { version: 1 });
    expect(r.json().status).toBe('submitted');
    expect(
      (await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/review`, { version: 2, action: 'lock' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(ctx, reviewer, 'POST', `/api/meetings/${m.id}/review`, { version: 2, action: 'return' }))
        .statusCode,
    ).toBe(422);
    r = await call(ctx, reviewer, 'POST', `/api/meetings/${m.id}/review`, {
      version: 2,
      action: 'return',
      comment: '请补充决议表决情况',
    });
    expect(r.json()).toMatchObject({ status: 'returned', reviewComment: '请补充决议表决情况' });
    r = await call(ctx, secretary, 'PATCH', `/api/meetings/${m.id}`, {
      version: 3,
      decisions: ['同意发展对象人选（全票通过）'],
    });
    r = await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/submit`, { version: 4 });
    r = await call(ctx, reviewer, 'POST', `/api/meetings/${m.id}/review`, { version: 5, action: 'lock' });
    expect(r.json().status).toBe('reviewed');
    const locked = await call(ctx, secretary, 'PATCH', `/api/meetings/${m.id}`, {
      version: 6,
      minutes: '偷偷改',
    });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().code).toBe('meeting_locked');
    const noReason = await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/revisions`, {
      version: 6,
      minutes: '更正',
      reason: '短',
    });
    expect(noReason.statusCode).toBe(400);
    r = await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/revisions`, {
      version: 6,
      minutes: '更正：记录人笔误',
      reason: '原记录有笔误，按签到表更正',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'reviewed',
      minutes: '更正：记录人笔误',
      revisions: [{ version: 6, reason: '原记录有笔误，按签到表更正' }],
    });
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', m.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'submit',
      'review_return',
      'update',
      'submit',
      'review_lock',
      'revise',
    ]);
  });

  it('marks a record entered long after the meeting as 补录 (late entry)', async () => {
    const late = (
      await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
        ...complete(),
        heldAt: '2026-10-20T14:30:00+08:00',
        endedAt: '2026-10-20T16:00:00+08:00',
      })
    ).json();
    expect(late.lateEntry).toBe(true);
    const list = (await call(ctx, secretary, 'GET', `/api/orgs/${w.orgs.A.id}/meetings?year=2026`)).json();
    expect(list.items.find((i: { id: string }) => i.id === late.id)).toMatchObject({ lateEntry: true });
  });

  it('pre-fills attendance from the roster of that date, and refuses a future meeting', async () => {
    const roster = (
      await call(ctx, secretary, 'GET', `/api/orgs/${w.orgs.A.id}/meetings/roster?date=2026-11-23`)
    ).json();
    expect(roster.items.map((i: { personId: string }) => i.personId).sort()).toEqual(
      [w.people.sA, w.people.mA].sort(),
    );
    const future = await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
      ...complete(),
      heldAt: '2026-12-01T14:30:00+08:00',
    });
    expect(future.statusCode).toBe(422);
  });
});
