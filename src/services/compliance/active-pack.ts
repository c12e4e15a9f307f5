import type { ParamReader } from '../../domain/checks/types.ts';
import { ROOT_PACK_ID, type ResolvedPack } from '../../domain/standards/pack-loader.ts';
import type { Tx } from '../deps.ts';
import { activePacks, packParams, standardPacks } from './evaluate.ts';
import { loadOverrides, overridesAt, withOverrides } from './overrides.ts';

/**
 * Packs set on the org at `path` or on any of its ancestors, path → pack id: one indexed lookup by the
 * sequence numbers the path is made of (an org's path lists its ancestors' sequence numbers).
 */
export async function ancestorPacks(db: Tx, path: string): Promise<Map<string, string>> {
  const seqs = path
    .split('/')
    .filter(Boolean)
    .map((s) => Number.parseInt(s, 36));
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('org')
    .select(['path', 'pack'])
    .where('seq', 'in', seqs)
    .where('pack', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.path, r.pack!]));
}

type OrgRef = { id: string; path: string; pack: string | null };

/** The pack active at an org: its own, else its nearest ancestor's, else the national baseline. */
export async function activePackOf(db: Tx, org: OrgRef): Promise<ResolvedPack> {
  const id =
    activePacks([{ orgId: org.id, path: org.path, pack: org.pack }], await ancestorPacks(db, org.path)).get(
      org.id,
    ) ?? ROOT_PACK_ID;
  return (await standardPacks()).get(id)!;
}

/** The parameters in force at an org, as the compliance run reads them: its active pack plus local overrides. */
export async function paramsForOrg(db: Tx, org: OrgRef): Promise<ParamReader> {
  return withOverrides(
    packParams(await activePackOf(db, org)),
    overridesAt(org.path, await loadOverrides(db, org.path)),
  );
}
