import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus } from '../src/services/people/person-write.service.ts';
import { ADMIN_SCOPE, versionOf } from './factories.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { type SmallUniversity, smallUniversityContext } from './small-university.ts';

/**
 * person_admission (migration 0017): each person's first 预备 and first 正式 day over the whole membership
 * history, kept by triggers on membership, read by the evaluation to pick the people EDU-005's training
 * window can concern (and EDU-004/005's admission dates). After every kind of write the kept table must equal
 * what the membership rows say now.
 */
describe('person_admission: admission dates kept at write time (EDU-004/005)', () => {
  let ctx: SmallUniversity['ctx'];
  let ids: SmallUniversity['ids'];
  let org: SmallUniversity['org'];
  const db = () => ctx.deps.db;

  async function expectInStep() {
    const kept = await sql<{ personId: string; probationFrom: string | null; fullFrom: string | null }>`
      select person_id, probation_from::text, full_from::text from person_admission order by 1`.execute(db());
    const derived = await sql<{ personId: string; probationFrom: string | null; fullFrom: string | null }>`
      select person_id, (min(valid_from) filter (where status = 'probationary'))::text as probation_from,
        (min(valid_from) filter (where status = 'full'))::text as full_from
      from membership where status in ('probationary', 'full') group by 1 order by 1`.execute(db());
    expect(kept.rows).toEqual(derived.rows);
    return kept.rows;
  }
  const datesOf = async (ref: string) => {
    const r = await db()
      .selectFrom('personAdmission')
      .select(['probationFrom', 'fullFrom'])
      .where('personId', '=', ids[ref])
      .executeTakeFirst();
    return r ? [r.probationFrom, r.fullFrom] : null;
  };
  const addRow = (ref: string, status: string, from: string, to: string | null) =>
    sql`insert into membership (id, person_id, org_id, org_path, status, valid_from, valid_to)
      values (gen_random_uuid(), ${ids[ref]}, ${org.A.id}, ${org.A.path}, ${status}, ${from}, ${to})`.execute(
      db(),
    );

  beforeAll(async () => {
    ({ ctx, ids, org } = await smallUniversityContext());
    expect((await expectInStep()).length).toBeGreaterThan(40); // what the import wrote, derived once at its end
  });
  afterAll(() => ctx.close());

  it('keeps the first 预备 and the first 正式 day of inserted rows; other statuses do not count', async () => {
    expect(await datesOf('a2')).toEqual([null, '2015-07-01']);
    await addRow('a2', 'probationary', '2014-07-01', '2015-07-01');
    await addRow('a2', 'left', '2013-01-01', '2014-07-01');
    await expectInStep();
    expect(await datesOf('a2')).toEqual(['2014-07-01', '2015-07-01']);
  });

  it('follows a status change and a transfer made through the service (the earliest day stays)', async () => {
    await changeStatus(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, ids.a3, {
      version: await versionOf(ctx.deps, 'person', ids.a3),
      status: 'full',
      orgId: org.B.id,
      from: '2026-01-05',
    });
    await changeStatus(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, ids.a4, {
      version: await versionOf(ctx.deps, 'person', ids.a4),
      status: 'left',
      from: '2026-02-01',
    });
    await expectInStep();
    expect(await datesOf('a3')).toEqual([null, '2015-07-01']);
    expect(await datesOf('a4')).toEqual([null, '2015-07-01']);
  });

  it('follows edited days and statuses, a row moved to another person, and deleted rows', async () => {
    await sql`update membership set valid_from = '2014-09-01'
      where person_id = ${ids.a2} and status = 'probationary'`.execute(db());
    await sql`update membership set status = 'probationary' where person_id = ${ids.a5}`.execute(db());
    await expectInStep();
    expect(await datesOf('a2')).toEqual(['2014-09-01', '2015-07-01']);
    expect(await datesOf('a5')).toEqual(['2015-07-01', null]);
    await sql`update membership set person_id = ${ids.a6} where person_id = ${ids.a2} and status = 'probationary'`.execute(
      db(),
    );
    await expectInStep();
    expect(await datesOf('a2')).toEqual([null, '2015-07-01']);
    expect(await datesOf('a6')).toEqual(['2014-09-01', '2015-07-01']);
    await sql`delete from membership where person_id = ${ids.a6}`.execute(db());
    await expectInStep();
    expect(await datesOf('a6')).toBeNull();
  });
});
