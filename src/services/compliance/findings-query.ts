/**
 * The findings list of an org subtree "as of" a date: filters, totals, and per finding the org,
 * person and "why" (the check's parameters as the org's active pack resolves them, plus evidence).
 */
import { anyOf } from '../../db/any-of.ts';
import type { Scope } from '../../domain/auth/scope.ts';
import { CHECKS_BY_ID, IMPLEMENTED_RULE_IDS } from '../../domain/checks/registry.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { ROOT_PACK_ID, type ResolvedPack } from '../../domain/standards/pack-schema.ts';
import { leafIndicators } from '../../domain/standards/pack-tree.ts';
import { findRule, findSetting } from '../../domain/standards/rule-catalog.ts';
import type {
  FindingView,
  FindingsPageQuery,
  FindingsQuery,
  FindingsResponse,
  RuleTotal,
  SeverityCounts,
  WhyParam,
} from '../../shared/contracts/compliance.contract.ts';
import type { Deps, Tx } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { activePacks, type Evaluation, evaluateCompliance, packParams, standardPacks } from './evaluate.ts';

/** One finding as the engine returns it. */
export type EvalFinding = Evaluation['findings'][number];

const SEVERITY_RANK = { violation: 0, warn: 1, info: 2 } as const;
const HAN = /[\u4e00-\u9fff]/;

/** The evaluation date: the one asked for, else today in Asia/Shanghai. */
export const asOfOrToday = (deps: Deps, asOf: string | undefined): string =>
  asOf ?? shanghaiDate(deps.clock());

/** Rule IDs some check in the registry implements. */
export const IMPLEMENTED_RULES: ReadonlySet<string> = IMPLEMENTED_RULE_IDS;

/**
 * A Chinese title for a rule: the catalog title when it is all Chinese, else the label of the
 * national-baseline indicator that scores the rule, else the catalog title.
 */
export function ruleTitle(packs: ReadonlyMap<string, ResolvedPack>, id: string): string {
  const title = findRule(id)?.title;
  if (title && HAN.test(title) && !/[A-Za-z]/.test(title)) return title;
  const base = packs.get(ROOT_PACK_ID);
  const leaf = base ? leafIndicators(base.indicators).find((l) => l.rules?.includes(id)) : undefined;
  return leaf?.label ?? title ?? id;
}

/** The active pack id of each org (own pack, nearest ancestor's, else the national baseline). */
export async function activePackOf(
  db: Tx,
  orgs: readonly { id: string; path: string; pack: string | null }[],
): Promise<Map<string, string>> {
  const seqs = new Set<number>();
  for (const o of orgs) for (const s of o.path.split('/').filter(Boolean)) seqs.add(Number.parseInt(s, 36));
  const ancestors = seqs.size
    ? await db
        .selectFrom('org')
        .select(['path', 'pack'])
        .where('seq', 'in', [...seqs])
        .where('pack', 'is not', null)
        .execute()
    : [];
  return activePacks(
    orgs.map((o) => ({ orgId: o.id, path: o.path, pack: o.pack })),
    new Map(ancestors.map((a) => [a.path, a.pack ?? ROOT_PACK_ID])),
  );
}

/** The parameters a check reads, as a pack resolves them. */
export function whyParams(pack: ResolvedPack, checkId: string): WhyParam[] {
  const check = CHECKS_BY_ID.get(checkId);
  if (!check) return [];
  const read = packParams(pack);
  return check.params.map((key) => {
    if (!pack.parameters[key] && !findSetting(key))
      return { key, value: null, sourceRef: '参数未登记', unverified: true, definedIn: null };
    const p = read(key);
    return {
      key,
      value: p.value,
      sourceRef: p.sourceRef,
      unverified: p.unverified,
      definedIn: pack.parameters[key]?.definedIn ?? null,
    };
  });
}

