import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../src/db/migrations/202611240012_study_totals.ts';
import { loadEduFacts } from '../src/services/compliance/edu-facts.loader.ts';
import { loadOrgFacts } from '../src/services/compliance/org-facts.loader.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import {
  createStudyRecord,
  deleteStudyRecord,
  updateStudyRecord,
} from '../src/services/study/study-records.service.ts';
import { smallUniversity } from './datasets.ts';
import { ADMIN_SCOPE } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/** The trigger-kept totals and the same totals recomputed from study_record now. */
async function totalsVsRecount(ctx: TestContext) {
  const cols = KINDS.flatMap(([, c]) => [`hours_${c}::float8 as hours_${c}`, `n_${c}`]).join(', ');
  // with the float8 sums generated beside them (migration 0019), recomputed here from the hours
  const sums = `(hours_concentrated + hours_collective)::float8 as cc_hours, hours_concentrated::float8 as conc_hours`;
  const year = await sql
    .raw<Record<string, unknown>>(`
    select person_id, year, ${cols}, n, cc_hours, conc_hours from study_year_total order by 1, 2`)
    .execute(ctx.deps.db);
  const yearRecount = await sql
    .raw<Record<string, unknown>>(`
    select person_id, year, ${cols}, n, ${sums} from (
      select person_id, extract(year from studied_on)::int as year,
        ${KINDS.map(
          ([k, c]) =>
            `coalesce(sum(hours) filter (where kind = '${k}'), 0) as hours_${c}, (count(*) filter (where kind = '${k}'))::int as n_${c}`,
        ).join(', ')},
        count(*)::int as n
      from study_record group by 1, 2) r order by 1, 2`)
    .execute(ctx.deps.db);
  const day = await sql<Record<string, unknown>>`
    select person_id, day::text, hours::float8 as hours, n from study_day_total order by 1, 2`.execute(
    ctx.deps.db,
  );
  const dayRecount = await sql<Record<string, unknown>>`
    select person_id, studied_on::text as day, sum(hours)::float8 as hours, count(*)::int as n
    from study_record group by 1, 2 order by 1, 2`.execute(ctx.deps.db);
  return {
    kept: { year: year.rows, day: day.rows },
    recount: { year: yearRecount.rows, day: dayRecount.rows },
  };
}

const personOf = async (ctx: TestContext, ref: string) =>
  (await ctx.deps.db.selectFrom('person').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;

describe('study_year_total / study_day_total: study record totals kept by triggers (EDU-001…003, EDU-006)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    const r = await importDataset(ctx.deps, SYSTEM_ACTOR, {
      ...smallUniversity(),
      study_records: [
        { person: 'a1', date: '2025-04-10', hours: 4, kind: 'concentrated_training' },
        { person: 'a1', date: '2025-04-10', hours: 4.5, kind: 'collective_study' },
        { person: 'a1', date: '2025-05-10', hours: 2.5, kind: 'collective_study' },
        { person: 'a1', date: '2026-03-01', hours: 3, kind: 'online' },
        { person: 'a1', date: '2026-09-01', hours: 2, kind: 'online' },
        { person: 'b2', date: '2026-01-01', hours: 1, kind: 'self_study' },
      ],
    });
    expect(r.errors).toEqual([]);
  });
  afterAll(() => ctx.close());

  it('a bulk import fills the totals per person, year and kind, and per day', async () => {
    const { kept, recount } = await totalsVsRecount(ctx);
    expect(kept).toEqual(recount);
    const a1 = await personOf(ctx, 'a1');
    expect(kept.year.find((r) => r.personId === a1 && r.year === 2025)).toMatchObject({
      hoursConcentrated: 4,
      nConcentrated: 1,
      hoursCollective: 7,
      nCollective: 2,
      n: 3,
    });
    expect(kept.day.find((r) => r.personId === a1 && r.day === '2025-04-10')).toMatchObject({
      hours: 8.5,
      n: 2,
    });
  });

  it('follows records created, edited (hours, kind, another year) and deleted through the service', async () => {
    const b2 = await personOf(ctx, 'b2');
    const rec = await createStudyRecord(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, b2, {
      date: '2025-06-01',
      hours: 6,
      kind: 'collective_study',
    });
    let t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    expect(t.kept.year.find((r) => r.personId === b2 && r.year === 2025)).toMatchObject({
      hoursCollective: 6,
    });
    const edited = await updateStudyRecord(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, rec.id, {
      version: rec.version,
      hours: 3.5,
      kind: 'concentrated_training',
      date: '2026-02-02',
    });
    t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    // the 2025 row of b2 held only that record: it is gone, not left at zero
    expect(t.kept.year.filter((r) => r.personId === b2).map((r) => r.year)).toEqual([2026]);
    expect(t.kept.day.some((r) => r.personId === b2 && r.day === '2025-06-01')).toBe(false);
    await deleteStudyRecord(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, edited.id, edited.version);
    t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    expect(t.kept.day.some((r) => r.personId === b2 && r.day === '2026-02-02')).toBe(false);
  });

  it('follows statements touching many rows: a multi-row update, an update of other columns, a multi-row delete', async () => {
    const a1 = await personOf(ctx, 'a1');
    await sql`update study_record set hours = hours + 0.5 where person_id = ${a1}`.execute(ctx.deps.db);
    let t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    expect(t.kept.day.find((r) => r.personId === a1 && r.day === '2025-04-10')).toMatchObject({
      hours: 9.5,
    });
    await sql`update study_record set title = 'x'`.execute(ctx.deps.db);
    t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    await sql`delete from study_record where person_id = ${a1} and studied_on < '2026-01-01'`.execute(
      ctx.deps.db,
    );
    t = await totalsVsRecount(ctx);
    expect(t.kept).toEqual(t.recount);
    expect(t.kept.year.some((r) => r.personId === a1 && r.year === 2025)).toBe(false);
  });

  it('EDU facts: yearly sums exclude records after the evaluation date; only days over the floor are sent', async () => {
    const a1 = await personOf(ctx, 'a1');
    const asOf = '2026-06-30';
    const { facts } = await loadOrgFacts(ctx.deps.db, '/', asOf);
    const edu = await loadEduFacts(ctx.deps.db, '/', asOf, facts, { dayFloor: 2.5 });
    const person = edu.flatMap((f) => f.people).find((p) => p.personId === a1);
    // 2026: online 3.5 h on 03-01 (+0.5 above); the 09-01 record lies after asOf
    expect(person?.items.filter((i) => i.date >= '2026')).toEqual([
      { date: '2026-01-01', hours: 3.5, kind: 'online', sessions: 1 },
    ]);
    expect(person?.dayTotals).toEqual([{ date: '2026-03-01', hours: 3.5 }]);
    const later = await loadEduFacts(ctx.deps.db, '/', '2026-11-24', facts, { dayFloor: 2.5 });
    expect(
      later
        .flatMap((f) => f.people)
        .find((p) => p.personId === a1)
        ?.items.filter((i) => i.date >= '2026'),
    ).toEqual([{ date: '2026-01-01', hours: 6, kind: 'online', sessions: 2 }]);
  });
});
