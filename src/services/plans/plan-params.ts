import type { ParamReader } from '../../domain/checks/types.ts';
import { ROOT_PACK_ID } from '../../domain/standards/pack-loader.ts';
import { activePacks, packParams, standardPacks } from '../compliance/evaluate.ts';
import { loadOverrides, overridesAt, withOverrides } from '../compliance/overrides.ts';
import type { Tx } from '../deps.ts';

/** The parameters in force at an org: its active pack (own or nearest ancestor's) with local overrides. */
export async function paramsForOrg(
  db: Tx,
  org: { id: string; path: string; pack: string | null },
): Promise<ParamReader> {
  const seqs = org.path
    .split('/')
    .filter(Boolean)
    .map((s) => Number.parseInt(s, 36));
  const ancestors = await db
    .selectFrom('org')
    .select(['path', 'pack'])
    .where('seq', 'in', seqs)
    .where('pack', 'is not', null)
    .execute();
  const id =
    activePacks(
      [{ orgId: org.id, path: org.path, pack: org.pack }],
      new Map(ancestors.map((a) => [a.path, a.pack!])),
    ).get(org.id) ?? ROOT_PACK_ID;
  const pack = (await standardPacks()).get(id)!;
  return withOverrides(packParams(pack), overridesAt(org.path, await loadOverrides(db, org.path)));
}
