import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_WIDE_TAGS } from '../src/domain/checks/participation.ts';
import { type SmallUniversity, smallUniversityContext } from './small-university.ts';

/**
 * absence_month (migration 0015): `absent` rows at member-wide records per person and month, kept by
 * triggers on meeting_attendance and meeting, read by the evaluation to pick the members a LIFE-018 streak
 * can concern. After every kind of write the kept table must equal what the rows say now.
 */
describe('absence_month: absences kept at write time (LIFE-018)', () => {
  let ctx: SmallUniversity['ctx'];
  let ids: SmallUniversity['ids'];
  let insertMeeting: SmallUniversity['insertMeeting'];
  const db = () => ctx.deps.db;
  const wide = sql.raw(`array[${MEMBER_WIDE_TAGS.map((t) => `'${t}'`).join(',')}]`);

  async function expectInStep() {
    const kept = await sql<{ personId: string; month: string; n: number }>`
      select person_id, month::text, n from absence_month order by 1, 2`.execute(db());
    const derived = await sql<{ personId: string; month: string; n: number }>`
      select a.person_id, date_trunc('month', m.held_on)::date::text as month, count(*)::int as n
      from meeting_attendance a join meeting m on m.id = a.meeting_id
      where a.status = 'absent' and m.status <> 'planned' and m.tags ?| ${wide}
      group by 1, 2 order by 1, 2`.execute(db());
    expect(kept.rows).toEqual(derived.rows);
    return kept.rows;
  }
  const months = async (ref: string) =>
    (
      await db()
        .selectFrom('absenceMonth')
        .select(['month', 'n'])
        .where('personId', '=', ids[ref])
        .orderBy('month')
        .execute()
    ).map((r) => `${r.month.slice(0, 7)}:${r.n}`);

  beforeAll(async () => {
    ({ ctx, ids, insertMeeting } = await smallUniversityContext());
    await expectInStep(); // what the import wrote, derived once at its end
  });
  afterAll(() => ctx.close());

  let assembly: string;
  let assembly2: string;
  it('counts absent rows at member-wide records by month; leave and present rows are not absences', async () => {
    assembly = await insertMeeting('A', ['branch_assembly'], '2026-03-05T14:00:00+08:00');
    assembly2 = await insertMeeting('A', ['party_lecture'], '2026-03-19T14:00:00+08:00');
    await sql`insert into meeting_attendance (meeting_id, person_id, status) values
      (${assembly}, ${ids.a2}, 'absent'), (${assembly2}, ${ids.a2}, 'absent'),
      (${assembly}, ${ids.a3}, 'leave'), (${assembly}, ${ids.a4}, 'present')`.execute(db());
    await expectInStep();
    expect(await months('a2')).toEqual(['2026-03:2']);
    expect(await months('a3')).toEqual([]);
    expect(await months('a4')).toEqual([]);
  });

  it('follows a row changing between absent and leave, and a deleted row', async () => {
    await sql`update meeting_attendance set status = 'leave' where meeting_id = ${assembly} and person_id = ${ids.a2}`.execute(
      db(),
    );
    await sql`update meeting_attendance set status = 'absent' where meeting_id = ${assembly} and person_id = ${ids.a3}`.execute(
      db(),
    );
    await expectInStep();
    expect(await months('a2')).toEqual(['2026-03:1']);
    expect(await months('a3')).toEqual(['2026-03:1']);
    await sql`delete from meeting_attendance where meeting_id = ${assembly2} and person_id = ${ids.a2}`.execute(
      db(),
    );
    await expectInStep();
    expect(await months('a2')).toEqual([]);
  });

  it('follows the meeting: its day moves the month, a non-wide tag or planned status removes it', async () => {
    await sql`update meeting set held_on = '2026-04-02', held_at = '2026-04-02T14:00:00+08:00' where id = ${assembly}`.execute(
      db(),
    );
    await expectInStep();
    expect(await months('a3')).toEqual(['2026-04:1']);
    await sql`update meeting set tags = '["committee_meeting"]' where id = ${assembly}`.execute(db());
    await expectInStep();
    expect(await months('a3')).toEqual([]);
    await sql`update meeting set tags = '["theme_day"]', status = 'planned' where id = ${assembly}`.execute(
      db(),
    );
    await expectInStep();
    expect(await months('a3')).toEqual([]);
    await sql`update meeting set status = 'held' where id = ${assembly}`.execute(db());
    await expectInStep();
    expect(await months('a3')).toEqual(['2026-04:1']);
  });

  it('forgets a deleted meeting (its rows go by cascade)', async () => {
    await sql`delete from meeting where id = ${assembly}`.execute(db());
    await expectInStep();
    expect(await months('a3')).toEqual([]);
  });
});
