import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/services/infra/ids.ts';
import { type Session, type World, buildWorld, call, insertUser, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

// clock: 2026-11-24T02:00Z (10:00 Beijing)
describe('calendar, ICS feed and 待办', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  let memberA: Session;
  let reviewerG: Session;
  const ids = {} as Record<
    | 'aHeld'
    | 'aImported'
    | 'aSubmitted'
    | 'aReturned'
    | 'aPlannedPast'
    | 'aUpcoming'
    | 'bHeld'
    | 'bUpcoming'
    | 'bAttended',
    string
  >;

  const record = (over: Record<string, unknown> = {}) => ({
    tags: ['committee_meeting'],
    topic: '研究11月支部工作',
    heldAt: '2026-11-10T14:30:00+08:00',
    endedAt: '2026-11-10T16:00:00+08:00',
    place: '党员活动室, 301; 东楼',
    hostId: w.people.sA,
    recorderId: w.people.mA,
    expected: 2,
    attendance: [
      { personId: w.people.sA, status: 'present' },
      { personId: w.people.mA, status: 'present' },
    ],
    agenda: [{ title: '第一议题：学习', first_topic: true }],
    minutes: '逐项研究……',
    decisions: ['同意'],
    ...over,
  });
  const create = async (s: Session, orgId: string, body: Record<string, unknown>) => {
    const r = await call(ctx, s, 'POST', `/api/orgs/${orgId}/meetings`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  /** A planned meeting (plans are not recorded through the record API). */
  const planned = async (orgId: string, heldAt: string, topic: string, imported = false) => {
    const id = uuidv7();
    const { path: orgPath } = await ctx.deps.db
      .selectFrom('org')
      .select('path')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    await ctx.deps.db
      .insertInto('meeting')
      .values({
        id,
        orgId,
        orgPath,
        tags: JSON.stringify(['theme_day']),
        topic,
        heldAt,
        heldOn: new Date(new Date(heldAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
        agenda: '[]',
        decisions: '[]',
        votes: '[]',
        missing: '{}',
        status: imported ? 'held' : 'planned',
        source: imported ? 'import' : 'web',
        recordedAt: ctx.clock(),
      })
      .execute();
    return id;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    memberA = await loginAs(ctx, w.users.memberA);
    await insertUser(ctx.deps, 'calReviewerG', [{ role: 'org_admin', orgCode: w.orgs.G.code }]);
    reviewerG = await loginAs(ctx, 'calReviewerG');
    const admin = await loginAs(ctx, w.users.admin);
    const { A, B } = w.orgs;
    ids.aHeld = await create(officerA, A.id, record());
    ids.aSubmitted = await create(
      officerA,
      A.id,
      record({ heldAt: '2026-11-12T14:30:00+08:00', endedAt: '2026-11-12T16:00:00+08:00' }),
    );
    const sub = await call(ctx, officerA, 'POST', `/api/meetings/${ids.aSubmitted}/submit`, { version: 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    ids.aReturned = await create(
      officerA,
      A.id,
      record({ heldAt: '2026-11-13T14:30:00+08:00', endedAt: '2026-11-13T16:00:00+08:00' }),
    );
    await call(ctx, officerA, 'POST', `/api/meetings/${ids.aReturned}/submit`, { version: 1 });
    const ret = await call(ctx, reviewerG, 'POST', `/api/meetings/${ids.aReturned}/review`, {
      version: 2,
      action: 'return',
      comment: '请补充表决情况',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    ids.aPlannedPast = await planned(A.id, '2026-11-05T07:00:00Z', '十一月主题党日');
    ids.aImported = await planned(A.id, '2026-11-03T07:00:00Z', '导入的历史记录', true);
    ids.aUpcoming = await planned(A.id, '2026-11-26T07:00:00Z', '参观红色教育基地');
    const bBody = {
      ...record(),
      hostId: w.people.mB,
      recorderId: w.people.mB,
      expected: 1,
      attendance: [{ personId: w.people.mB, status: 'present' }],
    };
    ids.bHeld = await create(admin, B.id, bBody);
    ids.bUpcoming = await planned(B.id, '2026-11-27T07:00:00Z', '第二支部主题党日');
    ids.bAttended = await create(admin, B.id, {
      ...bBody,
      heldAt: '2026-11-18T14:30:00+08:00',
      endedAt: null,
      topic: '联学联建',
    });
    await ctx.deps.db
      .insertInto('meetingAttendance')
      .values({ meetingId: ids.bAttended, personId: w.people.mA, status: 'present', reason: null })
      .execute();
  });
  afterAll(() => ctx.close());

  it('shows a branch its month: its meetings (planned and held), not another branch’s, and deadlines', async () => {
    const r = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/calendar?month=2026-11`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    const got = body.meetings.map((m: { id: string }) => m.id).sort();
    expect(got).toEqual(
      [ids.aHeld, ids.aImported, ids.aSubmitted, ids.aReturned, ids.aPlannedPast, ids.aUpcoming].sort(),
    );
    expect(body.meetings.find((m: { id: string }) => m.id === ids.aUpcoming)).toMatchObject({
      status: 'planned',
      heldOn: '2026-11-26',
      canOpen: true,
    });
    const december = (
      await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/calendar?month=2026-12`)
    ).json();
    expect(december.deadlines).toContainEqual(
      expect.objectContaining({ ruleId: 'LIFE-002', date: '2026-12-31', orgId: w.orgs.A.id, met: false }),
    );
  });

  it('refuses a foreign caller: the officer of A cannot read B’s calendar; a bad month names the field', async () => {
    expect(
      (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.B.id}/calendar?month=2026-11`)).statusCode,
    ).toBe(403);
    const bad = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/calendar?month=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('month');
  });

  it('gives a member the meetings of their branch plus the ones they attended elsewhere', async () => {
    const body = (await call(ctx, memberA, 'GET', '/api/me/calendar?month=2026-11')).json();
    const got = body.meetings.map((m: { id: string }) => m.id);
    expect(got).toEqual(expect.arrayContaining([ids.aHeld, ids.aUpcoming, ids.bAttended]));
    expect(got).not.toContain(ids.bHeld);
    expect(got).not.toContain(ids.bUpcoming);
    expect(body.meetings.every((m: { canOpen: boolean }) => !m.canOpen)).toBe(true);
  });

  it('lists an officer’s 待办: record missing, draft not submitted, returned with its comment, meetings due', async () => {
    const { items } = (await call(ctx, officerA, 'GET', '/api/me/todos')).json();
    const byMeeting = (id: string) => items.find((i: { meetingId: string | null }) => i.meetingId === id);
    expect(byMeeting(ids.aPlannedPast)).toMatchObject({ kind: 'record_missing', orgId: w.orgs.A.id });
    expect(byMeeting(ids.aHeld)).toMatchObject({ kind: 'draft_unsubmitted', dueDate: '2026-11-17' });
    expect(byMeeting(ids.aReturned)).toMatchObject({ kind: 'record_returned', detail: '请补充表决情况' });
    expect(byMeeting(ids.aSubmitted)).toBeUndefined();
    expect(byMeeting(ids.aImported), 'imported history is not a draft').toBeUndefined();
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'meeting_due', ruleId: 'LIFE-002', dueDate: '2026-12-31' }),
    );
    expect(items.some((i: { orgId: string }) => i.orgId === w.orgs.B.id)).toBe(false);
    const dates = items.map((i: { dueDate: string }) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists records waiting for the parent org’s review, not for the branch itself', async () => {
    const { items } = (await call(ctx, reviewerG, 'GET', '/api/me/todos')).json();
    const review = items.filter((i: { kind: string }) => i.kind === 'review_waiting');
    expect(review.map((i: { meetingId: string }) => i.meetingId)).toEqual([ids.aSubmitted]);
  });

  it('reminds of a term ending within 90 days: a branch’s from its facts, a 党总支’s from its election (ORG-014)', async () => {
    const admin = await loginAs(ctx, w.users.admin);
    const elect = async (orgId: string, heldOn: string) =>
      expect(
        (
          await call(ctx, admin, 'POST', `/api/orgs/${orgId}/elections`, {
            heldOn,
            kind: 'regular',
            termYears: 3,
          })
        ).statusCode,
      ).toBe(201);
    await elect(w.orgs.A.id, '2024-02-22');
    await elect(w.orgs.B.id, '2024-02-23');
    await elect(w.orgs.G.id, '2023-12-20');
    const termEnds = async (s: Session) =>
      (await call(ctx, s, 'GET', '/api/me/todos'))
        .json()
        .items.filter((i: { ruleId: string }) => i.ruleId === 'ORG-014');
    expect(await termEnds(reviewerG)).toEqual([
      expect.objectContaining({ kind: 'meeting_due', orgId: w.orgs.G.id, dueDate: '2026-12-20' }),
    ]);
    // 2026-11-24 + 90 days = 2027-02-22: A's term end is due, B's (a day later) not yet
    expect(await termEnds(officerA)).toEqual([expect.objectContaining({ dueDate: '2027-02-22' })]);
    expect(await termEnds(await loginAs(ctx, w.users.officerB))).toEqual([]);
    const feb = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/calendar?month=2027-02`)).json();
    expect(feb.deadlines).toContainEqual(expect.objectContaining({ ruleId: 'ORG-014', date: '2027-02-22' }));
    const gCal = (
      await call(ctx, reviewerG, 'GET', `/api/orgs/${w.orgs.G.id}/calendar?month=2026-12`)
    ).json();
    expect(gCal.deadlines).toContainEqual(
      expect.objectContaining({ ruleId: 'ORG-014', date: '2026-12-20', orgId: w.orgs.G.id }),
    );
  });

  it('gives a member only their own branch’s upcoming meetings (14 days)', async () => {
    const { items } = (await call(ctx, memberA, 'GET', '/api/me/todos')).json();
    expect(items.map((i: { kind: string; meetingId: string }) => [i.kind, i.meetingId])).toEqual([
      ['upcoming_meeting', ids.aUpcoming],
    ]);
  });

  it('serves a personal ICS feed by secret token; revoke → 404; unknown → 404', async () => {
    expect((await call(ctx, memberA, 'GET', '/api/me/calendar-token')).json()).toEqual({ active: null });
    const created = await call(ctx, memberA, 'POST', '/api/me/calendar-token');
    expect(created.statusCode, created.body).toBe(200);
    const { path } = created.json();
    expect(path).toMatch(/^\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await ctx.deps.db.selectFrom('calendarToken').selectAll().execute();
    expect(stored.some((t) => path.includes(t.tokenHash))).toBe(false);

    const feed = await ctx.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const uids = events
      .filter((e) => !e.uid.startsWith('deadline-'))
      .map((e) => e.uid)
      .sort();
    const mine = await ctx.deps.db
      .selectFrom('meeting')
      .select('id')
      .where('orgId', '=', w.orgs.A.id)
      .execute();
    expect(uids).toEqual([...mine.map((m) => `${m.id}@zhibu`), `${ids.bAttended}@zhibu`].sort());
    const held = events.find((e) => e.uid === `${ids.aHeld}@zhibu`)!;
    expect(held.summary).toBe('支委会：研究11月支部工作');
    expect(held.location).toBe('党员活动室, 301; 东楼');
    expect(held.startDate.toJSDate().toISOString()).toBe('2026-11-10T06:30:00.000Z');
    expect(events.some((e) => e.uid.startsWith('deadline-') && e.startDate.isDate)).toBe(true);
    const status = (await call(ctx, memberA, 'GET', '/api/me/calendar-token')).json();
    expect(status.active.lastUsedAt).toBe('2026-11-24T02:00:00.000Z');

    expect((await call(ctx, memberA, 'DELETE', '/api/me/calendar-token')).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/ics/${'x'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/ics/nonsense' })).statusCode).toBe(404);

    const again = (await call(ctx, memberA, 'POST', '/api/me/calendar-token')).json();
    expect(again.path).not.toBe(path);
    expect((await ctx.app.inject({ method: 'GET', url: again.path })).statusCode).toBe(200);
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'calendar_token')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'revoke', 'create']);
  });
});
