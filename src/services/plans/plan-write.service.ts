import type { Scope } from '../../domain/auth/scope.ts';
import { COMMITTEE_ROLES } from '../../domain/checks/finding.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { conflict, notFound, ruleRefusal, validationError } from '../../domain/errors.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import { draftAnnualPlan } from '../../domain/plans/draft.ts';
import { PlanItemBody, type PlanItemsBody } from '../../shared/contracts/plans.contract.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForWrite } from '../scope-guard.ts';
import { paramsForOrg } from './plan-params.ts';
import { getPlan } from './plan-read.service.ts';

type Item = ReturnType<typeof PlanItemBody.parse>;

/** What the draft generator needs to know of a branch today: committee, 党小组, secretary. */
async function branchShape(trx: Tx, org: { id: string; path: string }, today: string) {
  const [positions, groups] = await Promise.all([
    trx
      .selectFrom('position')
      .select(['personId', 'role'])
      .where('orgId', '=', org.id)
      .where('validFrom', '<=', today)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', today)]))
      .execute(),
    trx
      .selectFrom('org')
      .select('id')
      .where('parentId', '=', org.id)
      .where('kind', '=', 'group')
      .where('dissolvedOn', 'is', null)
      .execute(),
  ]);
  return {
    hasCommittee: positions.filter((p) => COMMITTEE_ROLES.has(p.role)).length >= 3,
    hasGroups: groups.length > 0,
    secretaryId: positions.find((p) => p.role === 'secretary')?.personId ?? null,
  };
}

async function insertItems(trx: Tx, planId: string, items: Item[]) {
  if (!items.length) return;
  await trx
    .insertInto('planItem')
    .values(items.map((i) => ({ id: uuidv7(), planId, ...i, tags: JSON.stringify(i.tags) })))
    .execute();
}

/** Generates the draft annual plan of a branch for a year from its pack's minima (LIFE-014). */
export async function generatePlanDraft(deps: Deps, scope: Scope, actor: Actor, orgId: string, year: number) {
  const id = uuidv7();
  const exists = () => conflict(`${year}年度计划已存在，请在计划表中修改`, 'plan_exists');
  // a concurrent request that wins the unique (org, year) slot makes this one a 409 too
  const raced = (e: unknown) => {
    throw (e as { code?: string }).code === '23505' ? exists() : e;
  };
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const org = await orgForWrite(trx, scope, orgId);
      if (!isBranchKind(org.kind)) throw ruleRefusal('not_a_branch', '年度计划须由党支部制定');
      const found = await trx
        .selectFrom('annualPlan')
        .select('id')
        .where('orgId', '=', orgId)
        .where('year', '=', year)
        .executeTakeFirst();
      if (found) throw exists();
      const shape = await branchShape(trx, org, shanghaiDate(deps.clock()));
      const items = draftAnnualPlan({ year, param: await paramsForOrg(trx, org), ...shape });
      await trx.insertInto('annualPlan').values({ id, orgId, orgPath: org.path, year }).execute();
      await insertItems(
        trx,
        id,
        items.map((i) => ({ ...i, meetingId: null })),
      );
      await recordAudit(trx, deps.clock(), actor, {
        action: 'create',
        entity: 'annual_plan',
        entityId: id,
        orgPath: org.path,
        after: { year, items: items.length },
      });
    })
    .catch(raced);
  return getPlan(deps, scope, orgId, year);
}

