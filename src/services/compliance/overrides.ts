import { sql } from 'kysely';
import type { ParamReader } from '../../domain/checks/types.ts';
import type { Tx } from '../deps.ts';

export type OverrideRow = { orgPath: string; key: string; value: unknown; reason: string; orgName: string };

/** Overrides that can apply inside a subtree: set on the subtree's orgs or on their ancestors. */
export async function loadOverrides(db: Tx, rootPath: string): Promise<OverrideRow[]> {
  return db
    .selectFrom('parameterOverride as p')
    .innerJoin('org as o', 'o.id', 'p.orgId')
    .select(['p.orgPath', 'p.key', 'p.value', 'p.reason', 'o.name as orgName'])
    .where((eb) =>
      eb.or([eb('p.orgPath', 'like', `${rootPath}%`), sql<boolean>`${rootPath} like p.org_path || '%'`]),
    )
    .execute();
}

/** The overrides in force at an org: nearest (deepest) setting per key among the org and its ancestors. */
export function overridesAt(path: string, rows: readonly OverrideRow[]): Map<string, OverrideRow> {
  const out = new Map<string, OverrideRow>();
  for (const r of rows) {
    if (!path.startsWith(r.orgPath)) continue;
    const cur = out.get(r.key);
    if (!cur || r.orgPath.length > cur.orgPath.length) out.set(r.key, r);
  }
  return out;
}

/** A reader that prefers local overrides (cited with their reason) over the pack's values. */
export function withOverrides(base: ParamReader, overrides: Map<string, OverrideRow>): ParamReader {
  if (overrides.size === 0) return base;
  return (<T>(key: string) => {
    const o = overrides.get(key);
    if (!o) return base<T>(key);
    return { value: o.value as T, sourceRef: `${o.orgName}调整（${o.reason}）`, unverified: false };
  }) as ParamReader;
}
