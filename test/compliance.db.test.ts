import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { IMPLEMENTED_RULES } from '../src/services/compliance/findings-query.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import {
  type DashboardResponse,
  type FindingsResponse,
  SEVERITIES,
  type ScoreNode,
  type ScorecardResponse,
} from '../src/shared/contracts/compliance.contract.ts';
import type { PackDocResponse, PackListResponse } from '../src/shared/contracts/standards.contract.ts';
import { call, insertUser, loginAs, type Session } from './factories.ts';
import { smallUniversity } from './datasets.ts';
import { createTestContext, type TestContext } from './server.ts';

/** Only the ORG rules (other checks may be registered; these tests pin the structure rules). */
const orgRules = <T extends { ruleId: string }>(items: T[]) =>
  items.filter((i) => i.ruleId.startsWith('ORG-'));

/** The leaves of a scorecard tree. */
const leaves = (nodes: readonly ScoreNode[]): ScoreNode[] =>
  nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

/** Depth-first search of a scorecard tree. */
const find = (nodes: readonly ScoreNode[], id: string): ScoreNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = n.children ? find(n.children, id) : undefined;
    if (hit) return hit;
  }
  return undefined;
};

describe('compliance API (findings, scorecard, dashboard) on an imported dataset', () => {
  let ctx: TestContext;
  let admin: Session;
  let officerA: Session;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext();
    const r = await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity());
    expect(r.errors).toEqual([]);
    for (const o of await ctx.deps.db.selectFrom('org').select(['id', 'code']).execute()) id[o.code] = o.id;
    await insertUser(ctx.deps, 'cadmin', [{ role: 'admin', orgCode: null }]);
    await insertUser(ctx.deps, 'cofficerA', [{ role: 'branch_officer', orgCode: 'A' }]);
    admin = await loginAs(ctx, 'cadmin');
    officerA = await loginAs(ctx, 'cofficerA');
  });
  afterAll(() => ctx?.close());

  const get = <T>(s: Session, url: string) =>
    call(ctx, s, 'GET', url).then((res) => {
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    });

  it('lists findings of the subtree with totals, filters and the "why" of each', async () => {
    const all = await get<FindingsResponse>(
      admin,
      `/api/compliance/findings?orgId=${id.U}&asOf=2025-12-31&pageSize=200`,
    );
    expect(all.asOf).toBe('2025-12-31');
    expect(all.items.length).toBe(all.total);
    expect(orgRules(all.items).map((f) => [f.orgCode, f.ruleId, f.severity])).toEqual([
      ['A', 'ORG-008', 'violation'],
      ['C', 'ORG-015', 'violation'],
      ['B', 'ORG-006', 'warn'],
    ]);
    const bySeverity = { violation: 0, warn: 0, info: 0 };
    for (const t of all.totalsByRule) for (const k of SEVERITIES) bySeverity[k] += t[k];
    expect(all.totalsBySeverity).toEqual(bySeverity);
    expect(bySeverity.violation + bySeverity.warn + bySeverity.info).toBe(all.total);
    expect(orgRules(all.totalsByRule).map((t) => [t.ruleId, t.violation, t.warn, t.info])).toEqual([
      ['ORG-008', 1, 0, 0],
      ['ORG-015', 1, 0, 0],
      ['ORG-006', 0, 1, 0],
    ]);
    expect(all.totalsByRule.find((t) => t.ruleId === 'ORG-006')?.title).toBe('党支部规模');

    const cap = await get<FindingsResponse>(
      admin,
      `/api/compliance/findings?orgId=${id.U}&asOf=2025-12-31&ruleId=ORG-006`,
    );
    expect(cap.total).toBe(1);
    expect(cap.totalsBySeverity).toEqual(all.totalsBySeverity); // totals ignore the rule/severity/period filters
    const f = cap.items[0];
    expect(f.orgName).toBe('数学学院教工党支部');
    expect(f.why.packId).toBe('nwnu-2019-standardization');
    const byCategory = f.why.params.find((p) => p.key === 'org.branch.maxMembersByCategory');
    expect(byCategory).toMatchObject({
      value: { 教师: 30, 学生: 30 },
      definedIn: 'nwnu-2019-standardization',
    });
    expect(byCategory?.sourceRef).toContain('S002');
    expect(f.why.evidence).toBeTypeOf('object');

    const violations = all.items.filter((i) => i.severity === 'violation');
    const second = await get<FindingsResponse>(
      admin,
      `/api/compliance/findings?orgId=${id.U}&asOf=2025-12-31&severity=violation&pageSize=1&page=2`,
    );
    expect([second.total, second.items.length]).toEqual([violations.length, 1]);
    expect(second.items[0]).toEqual(violations[1]);
    const period = await get<FindingsResponse>(
      admin,
      `/api/compliance/findings?orgId=${id.U}&asOf=2025-12-31&period=2025-05-15`,
    );
    expect(period.items.map((i) => [i.orgCode, i.ruleId, i.period])).toEqual([
      ['C', 'ORG-015', '2025-05-15'],
    ]);
    const bad = await call(ctx, admin, 'GET', `/api/compliance/findings?orgId=${id.U}&asOf=2025-02-30`);
    expect(bad.statusCode).toBe(400);
  });

  it('scopes findings to the org: a branch officer sees their branch and is refused another', async () => {
    const own = await get<FindingsResponse>(
      officerA,
      `/api/compliance/findings?orgId=${id.A}&asOf=2025-12-31&pageSize=200`,
    );
    expect(new Set(own.items.map((i) => i.orgCode))).toEqual(new Set(['A']));
    for (const url of [
      `/api/compliance/findings?orgId=${id.C}`,
      `/api/compliance/findings.xlsx?orgId=${id.U}`,
      `/api/compliance/scorecard/${id.C}`,
      `/api/compliance/dashboard?orgId=${id.U}`,
    ])
      expect((await call(ctx, officerA, 'GET', url)).statusCode, url).toBe(403);
  });

  it('exports one xlsx row per finding with Chinese headers', async () => {
    const { total } = await get<FindingsResponse>(
      admin,
      `/api/compliance/findings?orgId=${id.U}&asOf=2025-12-31&pageSize=1`,
    );
    const res = await call(ctx, admin, 'GET', `/api/compliance/findings.xlsx?orgId=${id.U}&asOf=2025-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('合规问题清单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1 + total);
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.getRow(1).getCell(2).value).toBe('严重程度');
    expect(ws.getRow(2).getCell(2).value).toBe('违规');
    const rows = Array.from({ length: total }, (_, i) => ws.getRow(i + 2));
    const cap = rows.find((r) => r.getCell(3).value === 'ORG-006')!;
    expect(cap.getCell(2).value).toBe('提醒');
    expect(String(cap.getCell(12).value)).toContain('org.branch.maxMembersByCategory');
  });

  it('scores indicators: not_met, met, not_automated (national baseline), warn and manual (nwnu)', async () => {
    const a = await get<ScorecardResponse>(admin, `/api/compliance/scorecard/${id.A}?asOf=2025-12-31`);
    expect(a.pack.id).toBe('national-baseline');
    expect(a.pack.setBy?.orgId).toBe(id.U);
    expect(a.sections.map((s) => s.packId)).toEqual(['national-baseline']);
    const tree = a.sections[0].indicators;
    expect(find(tree, 'NB.1.3')?.status).toBe('not_met');
    expect(find(tree, 'NB.1.3')?.findings.map((f) => f.ruleId)).toEqual(['ORG-008']);
    expect(find(tree, 'NB.1.2')?.status).toBe('met');
    const manualOnly = (n: ScoreNode) => !n.children && n.rules.length > 0;
    const unautomated = leaves(tree).filter(
      (n) => manualOnly(n) && n.mode !== 'MANUAL' && !n.rules.some((r) => IMPLEMENTED_RULES.has(r)),
    );
    expect(unautomated.length).toBeGreaterThan(0);
    for (const n of unautomated) expect(n.status, n.id).toBe('not_automated');
    expect(find(tree, 'NB.1')?.status).toBe('not_met');
    expect(find(tree, 'NB.1.3')?.citation).toContain('《中国共产党支部工作条例（试行）》');
    expect(a.summary.not_met).toBeGreaterThanOrEqual(1);
    expect(a.summary.met).toBeGreaterThanOrEqual(1);

    const b = await get<ScorecardResponse>(admin, `/api/compliance/scorecard/${id.B}?asOf=2025-12-31`);
    expect(b.pack).toMatchObject({ id: 'nwnu-2019-standardization', setBy: { orgId: id.B } });
    expect(b.sections.map((s) => [s.packId, s.own])).toEqual([
      ['nwnu-2019-standardization', true],
      ['national-baseline', false],
    ]);
    expect(find(b.sections[0].indicators, 'GS2.2')?.status).toBe('warn');
    expect(find(b.sections[0].indicators, 'GS1.3')?.status).toBe('manual');
    expect(find(b.sections[1].indicators, 'NB.1.2')?.status).toBe('warn');

    const c = await get<ScorecardResponse>(admin, `/api/compliance/scorecard/${id.C}?asOf=2025-03-31`);
    expect(find(c.sections[0].indicators, 'NB.1.7')?.status).toBe('due');
  });

  it('builds the dashboard: an election that becomes overdue between two quarters', async () => {
    const d = await get<DashboardResponse>(
      admin,
      `/api/compliance/dashboard?orgId=${id.U}&asOf=2025-06-30&granularity=quarter&periods=2`,
    );
    expect(d.periods).toEqual([
      { label: '2025-Q1', end: '2025-03-31' },
      { label: '2025-Q2', end: '2025-06-30' },
    ]);
    expect([d.totalRows, d.truncated]).toEqual([3, false]);
    expect(new Set(d.rows.map((r) => r.code))).toEqual(new Set(['A', 'B', 'C']));
    // each column is one evaluation of the subtree at the period end
    for (const [i, p] of d.periods.entries()) {
      const { findings } = await evaluateCompliance(ctx.deps, { orgCode: 'U', asOf: p.end });
      for (const row of d.rows) {
        const mine = findings.filter((f) => f.orgId === row.orgId);
        expect(row.cells[i], `${row.code} ${p.label}`).toEqual({
          violation: mine.filter((f) => f.severity === 'violation').length,
          warn: mine.filter((f) => f.severity === 'warn').length,
          info: mine.filter((f) => f.severity === 'info').length,
        });
      }
      expect(d.trend[i]).toEqual({
        label: p.label,
        violation: findings.filter((f) => f.severity === 'violation').length,
        warn: findings.filter((f) => f.severity === 'warn').length,
      });
      const c = findings.filter((f) => f.orgId === id.C && f.ruleId.startsWith('ORG-'));
      // C's term ends 2025-05-15: a reminder in Q1, overdue in Q2
      expect(c.map((f) => [f.ruleId, f.severity])).toEqual(
        i === 0 ? [['ORG-014', 'info']] : [['ORG-015', 'violation']],
      );
    }
    const c = d.rows.find((r) => r.code === 'C')!.cells;
    expect([c[0].info > 0, c[1].violation > 0]).toEqual([true, true]);
    expect(d.totalsByRule.map((t) => t.ruleId)).toEqual(
      expect.arrayContaining(['ORG-006', 'ORG-008', 'ORG-015']),
    );

    const monthly = await get<DashboardResponse>(
      admin,
      `/api/compliance/dashboard?orgId=${id.U}&asOf=2025-05-20&granularity=month&periods=3`,
    );
    expect(monthly.periods.map((p) => p.end)).toEqual(['2025-03-31', '2025-04-30', '2025-05-20']);
    const tooMany = await call(ctx, admin, 'GET', `/api/compliance/dashboard?orgId=${id.U}&periods=13`);
    expect(tooMany.statusCode).toBe(400);
  });

  it('serves the standard packs as documents; unknown pack is 404', async () => {
    const list = await get<PackListResponse>(officerA, '/api/standards/packs');
    expect(list.items[0].id).toBe('national-baseline');
    expect(list.items.length).toBe(6);
    const nwnu = list.items.find((p) => p.id === 'nwnu-2019-standardization')!;
    expect(nwnu.indicators.MANUAL).toBeGreaterThan(0);
    const doc = await get<PackDocResponse>(officerA, '/api/standards/packs/nwnu-2019-standardization');
    expect(doc.source.seed).toBe('002_4218fa479c637482.txt');
    expect(doc.baseline[0].packId).toBe('national-baseline');
    const p = doc.parameters.find((x) => x.key === 'org.branch.maxMembersByCategory')!;
    expect(p.definedIn).toBe('nwnu-2019-standardization');
    expect(p.overrides[0]).toMatchObject({ packId: 'national-baseline', value: {} });
    expect(doc.rules.find((r) => r.id === 'ORG-006')?.implemented).toBe(true);
    expect((await call(ctx, officerA, 'GET', '/api/standards/packs/no-such-pack')).statusCode).toBe(404);
  });
});
