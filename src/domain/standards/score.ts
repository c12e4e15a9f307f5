/**
 * Scorecard points (RULES.md §7: weights default to equal within a parent; a rule reference scores the
 * pass/fail of that rule for the period). Pure: leaf outcomes in, 100-point values per node out.
 *
 * - AUTO leaf: 0 when a rule is violated (not_met), otherwise full; no implemented check → excluded.
 * - MANUAL leaf: the 考评 (final) score scaled to its range; without a range, 达标 (confirmed) = full,
 *   不达标 = 0; no 考评 yet → pending (待评分).
 * - SEMI leaf: needs the 考评 confirmation: not confirmed → 0; confirmed → the rule outcome (or the
 *   score when the pack gives a range); no 考评 yet → pending (待确认).
 * Pending and excluded leaves are left out of the weighted mean and counted, never silently zeroed.
 */
import type { CheckMode } from './rule-catalog.ts';

/** Automated status of a leaf, as the scorecard derives it from findings. */
export type LeafStatus = 'met' | 'not_met' | 'warn' | 'due' | 'not_automated' | 'manual';

/** The 考评 of a leaf (null when none is recorded). */
export type FinalScore = { score: number | null; confirmed: boolean | null } | null;

/** A leaf's share: `value` in 0–1 when scored. */
export type LeafOutcome =
  | { state: 'scored'; value: number }
  | { state: 'pending'; value: null }
  | { state: 'excluded'; value: null };

const scored = (value: number): LeafOutcome => ({ state: 'scored', value });
const PENDING: LeafOutcome = { state: 'pending', value: null };
const EXCLUDED: LeafOutcome = { state: 'excluded', value: null };

/** Scales a score into 0–1 over its range (clamped). */
export function scaled(score: number, range: { min: number; max: number }): number {
  const v = (score - range.min) / (range.max - range.min);
  return Math.min(1, Math.max(0, v));
}

/** The outcome of one leaf. */
export function leafOutcome(leaf: {
  mode: CheckMode;
  status: LeafStatus;
  range?: { min: number; max: number };
  final: FinalScore;
}): LeafOutcome {
  const { mode, status, range, final } = leaf;
  if (mode === 'AUTO') return status === 'not_automated' ? EXCLUDED : scored(status === 'not_met' ? 0 : 1);
  if (!final) return PENDING;
  if (range && final.score !== null) return scored(scaled(final.score, range));
  if (final.confirmed === null) return PENDING;
  if (!final.confirmed) return scored(0);
  if (mode === 'MANUAL') return scored(1);
  return scored(status === 'not_met' ? 0 : 1);
}

/** An indicator tree node with the outcome of each leaf. */
export interface PointsNode {
  id: string;
  weight?: number;
  outcome?: LeafOutcome;
  children?: PointsNode[];
}

/** Points of a node: `value` on a 100-point scale (1 decimal), null when nothing below is scored. */
export interface Points {
  value: number | null;
  pending: number;
  excluded: number;
  coverage: number;
}

type Raw = { value: number | null; pending: number; excluded: number; coverage: number };

const round1 = (v: number) => Math.round(v * 1000) / 10;

/**
 * Points of every node of a forest and of the forest as a whole (its top-level nodes weighted like
 * siblings). Weights: the pack's `weight`, else 1.
 */
export function scoreForest(nodes: readonly PointsNode[]): { total: Points; byId: Map<string, Points> } {
  const byId = new Map<string, Points>();
  const visit = (n: PointsNode): Raw => {
    const raw = n.children ? combine(n.children.map((c) => ({ w: c.weight ?? 1, r: visit(c) }))) : leaf(n);
    byId.set(n.id, present(raw));
    return raw;
  };
  const total = combine(nodes.map((n) => ({ w: n.weight ?? 1, r: visit(n) })));
  return { total: present(total), byId };
}

function leaf(n: PointsNode): Raw {
  const o = n.outcome ?? EXCLUDED;
  if (o.state === 'scored') return { value: o.value, pending: 0, excluded: 0, coverage: 1 };
  return {
    value: null,
    pending: o.state === 'pending' ? 1 : 0,
    excluded: o.state === 'excluded' ? 1 : 0,
    coverage: 0,
  };
}

function combine(parts: { w: number; r: Raw }[]): Raw {
  const all = parts.reduce((s, p) => s + p.w, 0);
  const done = parts.filter((p) => p.r.value !== null);
  const doneW = done.reduce((s, p) => s + p.w, 0);
  return {
    value: doneW > 0 ? done.reduce((s, p) => s + p.w * (p.r.value as number), 0) / doneW : null,
    pending: parts.reduce((s, p) => s + p.r.pending, 0),
    excluded: parts.reduce((s, p) => s + p.r.excluded, 0),
    coverage: all > 0 ? parts.reduce((s, p) => s + p.w * p.r.coverage, 0) / all : 0,
  };
}

const present = (r: Raw): Points => ({
  value: r.value === null ? null : round1(r.value),
  pending: r.pending,
  excluded: r.excluded,
  coverage: Math.round(r.coverage * 1000) / 1000,
});

/**
 * Veto items that apply (一票否决): a veto whose rule is violated, or one the 考评 declared to exist.
 * A MANUAL veto nobody has declared is not assumed.
 */
export function vetoedBy(
  veto: readonly { id: string; status: LeafStatus | null; declared?: boolean | null }[],
): string[] {
  return veto.filter((v) => v.status === 'not_met' || v.declared === true).map((v) => v.id);
}
