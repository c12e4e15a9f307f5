import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmallUniversity, smallUniversityContext } from './small-university.ts';

type Row = { personId: string; year: number; ccHours: number; concHours: number; sessions: number } & Record<
  string,
  unknown
>;

/** Each kind's total columns, as study_year_total and study_credit_total name them. */
const KIND_TOTALS = ['concentrated', 'collective', 'online', 'self'].flatMap((k) => [`hours_${k}`, `n_${k}`]);

/**
 * study_person_year (migration 0021): for each person and year of its span in which the person holds a 预备/正式
 * membership or a position for at least one day, the sums the EDU people statement filters on (集中培训 + 集体学习
 * hours, 集中培训 hours and sessions; own records and meeting credit together), kept by triggers. The evaluation
 * finds the members short of an hour bound (EDU-001…003) as an index range of it, so after every kind of write
 * every such person-year must have its row, and every row's sums must equal the totals tables' now.
 */
describe('study_person_year: the study sums of every member- and seat-year, kept at write time (EDU-001…003)', () => {
  let ctx: SmallUniversity['ctx'];
  let ids: SmallUniversity['ids'];
  let org: SmallUniversity['org'];
  let insertMeeting: SmallUniversity['insertMeeting'];
  const db = () => ctx.deps.db;

  async function expectInStep(): Promise<Row[]> {
    const kept = await sql<Row>`select person_id, year, cc_hours, conc_hours, sessions,
        ${sql.raw(KIND_TOTALS.map((c) => `${c}::float8 as ${c}, credit_${c}::float8 as credit_${c}`).join(', '))}
      from study_person_year order by 1, 2`.execute(db());
    // the person-years that must be there, written differently from the migration (a year's first and last day)
    const required = await sql<{ personId: string; year: number }>`
      select distinct x.person_id, y.year
      from study_person_year_span s cross join generate_series(s.from_year, s.through_year) y(year)
        join (select person_id, valid_from, valid_to from membership where status in ('probationary', 'full')
          union all select person_id, valid_from, valid_to from position) x
        on x.valid_from <= make_date(y.year, 12, 31) and (x.valid_to is null or x.valid_to > make_date(y.year, 1, 1))
      order by 1, 2`.execute(db());
    const sums = await sql<Row>`
      select k.person_id, k.year, coalesce(t.cc_hours, 0) + coalesce(c.cc_hours, 0) as cc_hours,
        coalesce(t.conc_hours, 0) + coalesce(c.conc_hours, 0) as conc_hours,
        coalesce(t.n_concentrated, 0) + coalesce(c.n_concentrated, 0) as sessions,
        ${sql.raw(KIND_TOTALS.map((c) => `coalesce(t.${c}, 0)::float8 as ${c}, coalesce(c.${c}, 0)::float8 as credit_${c}`).join(', '))}
      from study_person_year k
        left join study_year_total t on t.person_id = k.person_id and t.year = k.year
        left join study_credit_total c on c.person_id = k.person_id and c.year = k.year
      order by 1, 2`.execute(db());
    const keys = new Set(kept.rows.map((r) => `${r.personId}|${r.year}`));
    expect(required.rows.filter((r) => !keys.has(`${r.personId}|${r.year}`))).toEqual([]);
    expect(kept.rows).toEqual(sums.rows);
    return kept.rows;
  }
  const rowOf = async (ref: string, year: number) =>
    (await expectInStep()).find((r) => r.personId === ids[ref] && r.year === year) ?? null;
  const addRecord = (ref: string, day: string, hours: number, kind: string) =>
    sql`insert into study_record (id, person_id, org_id, org_path, studied_on, hours, kind, recorded_at, recorded_by)
      values (gen_random_uuid(), ${ids[ref]}, ${org.A.id}, ${org.A.path}, ${day}, ${hours}, ${kind}, now(), 'test')`.execute(
      db(),
    );

  beforeAll(async () => {
    ({ ctx, ids, org, insertMeeting } = await smallUniversityContext());
  });
  afterAll(() => ctx.close());

  it('after the import: a row for every member-year of the span, of zeros when there are no hours', async () => {
    const span = await db().selectFrom('studyPersonYearSpan').selectAll().executeTakeFirstOrThrow();
    expect(span.throughYear - span.fromYear).toBe(2); // two years before the year the migration ran
    const rows = await expectInStep();
    expect(rows.length).toBe(46 * 3); // 46 members since 2015, each year of the span
    expect(await rowOf('a1', 2026)).toMatchObject({ ccHours: 0, concHours: 0, sessions: 0 });
  });

  it('follows study records: each kind, edited hours, a record moved to another year, a deleted record', async () => {
    await addRecord('a1', '2026-03-01', 4, 'concentrated_training');
    await addRecord('a1', '2026-03-02', 2.5, 'collective_study');
    await addRecord('a1', '2026-03-03', 7, 'self_study'); // not a kind the sums count
    expect(await rowOf('a1', 2026)).toMatchObject({ ccHours: 6.5, concHours: 4, sessions: 1 });
    expect(await rowOf('a1', 2026)).toMatchObject({
      hoursSelf: 7,
      nSelf: 1,
      hoursCollective: 2.5,
      creditNCollective: 0,
    });
    await sql`update study_record set hours = 8 where person_id = ${ids.a1} and kind = 'concentrated_training'`.execute(
      db(),
    );
    expect(await rowOf('a1', 2026)).toMatchObject({ ccHours: 10.5, concHours: 8 });
    await sql`update study_record set studied_on = '2025-12-31' where person_id = ${ids.a1} and kind = 'collective_study'`.execute(
      db(),
    );
    expect(await rowOf('a1', 2026)).toMatchObject({ ccHours: 8 });
    expect(await rowOf('a1', 2025)).toMatchObject({ ccHours: 2.5, concHours: 0 });
    await sql`delete from study_record where person_id = ${ids.a1}`.execute(db());
    expect(await rowOf('a1', 2025)).toMatchObject({ ccHours: 0 });
    expect(await rowOf('a1', 2026)).toMatchObject({ ccHours: 0, sessions: 0 });
  });

  it('follows meeting credit: a 党课 credits the members of its org, and forgets a deleted meeting', async () => {
    const lecture = await insertMeeting(
      'A',
      ['party_lecture'],
      '2026-05-05T14:00:00+08:00',
      '2026-05-05T16:00:00+08:00',
    );
    expect(await rowOf('a2', 2026)).toMatchObject({
      ccHours: 2,
      creditHoursCollective: 2,
      creditNCollective: 1,
    });
    expect(await rowOf('b2', 2026)).toMatchObject({ ccHours: 0 });
    await sql`delete from meeting where id = ${lecture}`.execute(db());
    expect(await rowOf('a2', 2026)).toMatchObject({ ccHours: 0 });
  });

  it('follows memberships and positions: a member from 2026 only, a seat holder who is no member', async () => {
    await sql`delete from membership where person_id in (${ids.c3}, ${ids.c4})`.execute(db());
    await expectInStep(); // rows may outlive their membership, their sums stay exact
    await sql`delete from study_person_year where person_id in (${ids.c3}, ${ids.c4})`.execute(db());
    await sql`insert into membership (id, person_id, org_id, org_path, status, valid_from, valid_to)
      values (gen_random_uuid(), ${ids.c3}, ${org.C.id}, ${org.C.path}, 'probationary', '2026-01-01', null),
        (gen_random_uuid(), ${ids.c4}, ${org.C.id}, ${org.C.path}, 'applicant', '2024-01-01', null)`.execute(
      db(),
    );
    await addRecord('c3', '2025-06-01', 3, 'collective_study');
    expect(await rowOf('c3', 2025)).toBeNull(); // a member from 2026 only (2025's records stay in the totals)
    expect(await rowOf('c3', 2026)).toMatchObject({ ccHours: 0 });
    expect(await rowOf('c4', 2025)).toBeNull(); // an applicant is no party member
    await sql`insert into position (id, person_id, org_id, role, valid_from, valid_to)
      values (gen_random_uuid(), ${ids.c4}, ${org.C.id}, 'committee_member', '2025-12-31', '2026-01-01')`.execute(
      db(),
    );
    expect(await rowOf('c4', 2025)).toMatchObject({ ccHours: 0 }); // a seat for the last day of 2025
    expect(await rowOf('c4', 2026)).toBeNull(); // valid_to is the first day it no longer holds
  });

  it('zhibu_person_years_through adds a year once, for everyone holding a membership or a seat then', async () => {
    const span = await db().selectFrom('studyPersonYearSpan').selectAll().executeTakeFirstOrThrow();
    const next = span.throughYear + 1;
    const added = await sql<{ added: boolean }>`select zhibu_person_years_through(${next}) as added`.execute(
      db(),
    );
    expect(added.rows[0].added).toBe(true);
    const again = await sql<{ added: boolean }>`select zhibu_person_years_through(${next}) as added`.execute(
      db(),
    );
    expect(again.rows[0].added).toBe(false);
    const rows = await expectInStep();
    expect(rows.filter((r) => r.year === next).length).toBe(45); // 46 members less c4 (an applicant now)
    await addRecord('a5', `${next}-02-01`, 5, 'concentrated_training');
    expect(await rowOf('a5', next)).toMatchObject({ ccHours: 5, concHours: 5, sessions: 1 });
  });
});
