import { sql } from 'kysely';
import { read } from '../../db/batch.ts';
import { packed, unpack } from '../../db/packed.ts';
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
  // all at once, the leadership facts' queries too (they need only the subtree and the date); written as SQL,
  // read without the camelCase plugin (aliases are camelCase): building and compiling them as query builders was
  // ≈ 0.2 ms of Node in a branch's ≈ 3 ms refresh
  const raw = db.withoutPlugins();
  const [orgs, counts, positions, elections, leadership] = await Promise.all([
    read(
      raw,
      sql<
        { id: string; path: string; pack: string | null } & Pick<
          OrgFacts,
          'code' | 'name' | 'kind' | 'category' | 'unitCount' | 'establishedOn'
        >
      >`select id, code, name, kind, category, unit_count as "unitCount", established_on as "establishedOn", path, pack
      from org where ${inSubtree('path', rootPath)} and (dissolved_on is null or dissolved_on > ${asOf})
        and (established_on is null or established_on <= ${asOf})
      order by path`,
    ).then((r) => r.rows),
    read(
      raw,
      sql<{ orgId: string; status: string; n: number }>`select org_id as "orgId", status, count(*) as n
      from membership where ${inSubtree('org_path', rootPath)} and valid_from <= ${asOf}
        and (valid_to is null or valid_to > ${asOf}) and status <> 'left'
      group by org_id, status`,
    ).then((r) => r.rows),
    read(
      raw,
      // org, person, role, since, full member since — packed (src/db/packed.ts: ≈ 26k rows a city run); the duty
      // (free text) as a column
      sql<{ packed: string; duty: string | null }>`select ${packed([
        sql`p.org_id`,
        sql`p.person_id`,
        sql`p.role`,
        sql`p.valid_from`,
        sql`(select min(f.valid_from) from membership f where f.person_id = p.person_id and f.status = 'full')`,
      ])} as packed, p.duty
      from position p join org o on o.id = p.org_id
      where ${inSubtree('o.path', rootPath)} and p.valid_from <= ${asOf} and (p.valid_to is null or p.valid_to > ${asOf})`,
    ).then((r) => r.rows),
    read(
      raw,
      sql<{ orgId: string; heldOn: string; termYears: number }>`
      select e.org_id as "orgId", e.held_on as "heldOn", e.term_years as "termYears"
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
    const [orgId, personId, role, validFrom, fullSince] = unpack(p.packed);
    const list = positionsBy.get(orgId) ?? [];
    list.push({ personId, role, duty: p.duty, validFrom, fullSince: fullSince || null });
    positionsBy.set(orgId, list);
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
