import { createHash } from 'node:crypto';
import { PLAN_COLUMNS, PLAN_ITEM_COLUMNS, bulkInsert } from '../../db/bulk.ts';
import { COMMITTEE_ROLES } from '../../domain/checks/finding.ts';
import { addDays } from '../../domain/dates.ts';
import { BRANCH_KINDS } from '../../shared/enums.ts';
import { draftAnnualPlan } from '../../domain/plans/draft.ts';
import { recordAudit } from '../audit.service.ts';
import { activePacks, packParams, standardPacks } from '../compliance/evaluate.ts';
import { type Deps, SYSTEM_ACTOR } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';

/** A stable number 0–9999 from an org code (the demo stays deterministic). */
export const bucket = (code: string) => createHash('sha1').update(code).digest().readUInt16BE(0) % 10_000;

/**
 * Annual plans (LIFE-014) of the demo branches for the year of `asOf`, drafted from each branch's pack:
 * most filed in January, about one in ten late (February–March), one in twenty a draft never filed,
 * one in twenty without a plan. A filing date after `asOf` leaves the plan a draft.
 */
export async function seedDemoPlans(deps: Deps, asOf: string): Promise<number> {
  const year = Number(asOf.slice(0, 4));
  const orgs = await deps.db
    .selectFrom('org')
    .select(['id', 'parentId', 'path', 'pack', 'code', 'kind'])
    .where('dissolvedOn', 'is', null)
    .execute();
  const positions = await deps.db
    .selectFrom('position')
    .select(['orgId', 'personId', 'role'])
    .where('validFrom', '<=', asOf)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', asOf)]))
    .execute();
  const packs = await standardPacks();
  const packOf = activePacks(
    orgs.map((o) => ({ orgId: o.id, path: o.path, pack: o.pack })),
    new Map(),
  );
  const hasGroups = new Set(orgs.filter((o) => o.kind === 'group').map((o) => o.parentId));
  const plans: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  for (const o of orgs) {
    if (!(BRANCH_KINDS as readonly string[]).includes(o.kind)) continue;
    const b = bucket(o.code);
    if (b % 20 === 0) continue;
    const mine = positions.filter((p) => p.orgId === o.id);
    const draft = draftAnnualPlan({
      year,
      param: packParams(packs.get(packOf.get(o.id)!)!),
      hasCommittee: mine.filter((p) => COMMITTEE_ROLES.has(p.role)).length >= 3,
      hasGroups: hasGroups.has(o.id),
      secretaryId: mine.find((p) => p.role === 'secretary')?.personId ?? null,
    });
    const filedOn =
      b % 20 === 1
        ? null
        : b % 10 === 2
          ? addDays(`${year}-02-01`, b % 45)
          : addDays(`${year}-01-05`, b % 25);
    const filed = filedOn !== null && filedOn <= asOf;
    const id = uuidv7();
    plans.push({
      id,
      orgId: o.id,
      orgPath: o.path,
      year,
      status: filed ? 'filed' : 'draft',
      filedOn: filed ? filedOn : null,
      filedBy: filed ? '支部书记' : null,
    });
    for (const i of draft) items.push({ id: uuidv7(), planId: id, ...i, meetingId: null });
  }
  await deps.db.transaction().execute(async (trx) => {
    await bulkInsert(trx, 'annual_plan', PLAN_COLUMNS, plans);
    await bulkInsert(trx, 'plan_item', PLAN_ITEM_COLUMNS, items);
    await recordAudit(trx, deps.clock(), SYSTEM_ACTOR, {
      action: 'create',
      entity: 'annual_plan',
      after: { demo: true, year, plans: plans.length, items: items.length },
    });
  });
  return plans.length;
}
