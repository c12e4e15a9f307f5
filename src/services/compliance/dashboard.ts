/**
 * The compliance dashboard of a subtree: branches × period ends, each cell the findings by severity
 * at that date. One set-based evaluation of the subtree per column (at most 12), no per-branch queries.
 */
import type { Scope } from '../../domain/auth/scope.ts';
import type {
  DashboardQuery,
  DashboardResponse,
  SeverityCounts,
} from '../../shared/contracts/compliance.contract.ts';
import { BRANCH_KINDS } from '../../shared/enums.ts';
import type { Deps } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { evaluateCompliance, standardPacks } from './evaluate.ts';
import { asOfOrToday, type EvalFinding, severityCounts, totalsByRule } from './findings-query.ts';

/** Most heat-map rows sent; the rest are counted (`truncated`). */
export const DASHBOARD_MAX_ROWS = 300;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The last `n` periods up to `asOf`, oldest first: label (YYYY-MM or YYYY-Qn) and the date evaluated
 * (the period's last day, or asOf for the period that contains it).
 */
export function periodEnds(
  asOf: string,
  granularity: 'month' | 'quarter',
  n: number,
): { label: string; end: string }[] {
  const [y, m] = asOf.split('-').map(Number);
  const step = granularity === 'month' ? 1 : 3;
  const current = y * 12 + (granularity === 'month' ? m - 1 : Math.ceil(m / 3) * 3 - 1);
  const out: { label: string; end: string }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const idx = current - i * step;
    const py = Math.floor(idx / 12);
    const pm = (idx % 12) + 1;
    const end = `${py}-${pad(pm)}-${pad(lastDay(py, pm))}`;
    out.push({
      label: granularity === 'month' ? `${py}-${pad(pm)}` : `${py}-Q${pm / 3}`,
      end: end > asOf ? asOf : end,
    });
  }
  return out;
}

type Row = DashboardResponse['rows'][number];
const zero = (): SeverityCounts => ({ violation: 0, warn: 0, info: 0 });
const sum = (cells: readonly SeverityCounts[], k: keyof SeverityCounts) =>
  cells.reduce((n, c) => n + c[k], 0);

/** GET /api/compliance/dashboard */
export async function complianceDashboard(
  deps: Deps,
  scope: Scope,
  q: DashboardQuery,
): Promise<DashboardResponse> {
  const root = await orgForRead(deps.db, scope, q.orgId);
  const asOf = asOfOrToday(deps, q.asOf);
  const periods = periodEnds(asOf, q.granularity, q.periods);
  const first = periods[0].end;
  const branches = await deps.db
    .selectFrom('org')
    .select(['id', 'code', 'name'])
    .where('path', 'like', `${root.path}%`)
    .where('kind', 'in', [...BRANCH_KINDS])
    .where((eb) => eb.or([eb('establishedOn', 'is', null), eb('establishedOn', '<=', asOf)]))
    .where((eb) => eb.or([eb('dissolvedOn', 'is', null), eb('dissolvedOn', '>', first)]))
    .orderBy('path')
    .execute();
  const cells = new Map<string, SeverityCounts[]>(branches.map((b) => [b.id, periods.map(() => zero())]));
  const trend: DashboardResponse['trend'] = [];
  let latest: readonly EvalFinding[] = [];
  for (const [i, p] of periods.entries()) {
    const { findings } = await evaluateCompliance(deps, { orgCode: root.code, asOf: p.end });
    for (const f of findings) {
      const row = cells.get(f.orgId);
      if (row) row[i][f.severity] += 1;
    }
    const c = severityCounts(findings);
    trend.push({ label: p.label, violation: c.violation, warn: c.warn });
    latest = findings;
  }
  const last = periods.length - 1;
  const rows: Row[] = branches.map((b) => ({
    orgId: b.id,
    code: b.code,
    name: b.name,
    cells: cells.get(b.id)!,
  }));
  rows.sort(
    (a, b) =>
      b.cells[last].violation - a.cells[last].violation ||
      sum(b.cells, 'violation') - sum(a.cells, 'violation') ||
      sum(b.cells, 'warn') - sum(a.cells, 'warn') ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    asOf,
    granularity: q.granularity,
    periods,
    rows: rows.slice(0, DASHBOARD_MAX_ROWS),
    totalRows: rows.length,
    truncated: rows.length > DASHBOARD_MAX_ROWS,
    totalsByRule: totalsByRule(await standardPacks(), latest),
    trend,
  };
}
