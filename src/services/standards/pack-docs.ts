/** The standard packs as documents for people: list with counts, and one resolved pack in full. */
import { citation } from '../../domain/checks/citation.ts';
import { notFound } from '../../domain/errors.ts';
import type { Indicator } from '../../domain/standards/pack-schema.ts';
import { summarizePack } from '../../domain/standards/pack-tree.ts';
import type {
  IndicatorDoc,
  PackDocResponse,
  PackListResponse,
} from '../../shared/contracts/standards.contract.ts';
import { standardPacks } from '../compliance/evaluate.ts';
import { IMPLEMENTED_RULES, ruleTitle } from '../compliance/findings-query.ts';

/** GET /api/standards/packs — the national baseline first, then by id. */
export async function listPacks(): Promise<PackListResponse> {
  const packs = await standardPacks();
  const items = [...packs.values()].map((p) => {
    const s = summarizePack(p);
    return {
      id: p.id,
      title: p.title,
      source: p.source,
      extends: p.extends,
      indicators: s.indicators,
      veto: s.veto,
      parameters: s.parameters.total,
    };
  });
  items.sort((a, b) => (a.extends === null ? -1 : b.extends === null ? 1 : a.id.localeCompare(b.id)));
  return { items };
}

const toDoc = (nodes: readonly Indicator[]): IndicatorDoc[] =>
  nodes.map(({ children, related: _related, ...rest }) => ({
    ...rest,
    citation: citation(rest.sourceRef),
    ...(children ? { children: toDoc(children) } : {}),
  }));

/** GET /api/standards/packs/:id — the resolved pack: source, trees, parameters with overrides, veto. */
export async function getPackDoc(id: string): Promise<PackDocResponse> {
  const packs = await standardPacks();
  const p = packs.get(id);
  if (!p) throw notFound(`标准包 ${id} `, 'pack_not_found');
  return {
    id: p.id,
    title: p.title,
    source: p.source,
    extends: p.extends,
    chain: p.chain,
    ...(p.appliesTo ? { appliesTo: p.appliesTo } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
    indicators: toDoc(p.indicators),
    baseline: p.baseline.map((b) => ({
      packId: b.packId,
      packTitle: packs.get(b.packId)?.title ?? b.packId,
      indicators: toDoc(b.indicators),
    })),
    parameters: Object.values(p.parameters).sort((a, b) => a.key.localeCompare(b.key)),
    veto: p.veto.map((v) => ({ ...v, citation: citation(v.sourceRef) })),
    rules: p.ruleIds.map((r) => ({
      id: r,
      title: ruleTitle(packs, r),
      implemented: IMPLEMENTED_RULES.has(r),
    })),
  };
}