async function planForWrite(trx: Tx, scope: Scope, planId: string, version: number) {
  const plan = await trx.selectFrom('annualPlan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) throw notFound('年度计划', 'plan_not_found');
  const org = await orgForWrite(trx, scope, plan.orgId);
  checkVersion(plan.version, version);
  if (plan.status === 'filed')
    throw ruleRefusal('plan_filed', `${plan.year}年度计划已于${plan.filedOn}报备，不能再修改`);
  return { plan, org };
}

/** Replaces the items of a draft plan (the edit table saves them all at once). */
export async function savePlanItems(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  planId: string,
  body: PlanItemsBody,
) {
  const items = body.items.map((i) => PlanItemBody.parse(i));
  const orgId = await deps.db.transaction().execute(async (trx) => {
    const { plan, org } = await planForWrite(trx, scope, planId, body.version);
    const errors = items.flatMap((i, n) =>
      i.plannedOn.startsWith(`${plan.year}-`)
        ? []
        : [{ path: `items.${n}.plannedOn`, message: `第 ${n + 1} 行计划日期应在${plan.year}年内` }],
    );
    if (errors.length) throw validationError(errors[0].message, errors);
    await checkRefs(trx, org.path, items);
    const before = await trx.selectFrom('planItem').selectAll().where('planId', '=', planId).execute();
    await trx.deleteFrom('planItem').where('planId', '=', planId).execute();
    await insertItems(trx, planId, items);
    await trx
      .updateTable('annualPlan')
      .set({ version: plan.version + 1 })
      .where('id', '=', planId)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update',
      entity: 'annual_plan',
      entityId: planId,
      orgPath: org.path,
      before: { items: before },
      after: { items },
    });
    return plan.orgId;
  });
  const plan = await deps.db
    .selectFrom('annualPlan')
    .select('year')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  return getPlan(deps, scope, orgId, plan.year);
}

/** Lecturers must exist; linked meetings must be the branch's (or its 党小组's). */
async function checkRefs(trx: Tx, path: string, items: Item[]) {
  const lecturers = [...new Set(items.flatMap((i) => (i.lecturerId ? [i.lecturerId] : [])))];
  const meetings = [...new Set(items.flatMap((i) => (i.meetingId ? [i.meetingId] : [])))];
  const [people, held] = await Promise.all([
    lecturers.length ? trx.selectFrom('person').select('id').where('id', 'in', lecturers).execute() : [],
    meetings.length
      ? trx
          .selectFrom('meeting')
          .select('id')
          .where('id', 'in', meetings)
          .where('orgPath', 'like', `${path}%`)
          .execute()
      : [],
  ]);
  const known = new Set([...people, ...held].map((r) => r.id));
  const n = items.findIndex(
    (i) => (i.lecturerId && !known.has(i.lecturerId)) || (i.meetingId && !known.has(i.meetingId)),
  );
  if (n < 0) return;
  const field = items[n].lecturerId && !known.has(items[n].lecturerId) ? 'lecturerId' : 'meetingId';
  const message = `第 ${n + 1} 行${field === 'lecturerId' ? '主讲人不存在' : '关联的会议记录不属于本支部'}`;
  throw validationError(message, [{ path: `items.${n}.${field}`, message }]);
}

/** Files the plan with the parent org: filed_on = today (Asia/Shanghai); no edits afterwards. */
export async function filePlan(deps: Deps, scope: Scope, actor: Actor, planId: string, version: number) {
  const today = shanghaiDate(deps.clock());
  const { orgId, year } = await deps.db.transaction().execute(async (trx) => {
    const { plan, org } = await planForWrite(trx, scope, planId, version);
    const n = await trx
      .selectFrom('planItem')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('planId', '=', planId)
      .executeTakeFirstOrThrow();
    if (Number(n.n) === 0) throw ruleRefusal('plan_empty', '年度计划没有任何计划事项，不能报备');
    await trx
      .updateTable('annualPlan')
      .set({ status: 'filed', filedOn: today, filedBy: actor.name, version: plan.version + 1 })
      .where('id', '=', planId)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'file',
      entity: 'annual_plan',
      entityId: planId,
      orgPath: org.path,
      before: { status: plan.status },
      after: { status: 'filed', filedOn: today },
    });
    return { orgId: plan.orgId, year: plan.year };
  });
  await refreshAfterWrite(deps, orgId);
  return getPlan(deps, scope, orgId, year);
}
