import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT, meetingCredit } from '../src/domain/study/hours.ts';
import { type SmallUniversity, smallUniversityContext } from './small-university.ts';

type Total = { hoursCollective: number; nCollective: number; hoursOnline: number };

/**
 * study_credit_total (migration 0014): meeting credit per person and year, kept by triggers on
 * meeting, meeting_attendance, membership and study_credit_setting. After every kind of write the kept
 * table must equal the sums derived now from the view that defines credit (study_credit_source).
 */
describe('study_credit_total: meeting credit kept at write time (EDU-001…003)', () => {
  let ctx: SmallUniversity['ctx'];
  let ids: SmallUniversity['ids'];
  let org: SmallUniversity['org'];
  let insertMeeting: SmallUniversity['insertMeeting'];
  const db = () => ctx.deps.db;

  async function expectInStep() {
    const kept = await sql<Record<string, unknown>>`
      select * from study_credit_total order by person_id, year`.execute(db());
    const derived = await sql<Record<string, unknown>>`
      select person_id, extract(year from held_on)::int as year,
        coalesce(sum(hours) filter (where kind = 'concentrated_training'), 0) as hours_concentrated,
        count(*) filter (where kind = 'concentrated_training')::int as n_concentrated,
        coalesce(sum(hours) filter (where kind = 'collective_study'), 0) as hours_collective,
        count(*) filter (where kind = 'collective_study')::int as n_collective,
        coalesce(sum(hours) filter (where kind = 'online'), 0) as hours_online,
        count(*) filter (where kind = 'online')::int as n_online,
        coalesce(sum(hours) filter (where kind = 'self_study'), 0) as hours_self,
        count(*) filter (where kind = 'self_study')::int as n_self,
        (coalesce(sum(hours) filter (where kind in ('concentrated_training', 'collective_study')), 0))::float8
          as cc_hours,
        (coalesce(sum(hours) filter (where kind = 'concentrated_training'), 0))::float8 as conc_hours
      from study_credit_source group by 1, 2 order by 1, 2`.execute(db());
    const norm = (rows: Record<string, unknown>[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
    expect(norm(kept.rows)).toEqual(norm(derived.rows));
    return kept.rows;
  }

  /** The kept collective-study credit of a person in 2026 (null when none). */
  const credit = async (ref: string): Promise<Total | null> => {
    const r = await db()
      .selectFrom('studyCreditTotal')
      .select(['hoursCollective', 'nCollective', 'hoursOnline'])
      .where('personId', '=', ids[ref])
      .where('year', '=', 2026)
      .executeTakeFirst();
    return r
      ? {
          hoursCollective: Number(r.hoursCollective),
          nCollective: r.nCollective,
          hoursOnline: Number(r.hoursOnline),
        }
      : null;
  };

  beforeAll(async () => {
    ({ ctx, ids, org, insertMeeting } = await smallUniversityContext());
  });
  afterAll(() => ctx.close());

  let lecture: string;
  it('credits a 党课 to every party member of its org that day: duration in half hours, rounded down', async () => {
    lecture = await insertMeeting(
      'A',
      ['party_lecture'],
      '2026-03-05T14:00:00+08:00',
      '2026-03-05T15:40:00+08:00',
    );
    await expectInStep();
    expect(await credit('a1')).toMatchObject({ hoursCollective: 1.5, nCollective: 1 });
    expect(await credit('b1')).toBeNull(); // another branch
  });

  it('follows attendance rows: absent or on leave gets nothing, present at another branch’s meeting gets it', async () => {
    await sql`insert into meeting_attendance (meeting_id, person_id, status) values
      (${lecture}, ${ids.a2}, 'absent'), (${lecture}, ${ids.a3}, 'leave'), (${lecture}, ${ids.b1}, 'present')`.execute(
      db(),
    );
    await expectInStep();
    expect(await credit('a2')).toBeNull();
    expect(await credit('a3')).toBeNull();
    expect(await credit('b1')).toMatchObject({ hoursCollective: 1.5 });
    await sql`update meeting_attendance set status = 'present' where meeting_id = ${lecture} and person_id = ${ids.a2}`.execute(
      db(),
    );
    await expectInStep();
    expect(await credit('a2')).toMatchObject({ hoursCollective: 1.5 });
  });

  it('follows the meeting: its end time, its tags, planned status', async () => {
    await sql`update meeting set ended_at = held_at + interval '3 hours' where id = ${lecture}`.execute(db());
    await expectInStep();
    expect(await credit('a1')).toMatchObject({ hoursCollective: 3 });
    await sql`update meeting set ended_at = null where id = ${lecture}`.execute(db());
    await expectInStep();
    expect(await credit('a1')).toMatchObject({ hoursCollective: DEFAULT_CREDIT.hoursPerMeeting });
    await sql`update meeting set tags = '["branch_assembly"]' where id = ${lecture}`.execute(db());
    await expectInStep();
    expect(await credit('a1')).toBeNull();
    await sql`update meeting set tags = '["party_lecture"]', status = 'planned' where id = ${lecture}`.execute(
      db(),
    );
    await expectInStep();
    expect(await credit('a1')).toBeNull();
    await sql`update meeting set status = 'held' where id = ${lecture}`.execute(db());
    expect((await expectInStep()).length).toBeGreaterThan(0);
  });

  it('follows memberships: a member who left before the meeting is not credited', async () => {
    await sql`update membership set valid_to = '2026-03-01' where person_id = ${ids.a4}`.execute(db());
    await expectInStep();
    expect(await credit('a4')).toBeNull();
    await sql`update membership set valid_to = null where person_id = ${ids.a4}`.execute(db());
    await expectInStep();
    expect(await credit('a4')).not.toBeNull();
  });

  it('follows the nearest credit setting: kind, mode and hours; removing it restores the default', async () => {
    await sql`insert into study_credit_setting (org_id, org_path, tags, mode, hours_per_meeting, kind, updated_by, updated_at)
      values (${org.A.id}, ${org.A.path}, '["party_lecture"]', 'per_meeting', 2.5, 'online', 'test', now())`.execute(
      db(),
    );
    await expectInStep();
    expect(await credit('a1')).toMatchObject({ hoursOnline: 2.5, nCollective: 0 });
    await sql`delete from study_credit_setting where org_id = ${org.A.id}`.execute(db());
    await expectInStep();
    expect(await credit('a1')).toMatchObject({ nCollective: 1 });
  });

  it('forgets a deleted meeting (its rows go by cascade), including the guest who attended it', async () => {
    await sql`delete from meeting where id = ${lecture}`.execute(db());
    expect(await expectInStep()).toEqual([]);
    expect(await credit('b1')).toBeNull();
  });

  it('counts each meeting as the domain rule meetingCredit() does (durations, no end time, per-meeting)', async () => {
    const minutes = [null, 0, 29, 30, 59, 60, 61, 89, 90, 100, 121, 480];
    const made: { id: string; minutes: number | null }[] = [];
    for (const [i, m] of minutes.entries()) {
      const start = `2026-04-${String(i + 1).padStart(2, '0')}T09:00:00+08:00`;
      const end = m === null ? null : new Date(Date.parse(start) + m * 60_000).toISOString();
      made.push({ id: await insertMeeting('C', ['study'], start, end), minutes: m });
    }
    const view = await sql<{ meetingId: string; hours: string; kind: string }>`
      select meeting_id, hours, kind from meeting_study_credit where org_id = ${org.C.id}`.execute(db());
    const byId = new Map(view.rows.map((r) => [r.meetingId, r]));
    for (const m of made) {
      const expected = meetingCredit(
        { date: '2026-04-01', tags: ['study'], minutes: m.minutes },
        DEFAULT_CREDIT,
      );
      const got = byId.get(m.id);
      expect(got ? { hours: Number(got.hours), kind: got.kind } : null, `${m.minutes} min`).toEqual(
        expected ? { hours: expected.hours, kind: expected.kind } : null,
      );
    }
    await expectInStep();
  });
});
