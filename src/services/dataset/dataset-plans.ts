import { PLAN_COLUMNS, PLAN_ITEM_COLUMNS, bulkInsert } from '../../db/bulk.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';
import { DatasetAnnualPlan } from '../../shared/contracts/plan-dataset.contract.ts';
import type { Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { recordIssues } from './record-issues.ts';

export type ValidAnnualPlan = { i: number; v: DatasetAnnualPlan };

/**
 * Validates `annual_plans`: shape, a known org, one plan per org and year (in the file and against the
 * database), items dated within the plan's year, known lecturers. A plan filed late or not covering the
 * minima is not an error: LIFE-014 reports it.
 */
export function validateAnnualPlans(
  items: unknown[],
  okCodes: Set<string>,
  okRefs: Set<string>,
  existingPlans: Set<string>,
  errors: ImportIssue[],
): ValidAnnualPlan[] {
  const out: ValidAnnualPlan[] = [];
  const seen = new Set<string>();
  const err = (index: number, field: string | null, message: string) =>
    errors.push({ array: 'annual_plans', index, field, message });
  items.forEach((item, i) => {
    const r = DatasetAnnualPlan.safeParse(item);
    if (!r.success) {
      errors.push(...recordIssues('annual_plans', i, r.error));
      return;
    }
    const v = r.data;
    let ok = true;
    if (!okCodes.has(v.org)) {
      err(i, 'org', `组织编码 ${v.org} 不存在`);
      ok = false;
    }
    const key = `${v.org}|${v.year}`;
    if (seen.has(key) || existingPlans.has(key)) {
      err(i, 'year', `${v.org} 的 ${v.year} 年度计划重复（每个组织每年一份）`);
      ok = false;
    }
    seen.add(key);
    v.items.forEach((it, j) => {
      if (it.date.slice(0, 4) !== String(v.year)) {
        err(i, `items.${j}.date`, `计划日期 ${it.date} 不在 ${v.year} 年内`);
        ok = false;
      }
      if (it.lecturer && !okRefs.has(it.lecturer)) {
        err(i, `items.${j}.lecturer`, `人员 ref ${it.lecturer} 不存在`);
        ok = false;
      }
    });
    if (ok) out.push({ i, v });
  });
  return out;
}

/** Writes annual plans and their items in bulk (inside the import transaction). */
export async function writeAnnualPlans(
  trx: Tx,
  plans: ValidAnnualPlan[],
  org: (code: string) => { id: string; path: string },
  personId: (ref: string) => string,
  by: string,
): Promise<void> {
  const planRows = plans.map(({ v }) => ({ id: uuidv7(), v }));
  await bulkInsert(
    trx,
    'annual_plan',
    PLAN_COLUMNS,
    planRows.map(({ id, v }) => ({
      id,
      orgId: org(v.org).id,
      orgPath: org(v.org).path,
      year: v.year,
      status: v.filed_on ? 'filed' : 'draft',
      filedOn: v.filed_on ?? null,
      filedBy: v.filed_on ? by : null,
    })),
  );
  await bulkInsert(
    trx,
    'plan_item',
    PLAN_ITEM_COLUMNS,
    planRows.flatMap(({ id, v }) =>
      v.items.map((it) => ({
        id: uuidv7(),
        planId: id,
        plannedOn: it.date,
        tags: JSON.stringify(it.tags),
        theme: it.theme,
        lecturerId: it.lecturer ? personId(it.lecturer) : null,
        note: it.note ?? null,
        meetingId: null,
      })),
    ),
  );
}

/** Annual plans of a subtree in zhibu-dataset/1 form, in a deterministic order (round-trips). */
export async function exportAnnualPlans(
  db: Tx,
  rootPath: string,
  refOf: Map<string, string>,
): Promise<DatasetAnnualPlan[]> {
  const [plans, items] = await Promise.all([
    db
      .selectFrom('annualPlan as p')
      .innerJoin('org as o', 'o.id', 'p.orgId')
      .select(['p.id', 'o.code', 'p.year', 'p.status', 'p.filedOn'])
      .where(inSubtree('p.orgPath', rootPath))
      .execute(),
    db
      .selectFrom('planItem as i')
      .innerJoin('annualPlan as p', 'p.id', 'i.planId')
      .select(['i.planId', 'i.plannedOn', 'i.tags', 'i.theme', 'i.lecturerId', 'i.note'])
      .where(inSubtree('p.orgPath', rootPath))
      .execute(),
  ]);
  const itemsOf = new Map<string, DatasetAnnualPlan['items']>();
  for (const it of items) {
    const list = itemsOf.get(it.planId) ?? [];
    const item: DatasetAnnualPlan['items'][number] = {
      date: it.plannedOn,
      tags: it.tags as DatasetAnnualPlan['items'][number]['tags'],
      theme: it.theme,
    };
    if (it.lecturerId) item.lecturer = refOf.get(it.lecturerId) ?? it.lecturerId;
    if (it.note) item.note = it.note;
    list.push(item);
    itemsOf.set(it.planId, list);
  }
  const byDate = (a: { date: string; theme: string }, b: { date: string; theme: string }) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0;
  return plans
    .map((p) => {
      const plan: DatasetAnnualPlan = {
        org: p.code,
        year: p.year,
        items: (itemsOf.get(p.id) ?? []).sort(byDate),
      };
      if (p.status === 'filed') plan.filed_on = p.filedOn;
      return plan;
    })
    .sort((a, b) => (a.org < b.org ? -1 : a.org > b.org ? 1 : a.year - b.year));
}
