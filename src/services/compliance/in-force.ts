import type { ParamReader, ParamValue } from '../../domain/checks/types.ts';
import { ROOT_PACK_ID, type ResolvedPack } from '../../domain/standards/pack-loader.ts';
import { findSetting } from '../../domain/standards/rule-catalog.ts';
import type { PacksAround } from './run-context.ts';
import type { EduReportable } from './edu-facts.loader.ts';
import type { ParticipationScope } from './life-facts.loader.ts';
import type { OverrideRow } from './overrides.ts';

/** A parameter reader over a resolved pack, falling back to the settings registry default. */
export function packParams(pack: ResolvedPack): ParamReader {
  return (<T>(key: string): ParamValue<T> => {
    const p = pack.parameters[key];
    if (p) return { value: p.value as T, sourceRef: p.sourceRef, unverified: p.unverified };
    const s = findSetting(key);
    if (!s) throw new Error(`unknown parameter ${key}`);
    return { value: s.default as T, sourceRef: s.sourceRef, unverified: s.unverified };
  }) as ParamReader;
}

/**
 * The packs that can judge some org of a subtree and what they score: a rule no pack in force scores yields
 * no finding (the judge keeps only the rules an org's pack scores), so its facts need not be loaded and its
 * parameters bound nothing.
 */
export type InForce = {
  packs: ResolvedPack[];
  /** Whether any pack in force scores one of these rules. */
  scores(...ruleIds: string[]): boolean;
};

/** Only these rules (a caller that reads some facts itself, e.g. the calendar's deadlines). */
export const onlyRules = (ruleIds: readonly string[]): InForce => {
  const rules = new Set(ruleIds);
  return { packs: [], scores: (...ids) => ids.some((id) => rules.has(id)) };
};

const inForceOf = (packs: ResolvedPack[]): InForce => ({
  ...onlyRules(packs.flatMap((p) => p.ruleIds)),
  packs,
});

/** Every pack and rule: for loading every fact (tests compare it with the scoped loads). */
export const everyPack = (packs: Map<string, ResolvedPack>): InForce => inForceOf([...packs.values()]);

/**
 * The packs in force in a subtree: the one asked for; else the nearest pack set at or above its root (else the
 * national baseline) and every pack set on an org inside it. A superset of what the judge uses (an org inside
 * that is dissolved still counts).
 */
export function packsInForce(
  packs: Map<string, ResolvedPack>,
  around: PacksAround,
  packId?: string,
): InForce {
  if (packId) return inForceOf([packs.get(packId)!]);
  const nearest = [...around.above].sort((a, b) => b[0].length - a[0].length)[0]?.[1] ?? ROOT_PACK_ID;
  const ids = new Set([nearest, ...around.inside]);
  return inForceOf([...ids].flatMap((id) => packs.get(id) ?? []));
}

/** The values of a parameter the packs in force or an override put in force (nulls left out). */
function paramValuesInForce<T>(f: InForce, overrides: OverrideRow[], key: string): T[] {
  const values = f.packs.map((p) => packParams(p)<T | null>(key).value);
  for (const o of overrides) if (o.key === key) values.push(o.value as T | null);
  return values.filter((v): v is T => v !== null);
}

/** The values of a numeric parameter the packs in force or an override put in force (nulls left out). */
function valuesInForce(f: InForce, overrides: OverrideRow[], key: string): number[] {
  return paramValuesInForce<unknown>(f, overrides, key).map(Number);
}

/**
 * Whom the participation facts need: with no LIFE-019 target in force, only LIFE-018 reads them, and it
 * reports only members missing at least as many months as its smallest level (an alert or the lapse).
 */
export function participationScope(f: InForce, overrides: OverrideRow[]): ParticipationScope {
  if (f.scores('LIFE-019') && valuesInForce(f, overrides, 'life.participation.target').length) return {};
  const levels = [
    ...valuesInForce(f, overrides, 'member.selfLapseMonths'),
    ...paramValuesInForce<number[]>(f, overrides, 'member.selfLapse.alertMonths').flat().map(Number),
  ];
  return { minAbsentMonths: Math.max(1, Math.min(...levels)) };
}

/** The smallest EDU-006 per-day cap in force (the day totals the EDU loader sends; none when nothing scores it). */
export function smallestDayCap(f: InForce, overrides: OverrideRow[]): number {
  if (!f.scores('EDU-006')) return Number.POSITIVE_INFINITY;
  return Math.min(...valuesInForce(f, overrides, 'edu.hoursPerDay'));
}

/** The bounds beyond which no hour rule in force can report a person (see {@link EduReportable}). */
export function eduReportable(f: InForce, overrides: OverrideRow[]): EduReportable {
  const largest = (rule: string, key: string) => {
    const values = f.scores(rule) ? valuesInForce(f, overrides, key) : [];
    return values.length ? Math.max(...values) : null;
  };
  return {
    memberHours: largest('EDU-001', 'edu.member.minHoursPerYear') ?? 0,
    leaderHours: largest('EDU-002', 'edu.leader.minHoursPerYear') ?? 0,
    leaderSessions: largest('EDU-002', 'edu.leader.minConcentratedSessions') ?? 0,
    secretaryConcentrated: largest('EDU-003', 'edu.secretary.minConcentratedHoursPerYear'),
    newMembers: f.scores('EDU-005'),
    secretaries: f.scores('EDU-004'),
  };
}
