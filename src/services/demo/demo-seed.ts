import { createUser, grantRole } from '../auth.service.ts';
import { importDataset } from '../dataset/dataset-import.ts';
import { type Deps, SYSTEM_ACTOR } from '../deps.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seedDemoPlans } from '../plans/demo-plans.ts';
import { seedDemoPoints } from '../study/demo-points.ts';
import { generateDemoDataset } from './demo-dataset.ts';

/** True when the database holds no org yet (first start). */
export async function isEmpty(deps: Deps): Promise<boolean> {
  return !(await deps.db.selectFrom('org').select('id').limit(1).executeTakeFirst());
}

/**
 * Loads the deterministic demo university (as of `asOf`) through the dataset importer and
 * creates one account per role. Refuses a database that already has orgs.
 */
export async function seedDemo(
  deps: Deps,
  asOf: string,
  onProgress?: (done: number, total: number, what: string) => void,
) {
  if (!(await isEmpty(deps))) throw new Error('数据库中已有组织数据，演示数据只能载入空数据库');
  const doc = generateDemoDataset({ asOf });
  const report = await importDataset(deps, SYSTEM_ACTOR, doc, { onProgress });
  if (!report.written)
    throw new Error(
      `演示数据导入失败：${report.errors
        .slice(0, 5)
        .map((e) => `${e.array}[${e.index}].${e.field}: ${e.message}`)
        .join('; ')}`,
    );
  const plans = await seedDemoPlans(deps, asOf);
  await seedDemoPoints(deps, asOf);
  const personIds = new Map(
    (
      await deps.db
        .selectFrom('person')
        .select(['id', 'ref'])
        .where(
          'ref',
          'in',
          DEMO_ACCOUNTS.flatMap((a) => (a.personRef ? [a.personRef] : [])),
        )
        .execute()
    ).map((p) => [p.ref, p.id]),
  );
  for (const a of DEMO_ACCOUNTS) {
    await createUser(deps, SYSTEM_ACTOR, {
      username: a.username,
      displayName: a.description.split('：')[0] ?? a.username,
      password: a.password,
      personId: a.personRef ? (personIds.get(a.personRef) ?? null) : null,
    });
    await grantRole(deps, SYSTEM_ACTOR, {
      username: a.username,
      role: a.role,
      orgCode: a.orgCode,
      pii: a.pii,
    });
  }
  // the demo's annual plans are written after the import (they need the imported orgs): count them too
  return { ...report.counts, annual_plans: (report.counts.annual_plans ?? 0) + plans };
}
