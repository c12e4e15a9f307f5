import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { setOverride } from '../src/services/compliance/parameters.service.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { generateDemoDataset } from '../src/services/demo/demo-dataset.ts';
import { ADMIN_SCOPE } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

/**
 * The evaluation loads only the person-years an hour rule can report (EDU-001…006: short of the largest
 * minimum in force, leaders short of theirs, the people EDU-004/005/006 concern). Loading everyone must
 * give exactly the same findings — on an ended and a running year, and after an override moves a bound.
 */
describe('EDU facts: the people an hour rule can report', () => {
  let ctx: TestContext;
  const both = async (asOf: string) => {
    const some = checkJson(await evaluateCompliance(ctx.deps, { asOf }));
    const all = checkJson(await evaluateCompliance(ctx.deps, { asOf, allPeople: true }));
    return { some, all };
  };
  const edu = (j: ReturnType<typeof checkJson>) => j.findings.filter((f) => f.ruleId.startsWith('EDU-'));

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
      expect(some).toEqual(all);
    },
  );

  it('follows an override that raises the member minimum (EDU-001) for a subtree', async () => {
    const before = edu((await both('2026-11-24')).some).length;
    const branch = await ctx.deps.db
      .selectFrom('org')
      .select('id')
      .where('kind', '=', 'branch')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await setOverride(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, branch.id, 'edu.member.minHoursPerYear', {
      value: 200,
      reason: '测试：提高学时要求',
    });
    const { some, all } = await both('2026-11-24');
    expect(edu(some).length).toBeGreaterThan(before);
    expect(some).toEqual(all);
  });
});
