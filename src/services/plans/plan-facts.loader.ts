import { sql } from 'kysely';
import { inSubtree } from '../../db/subtree.ts';
import type { PlanFacts } from '../../domain/checks/types.ts';
import type { Tx } from '../deps.ts';
import { addToMonth } from '../../domain/checks/monthly-counts.ts';

/**
 * Annual-plan facts (LIFE-014) for a subtree and the year of `asOf`, in one set-based query: each
 * plan's filing day (only when filed by `asOf`, so evaluation stays reproducible) and its items per
 * tag per month.
 */
export async function loadPlanFacts(db: Tx, rootPath: string, asOf: string): Promise<Map<string, PlanFacts>> {
  const rows = await sql<{
    orgId: string;
    filedOn: string | null;
    tag: string | null;
    month: string | null;
    n: number;
  }>`
    select p.org_id,
      case when p.status = 'filed' and p.filed_on <= ${asOf} then p.filed_on::text end as filed_on,
      t.tag, left(i.planned_on::text, 7) as month, count(i.id)::int as n
    from annual_plan p
    left join plan_item i on i.plan_id = p.id
    left join lateral jsonb_array_elements_text(i.tags) as t(tag) on true
    where ${inSubtree('p.org_path', rootPath)} and p.year = ${Number(asOf.slice(0, 4))}
    group by 1, 2, 3, 4`.execute(db);
  const out = new Map<string, PlanFacts>();
  for (const r of rows.rows) {
    const f = out.get(r.orgId) ?? { filedOn: r.filedOn, monthly: {} };
    out.set(r.orgId, f);
    if (!r.tag || !r.month) continue;
    addToMonth(f.monthly, r.tag, r.month, Number(r.n));
  }
  return out;
}
