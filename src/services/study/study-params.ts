import type { ParamReader } from '../../domain/checks/types.ts';
import { type ThresholdParams, countedKinds } from '../../domain/study/hours.ts';
import { ROOT_PACK_ID } from '../../domain/standards/pack-loader.ts';
import { activePacks, packParams, standardPacks } from '../compliance/evaluate.ts';
import { loadOverrides, overridesAt, withOverrides } from '../compliance/overrides.ts';
import { ancestorPacks } from '../compliance/active-pack.ts';
import type { Tx } from '../deps.ts';

export type StudyParams = ThresholdParams & { countOnline: boolean; param: ParamReader };

/**
 * Study parameters in force at each org of a subtree: the org's active pack (own, nearest
 * ancestor's, else the national baseline) with local overrides. EDU-003's concentrated hours apply
 * only where the pack scores EDU-003.
 */
export async function studyParamsFor(
  db: Tx,
  rootPath: string,
  orgs: { id: string; path: string; pack: string | null }[],
): Promise<(orgId: string) => StudyParams> {
  const packs = await standardPacks();
  const packOf = activePacks(
    orgs.map((o) => ({ orgId: o.id, path: o.path, pack: o.pack })),
    await ancestorPacks(db, rootPath),
  );
  const overrides = await loadOverrides(db, rootPath);
  const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
  const cache = new Map<string, StudyParams>();
  return (orgId) => {
    const pack = packs.get(packOf.get(orgId) ?? ROOT_PACK_ID) ?? packs.get(ROOT_PACK_ID)!;
    const local = overridesAt(pathOf.get(orgId) ?? '', overrides);
    const key = `${pack.id}|${[...local.values()].map((o) => `${o.orgPath}:${o.key}`).join(',')}`;
    let p = cache.get(key);
    if (!p) {
      const param = withOverrides(packParams(pack), local);
      const m = param<number>('edu.member.minHoursPerYear');
      const l = param<number>('edu.leader.minHoursPerYear');
      const sec = param<number | null>('edu.secretary.minConcentratedHoursPerYear');
      p = {
        param,
        memberHours: { value: m.value, sourceRef: m.sourceRef },
        leaderHours: { value: l.value, sourceRef: l.sourceRef },
        leaderSessions: param<number>('edu.leader.minConcentratedSessions').value,
        secretaryConcentrated: pack.ruleIds.includes('EDU-003') ? sec.value : null,
        countOnline: param<boolean>('edu.countOnline').value,
      };
      cache.set(key, p);
    }
    return p;
  };
}

export { countedKinds };
