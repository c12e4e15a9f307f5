/**
 * The scorecard of one org: its active pack's indicator tree (own tree, then the inherited baseline
 * trees, then the veto list), each indicator with a status derived from the org's findings.
 */
import { anyOf } from '../../db/any-of.ts';
import type { Scope } from '../../domain/auth/scope.ts';
import { citation } from '../../domain/checks/citation.ts';
import { ROOT_PACK_ID } from '../../domain/standards/pack-schema.ts';
import type { Indicator, VetoItem } from '../../domain/standards/pack-schema.ts';
import type {
  FindingBrief,
  IndicatorStatus,
  ScoreNode,
  ScorecardResponse,
} from '../../shared/contracts/compliance.contract.ts';
import type { Deps } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { evaluateCompliance, standardPacks } from './evaluate.ts';
import { asOfOrToday, type EvalFinding, IMPLEMENTED_RULES } from './findings-query.ts';
import { withPoints } from './score-points.ts';

/** Status order for a group: the first present wins (worst automated outcome first). */
const GROUP_ORDER: readonly IndicatorStatus[] = ['not_met', 'warn', 'due', 'met', 'not_automated', 'manual'];

type Brief = FindingBrief & { severity: EvalFinding['severity'] };

/**
 * Status of a leaf (or veto item): MANUAL → manual; any violation → not_met; any warn → warn; no rule
 * implemented by a check → not_automated; only info findings → due; otherwise met.
 */
export function leafStatus(
  mode: Indicator['mode'],
  rules: readonly string[],
  findings: readonly { severity: EvalFinding['severity'] }[],
): IndicatorStatus {
  if (mode === 'MANUAL') return 'manual';
  if (findings.some((f) => f.severity === 'violation')) return 'not_met';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  if (!rules.some((r) => IMPLEMENTED_RULES.has(r))) return 'not_automated';
  if (findings.length > 0) return 'due';
  return 'met';
}

function leafNode(ind: Indicator | VetoItem, findings: readonly Brief[]): ScoreNode {
  const rules = ind.rules ?? [];
  const mine = findings.filter((f) => rules.includes(f.ruleId));
  return {
    id: ind.id,
    label: ind.label,
    sourceRef: ind.sourceRef,
    citation: citation(ind.sourceRef),
    ...('requirement' in ind && ind.requirement ? { requirement: ind.requirement } : {}),
    ...(ind.mode ? { mode: ind.mode } : {}),
    rules,
    unimplementedRules: rules.filter((r) => !IMPLEMENTED_RULES.has(r)),
    ...('confirm' in ind && ind.confirm ? { confirm: ind.confirm } : {}),
    unverified: 'unverified' in ind && ind.unverified === true,
    status: leafStatus(ind.mode, rules, mine),
    findings: mine,
  };
}

function scoreTree(nodes: readonly Indicator[], findings: readonly Brief[]): ScoreNode[] {
  return nodes.map((ind) => {
    if (!ind.children) return leafNode(ind, findings);
    const children = scoreTree(ind.children, findings);
    const counts = tally(children);
    return {
      id: ind.id,
      label: ind.label,
      sourceRef: ind.sourceRef,
      citation: citation(ind.sourceRef),
      ...(ind.requirement ? { requirement: ind.requirement } : {}),
      rules: [],
      unimplementedRules: [],
      unverified: ind.unverified === true,
      status: GROUP_ORDER.find((s) => (counts[s] ?? 0) > 0) ?? null,
      counts,
      findings: [],
      children,
    };
  });
}

/** Leaf statuses under a list of nodes. */
function tally(nodes: readonly ScoreNode[]): Partial<Record<IndicatorStatus, number>> {
  const out: Partial<Record<IndicatorStatus, number>> = {};
  for (const n of nodes) {
    if (n.children) {
      for (const [k, v] of Object.entries(n.counts ?? {}) as [IndicatorStatus, number][])
        out[k] = (out[k] ?? 0) + v;
    } else if (n.status) out[n.status] = (out[n.status] ?? 0) + 1;
  }
  return out;
}

/** The org that sets the active pack (itself or the nearest ancestor with a pack), if any. */
async function packSetter(deps: Deps, path: string) {
  const seqs = path
    .split('/')
    .filter(Boolean)
    .map((s) => Number.parseInt(s, 36));
  const rows = await deps.db
    .selectFrom('org')
    .select(['id', 'name', 'path', 'pack'])
    .where('seq', 'in', seqs)
    .where('pack', 'is not', null)
    .execute();
  return rows.sort((a, b) => b.path.length - a.path.length)[0];
}

/** GET /api/compliance/scorecard/:orgId */
export async function scorecard(
  deps: Deps,
  scope: Scope,
  orgId: string,
  asOf: string | undefined,
): Promise<ScorecardResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const date = asOfOrToday(deps, asOf);
  const [packs, ev, setter] = await Promise.all([
    standardPacks(),
    evaluateCompliance(deps, { orgCode: org.code, asOf: date }),
    packSetter(deps, org.path),
  ]);
  const pack = packs.get(setter?.pack ?? ROOT_PACK_ID) ?? packs.get(ROOT_PACK_ID)!;
  const own = ev.findings.filter((f) => f.orgId === org.id);
  const personIds = [...new Set(own.flatMap((f) => (f.personId ? [f.personId] : [])))];
  const persons = personIds.length
    ? await deps.db.selectFrom('person').select(['id', 'name']).where(anyOf('id', personIds)).execute()
    : [];
  const nameOf = new Map(persons.map((p) => [p.id, p.name]));
  const briefs: Brief[] = own.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    period: f.period,
    message: f.message,
    sourceRef: f.sourceRef,
    personId: f.personId,
    personName: f.personId ? (nameOf.get(f.personId) ?? null) : null,
  }));
  const sections = [
    { packId: pack.id, packTitle: pack.title, own: true, indicators: scoreTree(pack.indicators, briefs) },
    ...pack.baseline.map((b) => ({
      packId: b.packId,
      packTitle: packs.get(b.packId)?.title ?? b.packId,
      own: false,
      indicators: scoreTree(b.indicators, briefs),
    })),
  ];
  const veto = pack.veto.map((v) => leafNode(v, briefs));
  const scored = await withPoints(deps, scope, org, pack, sections, veto, date);
  return {
    asOf: date,
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind },
    pack: {
      id: pack.id,
      title: pack.title,
      source: pack.source,
      setBy: setter ? { orgId: setter.id, orgName: setter.name } : null,
    },
    ...scored,
    summary: tally(sections.flatMap((s) => s.indicators)),
  };
}
