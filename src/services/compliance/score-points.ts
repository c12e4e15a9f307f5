/**
 * Adds the human scores (自评/考评) and the points (src/domain/standards/score.ts) to a built scorecard:
 * each MANUAL/SEMI leaf gets its scoring state, every node its points, each section and the whole card
 * a total, with pending (待评分) and excluded indicators counted and veto conditions flagged.
 */
import type { Scope } from '../../domain/auth/scope.ts';
import type { Indicator, ResolvedPack } from '../../domain/standards/pack-schema.ts';
import { walkIndicators } from '../../domain/standards/pack-tree.ts';
import {
  type LeafStatus,
  leafOutcome,
  type PointsNode,
  scoreForest,
  vetoedBy,
} from '../../domain/standards/score.ts';
import type { ScoreNode, ScorecardResponse } from '../../shared/contracts/compliance.contract.ts';
import type { ScoreEntry } from '../../shared/contracts/scores.contract.ts';
import type { Deps } from '../deps.ts';
import { canFinalScore, canSelfScore, loadScores } from './indicator-scores.ts';

type Section = ScorecardResponse['sections'][number];
type Scores = Map<string, { self: ScoreEntry | null; final: ScoreEntry | null }>;

/** Scores and points of a scorecard (sections and veto as built by scorecard.ts). */
export async function withPoints(
  deps: Deps,
  scope: Scope,
  org: { id: string; path: string },
  pack: ResolvedPack,
  sections: Section[],
  veto: ScoreNode[],
  asOf: string,
): Promise<Pick<ScorecardResponse, 'sections' | 'veto' | 'period' | 'total'>> {
  const period = asOf.slice(0, 4);
  const scores = await loadScores(deps.db, org.id, period);
  const trees = new Map<string, Map<string, Indicator>>([
    [pack.id, indexTree(pack.indicators)],
    ...pack.baseline.map((b) => [b.packId, indexTree(b.indicators)] as [string, Map<string, Indicator>]),
  ]);
  const can = { self: canSelfScore(scope, org.path), final: canFinalScore(scope, org.path) };
  const out = sections.map((sec) => {
    const index = trees.get(sec.packId) ?? new Map<string, Indicator>();
    const nodes = sec.indicators.map((n) => decorate(n, sec.packId, index, scores, period, can));
    const { total, byId } = scoreForest(nodes.map((n) => toPoints(n, index)));
    const withP = nodes.map((n) => attachPoints(n, byId));
    return { ...sec, indicators: withP, points: total };
  });
  const own = out.find((s) => s.own) ?? out[0];
  const vetoIndex = new Map(pack.veto.map((v) => [v.id, v as Indicator]));
  const vetoNodes = veto.map((n) => decorate(n, pack.id, vetoIndex, scores, period, can, true));
  const vetoIds = vetoedBy(
    vetoNodes.map((n) => ({ id: n.id, status: n.status, declared: n.scoring?.final?.confirmed })),
  );
  return {
    sections: out,
    veto: vetoNodes,
    period,
    total: {
      ...(own?.points ?? { value: null, pending: 0, excluded: 0, coverage: 0 }),
      vetoed: vetoIds.length > 0,
      vetoIds,
    },
  };
}

function indexTree(nodes: readonly Indicator[]): Map<string, Indicator> {
  return new Map([...walkIndicators(nodes)].map((v) => [v.indicator.id, v.indicator]));
}

function decorate(
  n: ScoreNode,
  packId: string,
  index: Map<string, Indicator>,
  scores: Scores,
  period: string,
  can: { self: boolean; final: boolean },
  veto = false,
): ScoreNode {
  if (n.children)
    return { ...n, children: n.children.map((c) => decorate(c, packId, index, scores, period, can)) };
  // a veto item without a mode is MANUAL (pack-checks.ts)
  const mode = n.mode ?? (veto ? 'MANUAL' : undefined);
  if (mode !== 'MANUAL' && mode !== 'SEMI') return n;
  const ind = index.get(n.id);
  const s = scores.get(`${packId}:${n.id}`);
  return {
    ...n,
    scoring: {
      packId,
      period,
      range: veto ? null : (ind?.score ?? null),
      veto,
      evidenceTypes: ind?.evidence ?? [],
      self: s?.self ?? null,
      final: s?.final ?? null,
      canSelf: can.self,
      canFinal: can.final,
    },
  };
}

function toPoints(n: ScoreNode, index: Map<string, Indicator>): PointsNode {
  const weight = index.get(n.id)?.weight;
  if (n.children) return { id: n.id, weight, children: n.children.map((c) => toPoints(c, index)) };
  const final = n.scoring?.final;
  return {
    id: n.id,
    weight,
    outcome: leafOutcome({
      mode: n.mode ?? 'MANUAL',
      status: (n.status ?? 'not_automated') as LeafStatus,
      range: n.scoring?.range ?? undefined,
      final: final ? { score: final.score, confirmed: final.confirmed } : null,
    }),
  };
}

function attachPoints(n: ScoreNode, byId: ReturnType<typeof scoreForest>['byId']): ScoreNode {
  const points = byId.get(n.id);
  return {
    ...n,
    ...(points ? { points } : {}),
    ...(n.children ? { children: n.children.map((c) => attachPoints(c, byId)) } : {}),
  };
}
