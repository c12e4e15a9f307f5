import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { uuidv7 } from '../src/services/infra/ids.ts';
import { type Session, type World, buildWorld, call, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

// clock: 2026-11-24T02:00Z — 2025 has ended (violations), 2026 is current (info)
describe('study hours: records, meeting credit, thresholds, branch table (EDU-001/002)', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  let officerB: Session;
  let memberA: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    officerB = await loginAs(ctx, w.users.officerB);
    memberA = await loginAs(ctx, w.users.memberA);
    await ctx.deps.db
      .insertInto('position')
      .values({
        id: uuidv7(),
        personId: w.people.sA,
        orgId: w.orgs.A.id,
        role: 'secretary',
        duty: null,
        validFrom: '2020-01-01',
        validTo: null,
        electionId: null,
      })
      .execute();
  });
  afterAll(() => ctx.close());

  const add = (s: Session, person: string, body: object) =>
    call(ctx, s, 'POST', `/api/people/${person}/study-records`, body);

  it('records study hours for a member of the officer’s branch and refuses a foreign officer', async () => {
    const ok = await add(officerA, w.people.mA, {
      date: '2025-03-10',
      hours: 24,
      kind: 'concentrated_training',
      title: '党员培训班',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      hours: 24,
      kind: 'concentrated_training',
      orgId: w.orgs.A.id,
      version: 1,
    });
    const foreign = await add(officerB, w.people.mA, {
      date: '2025-03-11',
      hours: 2,
      kind: 'collective_study',
    });
    expect(foreign.statusCode).toBe(403);
    expect((await call(ctx, officerB, 'GET', `/api/people/${w.people.mA}/study?year=2025`)).statusCode).toBe(
      403,
    );
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', ok.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create_study_record']);
  });

  it('names the field of a bad record (hours in 0.5 steps, a known kind)', async () => {
    const bad = await add(officerA, w.people.mA, { date: '2025-03-10', hours: 1.25, kind: 'reading' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('hours');
    expect(bad.body).toContain('kind');
  });

  it('a member sees their own summary: 31 h is short of 32, the next half day of meeting credit meets it', async () => {
    await add(officerA, w.people.mA, { date: '2025-12-31', hours: 7, kind: 'collective_study' });
    await add(officerA, w.people.mA, { date: '2026-01-01', hours: 8, kind: 'collective_study' });
    await add(officerA, w.people.mA, { date: '2025-06-01', hours: 5, kind: 'self_study' });
    const before = (await call(ctx, memberA, 'GET', `/api/people/${w.people.mA}/study?year=2025`)).json();
    expect(before).toMatchObject({
      counted: 31,
      threshold: { ruleId: 'EDU-001', minHours: 32 },
      shortfall: { hours: 1, met: false },
    });
    expect(before.byKind.self_study).toBe(5);
    const meeting = await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
      tags: ['party_lecture'],
      topic: '专题党课',
      heldAt: '2025-11-20T14:00:00+08:00',
      endedAt: '2025-11-20T15:00:00+08:00',
      place: '党员活动室',
      expected: 1,
      attendance: [{ personId: w.people.mA, status: 'present' }],
      agenda: [{ title: '党课' }],
      minutes: '……',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const after = (await call(ctx, memberA, 'GET', `/api/people/${w.people.mA}/study?year=2025`)).json();
    expect(after.credits).toMatchObject([{ date: '2025-11-20', hours: 1, topic: '专题党课' }]);
    expect(after).toMatchObject({ counted: 32, fromMeetings: 1, shortfall: { met: true } });
    expect((await call(ctx, memberA, 'GET', `/api/people/${w.people.sA}/study?year=2025`)).statusCode).toBe(
      403,
    );
  });

  it('a secretary needs 56 h with a concentrated training; the branch table and its xlsx list everyone', async () => {
    await add(officerA, w.people.sA, { date: '2025-05-01', hours: 8, kind: 'collective_study' });
    const table = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/study?year=2025`)).json();
    const sec = table.rows.find((r: { personId: string }) => r.personId === w.people.sA);
    // sA is not listed on the 党课 record: a member not marked absent or on leave counts as present (+1 h)
    expect(sec).toMatchObject({
      minHours: 56,
      ruleId: 'EDU-002',
      counted: 9,
      shortfall: { hours: 47, sessions: 1, met: false },
    });
    expect(table.rows.find((r: { personId: string }) => r.personId === w.people.mA)).toMatchObject({
      counted: 32,
      shortfall: { met: true },
    });
    const g = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.G.id}/study?year=2025`)).statusCode;
    expect(g).toBe(403);
    const xlsx = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/study.xlsx?year=2025`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('edits with optimistic concurrency and deletes; a stale version is a conflict', async () => {
    const rec = (await add(officerA, w.people.mA, { date: '2026-02-02', hours: 2, kind: 'online' })).json();
    const edited = await call(ctx, officerA, 'PATCH', `/api/study-records/${rec.id}`, {
      version: 1,
      hours: 3,
    });
    expect(edited.json()).toMatchObject({ hours: 3, version: 2 });
    const stale = await call(ctx, officerA, 'PATCH', `/api/study-records/${rec.id}`, {
      version: 1,
      hours: 4,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(ctx, officerA, 'DELETE', `/api/study-records/${rec.id}`, { version: 2 })).statusCode,
    ).toBe(200);
    expect(
      (await call(ctx, officerA, 'DELETE', `/api/study-records/${rec.id}`, { version: 2 })).statusCode,
    ).toBe(404);
  });

  it('compliance: EDU-001 for the ended year only below 32 h; the current year is info', async () => {
    const { findings } = await evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: w.orgs.A.code });
    const edu = findings.filter((f) => f.ruleId === 'EDU-001');
    expect(edu.filter((f) => f.period === '2025' && f.personId === w.people.mA)).toEqual([]);
    expect(edu.filter((f) => f.period === '2026').every((f) => f.severity === 'info')).toBe(true);
    expect(
      findings.find((f) => f.ruleId === 'EDU-002' && f.personId === w.people.sA && f.period === '2025'),
    ).toMatchObject({
      severity: 'violation',
    });
  });

  it('meeting credit follows the org admin’s setting (per meeting) and only the admin may set it', async () => {
    const body = {
      tags: ['party_lecture'],
      mode: 'per_meeting',
      hoursPerMeeting: 3,
      kind: 'collective_study',
      version: 0,
    };
    expect((await call(ctx, officerA, 'PUT', `/api/orgs/${w.orgs.A.id}/study-credit`, body)).statusCode).toBe(
      403,
    );
    const admin = await loginAs(ctx, w.users.admin);
    const set = await call(ctx, admin, 'PUT', `/api/orgs/${w.orgs.G.id}/study-credit`, body);
    expect(set.json()).toMatchObject({ mode: 'per_meeting', version: 1, definedAt: { orgId: w.orgs.G.id } });
    const s = (await call(ctx, memberA, 'GET', `/api/people/${w.people.mA}/study?year=2025`)).json();
    expect(s.credits).toMatchObject([{ hours: 3 }]);
  });
});
