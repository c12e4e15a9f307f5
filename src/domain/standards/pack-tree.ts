/** Walking indicator trees and counting what a resolved pack contains. */
import type { CheckMode } from './rule-catalog.ts';
import type { Indicator, ResolvedPack } from './pack-schema.ts';

/** An indicator with its depth (0 = dimension) and its ancestors' ids. */
export interface IndicatorVisit {
  indicator: Indicator;
  depth: number;
  parents: string[];
}

/** All nodes of a tree, depth first, parents before children. */
export function* walkIndicators(
  nodes: readonly Indicator[],
  parents: string[] = [],
): Generator<IndicatorVisit> {
  for (const indicator of nodes) {
    yield { indicator, depth: parents.length, parents };
    if (indicator.children) yield* walkIndicators(indicator.children, [...parents, indicator.id]);
  }
}

/** The leaf indicators (those with a mode) of a tree. */
export const leafIndicators = (nodes: readonly Indicator[]): Indicator[] =>
  [...walkIndicators(nodes)].map((v) => v.indicator).filter((i) => i.children === undefined);

/** Counts shown by `zhibu standards validate`. */
export interface PackSummary {
  id: string;
  title: string;
  extends: string | null;
  /** Top-level nodes of the pack's own tree. */
  dimensions: number;
  /** Group nodes below the top level. */
  groups: number;
  indicators: Record<CheckMode, number> & { total: number };
  /** Leaves flagged unverified (candidate items). */
  unverified: number;
  veto: number;
  parameters: { own: number; inherited: number; total: number };
  baselineIndicators: number;
  rules: number;
}

/** Summarizes a resolved pack. */
export function summarizePack(pack: ResolvedPack): PackSummary {
  const leaves = leafIndicators(pack.indicators);
  const indicators = { AUTO: 0, SEMI: 0, MANUAL: 0, total: leaves.length };
  for (const leaf of leaves) if (leaf.mode) indicators[leaf.mode] += 1;
  const all = [...walkIndicators(pack.indicators)];
  const params = Object.values(pack.parameters);
  const own = params.filter((p) => p.definedIn === pack.id).length;
  return {
    id: pack.id,
    title: pack.title,
    extends: pack.extends,
    dimensions: pack.indicators.length,
    groups: all.filter((v) => v.depth > 0 && v.indicator.children !== undefined).length,
    indicators,
    unverified: leaves.filter((l) => l.unverified === true).length,
    veto: pack.veto.length,
    parameters: { own, inherited: params.length - own, total: params.length },
    baselineIndicators: pack.baseline.reduce((n, b) => n + leafIndicators(b.indicators).length, 0),
    rules: pack.ruleIds.length,
  };
}
