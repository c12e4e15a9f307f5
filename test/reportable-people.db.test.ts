import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBranchKind } from '../src/domain/org/org-tree.ts';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { WIDE_SHARE } from '../src/services/compliance/run-context.ts';
import { setOverride } from '../src/services/compliance/parameters.service.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { generateDemoDataset } from '../src/services/demo/demo-dataset.ts';
import { ADMIN_SCOPE } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/**
 * The evaluation loads only the people a rule can report: the person-years an hour rule can report
 * (EDU-001…006: short of the largest minimum in force, leaders short of theirs, the people EDU-004/005/006
 * concern), and the members absent in as many months as LIFE-018's smallest level when no LIFE-019 target
 * is in force. Loading everyone must give exactly the same findings — on an ended and a running year, and
 * after an override moves a bound.
 */
describe('EDU and participation facts: the people a rule can report', () => {
  let ctx: TestContext;
  const both = async (asOf: string, packId?: string) => {
    const some = checkJson(await evaluateCompliance(ctx.deps, { asOf, packId }));
    const all = checkJson(await evaluateCompliance(ctx.deps, { asOf, packId, loadAll: true }));
    return { some, all };
  };
  const edu = (j: ReturnType<typeof checkJson>) => j.findings.filter((f) => f.ruleId.startsWith('EDU-'));
  const rule = (j: ReturnType<typeof checkJson>, id: string) => j.findings.filter((f) => f.ruleId === id);
  const rootOrg = () =>
    ctx.deps.db.selectFrom('org').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow();
  const firstBranch = () =>
    ctx.deps.db
      .selectFrom('org')
      .select('id')
      .where('kind', '=', 'branch')
      .orderBy('seq')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    ctx = await createTestContext();
    const r = await importDataset(ctx.deps, SYSTEM_ACTOR, generateDemoDataset({ asOf: '2026-11-24' }));
    expect(r.written).toBe(true);
  }, 120_000);
  afterAll(() => ctx.close());

  it.each(['2026-11-24', '2026-03-31', '2025-12-31'])(
    'as of %s: same findings as loading everyone',
    async (asOf) => {
      const { some, all } = await both(asOf);
      expect(edu(all).length).toBeGreaterThan(0);
      // the demo's lapsing member (DEMO_LAPSE) is 5 months into a streak on the day it is generated for
      if (asOf === '2026-11-24') expect(rule(all, 'LIFE-018').length).toBeGreaterThan(0);
      expect(some).toEqual(all);
    },
  );

  // a branch's own run (the refresh after a write) loads everyone, runs its statements on generic plans
  // (PostgreSQL) and reads admission dates and, as of a past day (2026-03-31: records and credit dated after it),
  // what is dated after it person by person: it must judge exactly like the whole tree's run
  it.each(['2026-11-24', '2026-03-31', '2025-12-31'])(
    'as of %s: each branch evaluated alone finds what the whole run finds in its subtree',
    async (asOf) => {
      const whole = checkJson(await evaluateCompliance(ctx.deps, { asOf })).findings;
      const orgs = await ctx.deps.db.selectFrom('org').select(['code', 'path', 'kind']).execute();
      const pathOf = new Map(orgs.map((o) => [o.code, o.path]));
      const branches = orgs.filter((o) => isBranchKind(o.kind));
      expect(branches.length).toBeGreaterThan(5);
      let compared = 0;
      for (const b of branches) {
        const alone = checkJson(await evaluateCompliance(ctx.deps, { asOf, orgCode: b.code })).findings;
        expect(alone).toEqual(whole.filter((f) => pathOf.get(f.org)!.startsWith(b.path)));
        compared += alone.length;
      }
      expect(compared).toBeGreaterThan(0);
    },
  );

  /** The orgs below the root that are not branches and hold less than WIDE_SHARE of the tree's orgs. */
  const narrowSubtrees = async () => {
    const orgs = await ctx.deps.db.selectFrom('org').select(['code', 'path', 'kind', 'parentId']).execute();
    return orgs.filter(
      (o) =>
        o.parentId !== null &&
        !isBranchKind(o.kind) &&
        orgs.filter((x) => x.path.startsWith(o.path)).length < WIDE_SHARE * orgs.length,
    );
  };

  // a 党委 or 总支 with a small share of the tree reads its own members (not the kept person-years of the whole
  // tree) and sums what is dated after a past day person by person (not in one pass over the tree)
  it.each(['2026-11-24', '2026-03-31'])(
    'as of %s: each smaller 党委 or 总支 evaluated alone finds what the whole run finds in its subtree',
    async (asOf) => {
      const whole = checkJson(await evaluateCompliance(ctx.deps, { asOf })).findings;
      const orgs = await ctx.deps.db.selectFrom('org').select(['code', 'path']).execute();
      const pathOf = new Map(orgs.map((o) => [o.code, o.path]));
      const narrow = await narrowSubtrees();
      expect(narrow.length).toBeGreaterThan(1);
      let compared = 0;
      for (const o of narrow) {
        const alone = checkJson(await evaluateCompliance(ctx.deps, { asOf, orgCode: o.code })).findings;
        expect(alone).toEqual(whole.filter((f) => pathOf.get(f.org)!.startsWith(o.path)));
        compared += alone.filter((f) => f.ruleId.startsWith('EDU-')).length;
      }
      expect(compared).toBeGreaterThan(0);
    },
  );

  // a whole run as of a day with nothing dated after it finds the people short of the member hours from the kept
  // person-years (migration 0021) when its years are in their span, else by enumerating every member-year
  it('reads the kept person-year sums for EDU-001, and enumerates member-years outside their span', async () => {
    const { all } = await both('2026-11-24');
    const ended = (j: ReturnType<typeof checkJson>) => rule(j, 'EDU-001').filter((f) => f.period === '2025');
    expect(ended(all).length).toBeGreaterThan(0);
    const db = ctx.deps.db;
    const span = await db.selectFrom('studyPersonYearSpan').selectAll().executeTakeFirstOrThrow();
    // kept sums that say every 2025 member-year had 1000 more hours: the run trusts them
    await sql`update study_person_year set cc_hours = cc_hours + 1000 where year = 2025`.execute(db);
    expect(ended((await both('2026-11-24')).some).length).toBeLessThan(ended(all).length);
    // a smaller subtree reads its own members' sums, not the kept ones
    const narrow = await narrowSubtrees();
    let narrowEnded = 0;
    for (const o of narrow) {
      const one = (loadAll: boolean) =>
        evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: o.code, loadAll }).then(checkJson);
      const some = await one(false);
      expect(some).toEqual(await one(true));
      narrowEnded += ended(some).length;
    }
    expect(narrowEnded).toBeGreaterThan(0);
    // a span that stops before 2025: the run enumerates member-years and ignores the kept sums
    await sql`update study_person_year_span set through_year = 2024`.execute(db);
    expect((await both('2026-11-24')).some).toEqual(all);
    await sql`update study_person_year_span set through_year = ${span.throughYear}`.execute(db);
    await sql`select zhibu_refresh_person_years(array(select distinct person_id from study_person_year))`.execute(
      db,
    );
    expect((await both('2026-11-24')).some).toEqual(all);
  });

  it('follows an override that raises the member minimum (EDU-001) for a subtree', async () => {
    const before = edu((await both('2026-11-24')).some).length;
    const branch = await firstBranch();
    await setOverride(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, branch.id, 'edu.member.minHoursPerYear', {
      value: 200,
      reason: '测试：提高学时要求',
    });
    const { some, all } = await both('2026-11-24');
    expect(edu(some).length).toBeGreaterThan(before);
    expect(some).toEqual(all);
  });

  it('follows an override that alerts after one missed month (LIFE-018) for a subtree', async () => {
    const before = rule((await both('2026-11-24')).all, 'LIFE-018').length;
    await setOverride(
      ctx.deps,
      ADMIN_SCOPE,
      SYSTEM_ACTOR,
      (await rootOrg()).id,
      'member.selfLapse.alertMonths',
      {
        value: [1, 2],
        reason: '测试：提前预警',
      },
    );
    const { some, all } = await both('2026-11-24');
    expect(rule(all, 'LIFE-018').length).toBeGreaterThan(before);
    expect(some).toEqual(all);
    // a branch's own run picks its members at risk by a subquery, in the same turn as its other reads
    const orgs = await ctx.deps.db.selectFrom('org').select(['code', 'path']).execute();
    const pathOf = new Map(orgs.map((o) => [o.code, o.path]));
    const lapsing = [...new Set(rule(all, 'LIFE-018').map((f) => f.org))];
    expect(lapsing.length).toBeGreaterThan(1);
    for (const code of lapsing) {
      const alone = checkJson(await evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: code }));
      expect(alone.findings).toEqual(
        all.findings.filter((f) => pathOf.get(f.org)!.startsWith(pathOf.get(code)!)),
      );
    }
  });

  it('loads every member when a participation target (LIFE-019) is in force', async () => {
    await setOverride(
      ctx.deps,
      ADMIN_SCOPE,
      SYSTEM_ACTOR,
      (await rootOrg()).id,
      'life.participation.target',
      {
        value: 0.99,
        reason: '测试：参与率目标',
      },
    );
    const { some, all } = await both('2026-11-24', 'zibo-2017-guoying'); // a pack scoring LIFE-019
    expect(rule(all, 'LIFE-019').length).toBeGreaterThan(0);
    expect(some).toEqual(all);
  });

  // the root's pack (the baseline) scores none of LIFE-013/015/016, EDU-003/007: their facts are loaded because
  // packs set on branches inside the subtree score them (nwnu-2019-standardization, zibo-2017-guoying)
  it('loads the facts of rules that only packs set inside the subtree score', async () => {
    const [b1, b2] = await ctx.deps.db
      .selectFrom('org')
      .select(['id', 'code', 'path'])
      .where('kind', '=', 'branch')
      .orderBy('seq')
      .limit(2)
      .execute();
    const setPack = (id: string, pack: string) =>
      ctx.deps.db.updateTable('org').set({ pack }).where('id', '=', id).execute();
    await setPack(b1.id, 'nwnu-2019-standardization');
    await setPack(b2.id, 'zibo-2017-guoying');
    // b1 published its points for 2025 Q4: EDU-007 must see it (the baseline does not load publications)
    await sql`insert into points_publication (id, org_id, org_path, period, published_by, published_at, snapshot)
      values (gen_random_uuid(), ${b1.id}, ${b1.path}, '2025-Q4', 'test', now(), '[]'::jsonb)`.execute(
      ctx.deps.db,
    );
    for (const asOf of ['2026-11-24', '2026-03-31']) {
      const { some, all } = await both(asOf);
      const points = rule(all, 'EDU-007').filter((f) => f.org === b1.code);
      expect(points.length).toBeGreaterThan(0);
      expect(points.map((f) => f.period)).not.toContain('2025-Q4');
      expect(rule(all, 'EDU-003').length + rule(all, 'EDU-007').length).toBeGreaterThan(points.length);
      expect(some).toEqual(all);
    }
  });
});
