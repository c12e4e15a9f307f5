import { sql } from 'kysely';
import { read, readAll } from '../../db/batch.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { OrgFacts } from '../../domain/checks/types.ts';
import type { Tx } from '../deps.ts';
import { loadLeadership, noLeadership } from '../participation/leadership-facts.loader.ts';

export type OrgPlacement = { orgId: string; path: string; code: string; pack: string | null };

/**
 * Structure facts of every org in a subtree as of a date, in four set-based queries (orgs,
 * membership counts, positions with holders' full-member dates, last regular elections) and the
 * leadership facts' four, all started at once — no per-org query loop, so the cost grows with the
 * subtree, not with round trips.
 */
export async function loadOrgFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
): Promise<{ facts: OrgFacts[]; placement: OrgPlacement[] }> {
  // all at once, the leadership facts' queries too (they need only the subtree and the date)
  const [orgs, counts, positions, elections, leadership] = await Promise.all([
    readAll(
      db,
      db
        .selectFrom('org')
        .select(['id', 'code', 'name', 'kind', 'category', 'unitCount', 'establishedOn', 'path', 'pack'])
        .where(inSubtree('path', rootPath))
        .where((eb) => eb.or([eb('dissolvedOn', 'is', null), eb('dissolvedOn', '>', asOf)]))
        .where((eb) => eb.or([eb('establishedOn', 'is', null), eb('establishedOn', '<=', asOf)]))
        .orderBy('path'),
    ),
    readAll(
      db,
      db
        .selectFrom('membership')
        .select(['orgId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where(inSubtree('orgPath', rootPath))
        .where('validFrom', '<=', asOf)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', asOf)]))
        .where('status', '!=', 'left')
        .groupBy(['orgId', 'status']),
    ),
    readAll(
      db,
      db
        .selectFrom('position as p')
        .innerJoin('org as o', 'o.id', 'p.orgId')
        .select(['p.orgId', 'p.personId', 'p.role', 'p.duty', 'p.validFrom'])
        .select((eb) =>
          eb
            .selectFrom('membership as f')
            .select((e) => e.fn.min('f.validFrom').as('d'))
            .whereRef('f.personId', '=', 'p.personId')
            .where('f.status', '=', 'full')
            .as('fullSince'),
        )
        .where(inSubtree('o.path', rootPath))
        .where('p.validFrom', '<=', asOf)
        .where((eb) => eb.or([eb('p.validTo', 'is', null), eb('p.validTo', '>', asOf)])),
    ),
    read(
      db,
      sql<{ orgId: string; heldOn: string; termYears: number }>`
      select e.org_id, e.held_on, e.term_years
      from org o cross join lateral (select e.org_id, e.held_on, e.term_years from election e
        where e.org_id = o.id and e.kind = 'regular' and e.held_on <= ${asOf}
        order by e.held_on desc limit 1) e
      where ${inSubtree('o.path', rootPath)}`,
    ),
    loadLeadership(db, rootPath, asOf),
  ]);
  const countsBy = new Map<string, OrgFacts['counts']>();
  for (const c of counts) {
    const m = countsBy.get(c.orgId) ?? {};
    m[c.status as keyof OrgFacts['counts']] = Number(c.n);
    countsBy.set(c.orgId, m);
  }
  const positionsBy = new Map<string, OrgFacts['positions']>();
  for (const p of positions) {
    const list = positionsBy.get(p.orgId) ?? [];
    list.push({
      personId: p.personId,
      role: p.role,
      duty: p.duty,
      validFrom: p.validFrom,
      fullSince: p.fullSince,
    });
    positionsBy.set(p.orgId, list);
  }
  const electionBy = new Map(
    elections.rows.map((e) => [e.orgId, { heldOn: e.heldOn, termYears: e.termYears }]),
  );
  return {
    facts: orgs.map((o) => ({
      orgId: o.id,
      code: o.code,
      name: o.name,
      kind: o.kind,
      category: o.category,
      unitCount: o.unitCount,
      establishedOn: o.establishedOn,
      counts: countsBy.get(o.id) ?? {},
      positions: positionsBy.get(o.id) ?? [],
      lastRegularElection: electionBy.get(o.id) ?? null,
      leadership: leadership.get(o.id) ?? noLeadership(),
    })),
    placement: orgs.map((o) => ({ orgId: o.id, path: o.path, code: o.code, pack: o.pack })),
  };
}
