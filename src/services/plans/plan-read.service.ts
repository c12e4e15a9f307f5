import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { planDueDate } from '../../domain/checks/annual-plan.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import { type HeldMeeting, planVariance } from '../../domain/plans/variance.ts';
import type { PlanFilingResponse, PlanResponse, PlanView } from '../../shared/contracts/plans.contract.ts';
import type { Deps, Tx } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { paramsForOrg } from './plan-params.ts';

/** Held meeting records (not merely planned) under a path in a year: the branch's and its 党小组's. */
export async function heldMeetings(db: Tx, path: string, year: number) {
  return db
    .selectFrom('meeting')
    .select(['id', 'orgPath', 'heldOn', 'tags', 'topic'])
    .where('orgPath', 'like', `${path}%`)
    .where('heldOn', '>=', `${year}-01-01`)
    .where('heldOn', '<=', `${year}-12-31`)
    .where('status', '<>', 'planned')
    .orderBy('heldAt')
    .execute();
}

const filingTargetName = (v: unknown) => (!v || v === 'PARENT' ? '上级党组织' : String(v));

/** A branch's annual plan for a year with planned vs held per item, its deadline and filing target. */
export async function getPlan(deps: Deps, scope: Scope, orgId: string, year: number): Promise<PlanResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const param = await paramsForOrg(deps.db, org);
  const base = {
    orgId,
    orgName: org.name,
    year,
    dueDate: planDueDate(year, param).due,
    filingTarget: filingTargetName(param('life.annualPlan.filingTarget').value),
    canWrite: canWritePath(scope, org.path),
  };
  const plan = await deps.db
    .selectFrom('annualPlan')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!plan) return { ...base, plan: null };
  const [items, held] = await Promise.all([
    deps.db
      .selectFrom('planItem as i')
      .leftJoin('person as p', 'p.id', 'i.lecturerId')
      .select([
        'i.id',
        'i.plannedOn',
        'i.tags',
        'i.theme',
        'i.lecturerId',
        'p.name as lecturerName',
        'i.note',
        'i.meetingId',
      ])
      .where('i.planId', '=', plan.id)
      .orderBy('i.plannedOn')
      .orderBy('i.id')
      .execute(),
    heldMeetings(deps.db, org.path, year),
  ]);
  const asOf = shanghaiDate(deps.clock());
  const { matches, unplanned } = planVariance(items, held.map(toHeld), asOf);
  const byItem = new Map(matches.map((m) => [m.itemId, m]));
  const heldById = new Map(held.map((m) => [m.id, m]));
  const view: PlanView = {
    id: plan.id,
    orgId,
    year,
    status: plan.status as PlanView['status'],
    filedOn: plan.filedOn,
    filedBy: plan.filedBy,
    version: plan.version,
    items: items.map((i) => {
      const m = byItem.get(i.id)!;
      return { ...i, meetingId: m.meetingId, state: m.state, heldOn: m.heldOn };
    }),
    unplanned: unplanned.map((id) => {
      const m = heldById.get(id)!;
      return { meetingId: id, heldOn: m.heldOn, tags: m.tags, topic: m.topic };
    }),
  };
  return { ...base, plan: view };
}

const toHeld = (m: { id: string; heldOn: string; tags: string[] }): HeldMeeting => ({
  id: m.id,
  heldOn: m.heldOn,
  tags: m.tags,
});

/**
 * For a parent org: every branch of its subtree with its plan's filing status (filed on time or late,
 * against the parent's deadline), item count and items fulfilled so far — three set-based queries.
 */
export async function listPlanFilings(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<PlanFilingResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const { due } = planDueDate(year, await paramsForOrg(deps.db, org));
  const like = `${org.path}%`;
  const [branches, plans, items, held] = await Promise.all([
    deps.db
      .selectFrom('org')
      .select(['id', 'name', 'code', 'kind', 'path'])
      .where('path', 'like', like)
      .where('dissolvedOn', 'is', null)
      .orderBy('path')
      .execute(),
    deps.db
      .selectFrom('annualPlan')
      .select(['id', 'orgId', 'status', 'filedOn'])
      .where('orgPath', 'like', like)
      .where('year', '=', year)
      .execute(),
    deps.db
      .selectFrom('planItem as i')
      .innerJoin('annualPlan as p', 'p.id', 'i.planId')
      .select(['i.id', 'p.orgId', 'i.plannedOn', 'i.tags', 'i.meetingId'])
      .where('p.orgPath', 'like', like)
      .where('p.year', '=', year)
      .execute(),
    heldMeetings(deps.db, org.path, year),
  ]);
  const planOf = new Map(plans.map((p) => [p.orgId, p]));
  const itemsOf = groupBy(items, (i) => i.orgId);
  const branchPaths = new Set(branches.filter((b) => isBranchKind(b.kind)).map((b) => b.path));
  /** A meeting counts for the nearest branch at or above its org (a 党小组's meeting for its branch). */
  const heldOf = groupBy(held, (m) => {
    for (let at = m.orgPath; at.length > 1; at = at.slice(0, at.slice(0, -1).lastIndexOf('/') + 1))
      if (branchPaths.has(at)) return at;
    return '';
  });
  const asOf = shanghaiDate(deps.clock());
  const rows = branches
    .filter((b) => isBranchKind(b.kind))
    .map((b) => {
      const p = planOf.get(b.id);
      const mine = itemsOf.get(b.id) ?? [];
      const heldHere = (heldOf.get(b.path) ?? []).map(toHeld);
      const fulfilled = planVariance(mine, heldHere, asOf).matches.filter((m) => m.state === 'held').length;
      return {
        orgId: b.id,
        orgName: b.name,
        orgCode: b.code,
        status: (p?.status ?? 'none') as 'none' | 'draft' | 'filed',
        filedOn: p?.filedOn ?? null,
        onTime: p?.filedOn ? p.filedOn <= due : null,
        itemCount: mine.length,
        heldCount: fulfilled,
      };
    });
  return { year, dueDate: due, items: rows };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