/** Counts findings by severity. */
export function severityCounts(findings: readonly { severity: keyof SeverityCounts }[]): SeverityCounts {
  const out = { violation: 0, warn: 0, info: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}

/** Findings per rule, by severity, most violations first. */
export function totalsByRule(
  packs: ReadonlyMap<string, ResolvedPack>,
  findings: readonly EvalFinding[],
): RuleTotal[] {
  const by = new Map<string, EvalFinding[]>();
  for (const f of findings) {
    const list = by.get(f.ruleId);
    if (list) list.push(f);
    else by.set(f.ruleId, [f]);
  }
  return [...by]
    .map(([ruleId, list]) => ({
      ruleId,
      title: ruleTitle(packs, ruleId),
      total: list.length,
      ...severityCounts(list),
    }))
    .sort((a, b) => b.violation - a.violation || b.warn - a.warn || a.ruleId.localeCompare(b.ruleId));
}

/** Evaluates the subtree of an org the caller may read (403 outside scope). */
export async function evaluateSubtree(deps: Deps, scope: Scope, orgId: string, asOf: string | undefined) {
  const org = await orgForRead(deps.db, scope, orgId);
  const date = asOfOrToday(deps, asOf);
  const ev = await evaluateCompliance(deps, { orgCode: org.code, asOf: date });
  return { org, asOf: date, findings: ev.findings };
}

const matches = (q: FindingsQuery) => (f: EvalFinding) =>
  (!q.ruleId || f.ruleId === q.ruleId) &&
  (!q.severity || f.severity === q.severity) &&
  (!q.period || f.period === q.period);

/** Adds org names, person names and the "why" block to engine findings. */
export async function presentFindings(deps: Deps, findings: readonly EvalFinding[]): Promise<FindingView[]> {
  const orgIds = [...new Set(findings.map((f) => f.orgId))];
  const personIds = [...new Set(findings.flatMap((f) => (f.personId ? [f.personId] : [])))];
  const [orgs, persons, packs] = await Promise.all([
    orgIds.length
      ? deps.db
          .selectFrom('org')
          .select(['id', 'code', 'name', 'path', 'pack'])
          .where(anyOf('id', orgIds))
          .execute()
      : [],
    personIds.length
      ? deps.db.selectFrom('person').select(['id', 'name']).where(anyOf('id', personIds)).execute()
      : [],
    standardPacks(),
  ]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const nameOf = new Map(persons.map((p) => [p.id, p.name]));
  const packOf = await activePackOf(deps.db, orgs);
  return findings.map((f) => {
    const pack = packs.get(packOf.get(f.orgId) ?? ROOT_PACK_ID) ?? packs.get(ROOT_PACK_ID)!;
    return {
      ruleId: f.ruleId,
      ruleTitle: ruleTitle(packs, f.ruleId),
      checkId: f.checkId,
      orgId: f.orgId,
      orgCode: f.orgCode,
      orgName: orgOf.get(f.orgId)?.name ?? f.orgCode,
      personId: f.personId,
      personName: f.personId ? (nameOf.get(f.personId) ?? null) : null,
      period: f.period,
      severity: f.severity,
      message: f.message,
      sourceRef: f.sourceRef,
      why: {
        packId: pack.id,
        packTitle: pack.title,
        params: whyParams(pack, f.checkId),
        evidence: f.evidence,
      },
    };
  });
}

/** Sorts findings worst first, then by org code, rule and period (the engine's order). */
const worstFirst = (list: readonly EvalFinding[]) =>
  [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

/** GET /api/compliance/findings: one page of the filtered findings, with totals over the unfiltered subtree. */
export async function queryFindings(
  deps: Deps,
  scope: Scope,
  q: FindingsPageQuery,
): Promise<FindingsResponse> {
  const { asOf, findings } = await evaluateSubtree(deps, scope, q.orgId, q.asOf);
  const hits = worstFirst(findings.filter(matches(q)));
  const start = (q.page - 1) * q.pageSize;
  const packs = await standardPacks();
  return {
    asOf,
    items: await presentFindings(deps, hits.slice(start, start + q.pageSize)),
    total: hits.length,
    page: q.page,
    pageSize: q.pageSize,
    totalsByRule: totalsByRule(packs, findings),
    totalsBySeverity: severityCounts(findings),
  };
}

/** All filtered findings (for the xlsx export). */
export async function allFindings(
  deps: Deps,
  scope: Scope,
  q: FindingsQuery,
): Promise<{ asOf: string; orgName: string; items: FindingView[] }> {
  const { org, asOf, findings } = await evaluateSubtree(deps, scope, q.orgId, q.asOf);
  return {
    asOf,
    orgName: org.name,
    items: await presentFindings(deps, worstFirst(findings.filter(matches(q)))),
  };
}
