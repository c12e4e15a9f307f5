import { sql } from 'kysely';
import type { Scope } from '../../domain/auth/scope.ts';
import { canWritePath } from '../../domain/auth/scope.ts';
import { addDays, addYears, shanghaiDate } from '../../domain/dates.ts';
import type { OrgDetail, OrgNode, PositionView } from '../../shared/contracts/orgs.contract.ts';
import type { OrgCategory, OrgKind } from '../../shared/enums.ts';
import type { Deps, Tx } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';

type OrgRowLike = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  category: string;
  dissolvedOn: string | null;
  version: number;
};

/** Maps an org row to its tree node. */
export function presentOrgNode(o: OrgRowLike, childCount = 0): OrgNode {
  return {
    id: o.id,
    parentId: o.parentId,
    code: o.code,
    name: o.name,
    kind: o.kind as OrgKind,
    category: o.category as OrgCategory,
    dissolvedOn: o.dissolvedOn,
    childCount,
    version: o.version,
  };
}

const childCountExpr = (includeDissolved: boolean) =>
  sql<number>`(select count(*) from org c where c.parent_id = o.id ${includeDissolved ? sql`` : sql`and c.dissolved_on is null`})`;

/** Top orgs of the caller's scope (admin: the roots of the tree; members: none). */
export async function listRoots(deps: Deps, scope: Scope): Promise<OrgNode[]> {
  let q = deps.db.selectFrom('org as o').selectAll('o').select(childCountExpr(false).as('childCount'));
  if (scope.admin) q = q.where('o.parentId', 'is', null);
  else if (scope.read.length === 0) return [];
  else q = q.where('o.path', 'in', scope.read);
  const rows = await q.orderBy('o.seq').execute();
  return rows.map((r) => presentOrgNode(r, Number(r.childCount)));
}

/** Children of an org, loaded lazily by the tree. */
export async function listChildren(
  deps: Deps,
  scope: Scope,
  id: string,
  includeDissolved: boolean,
): Promise<OrgNode[]> {
  await orgForRead(deps.db, scope, id);
  let q = deps.db
    .selectFrom('org as o')
    .selectAll('o')
    .select(childCountExpr(includeDissolved).as('childCount'))
    .where('o.parentId', '=', id);
  if (!includeDissolved) q = q.where('o.dissolvedOn', 'is', null);
  const rows = await q.orderBy('o.seq').execute();
  return rows.map((r) => presentOrgNode(r, Number(r.childCount)));
}

/** Names of the ancestors of each path, root first (one query for all paths). */
export async function ancestorNames(
  db: Tx,
  paths: string[],
): Promise<Map<string, { id: string; name: string; code: string }[]>> {
  const seqs = new Set<number>();
  for (const p of paths) for (const s of p.split('/').filter(Boolean)) seqs.add(Number.parseInt(s, 36));
  const out = new Map<string, { id: string; name: string; code: string }[]>();
  if (seqs.size === 0) return out;
  const rows = await db
    .selectFrom('org')
    .select(['seq', 'id', 'name', 'code'])
    .where('seq', 'in', [...seqs])
    .execute();
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
  for (const p of paths) {
    const segs = p
      .split('/')
      .filter(Boolean)
      .map((s) => Number.parseInt(s, 36));
    out.set(
      p,
      segs
        .map((s) => bySeq.get(s))
        .filter((x) => x !== undefined)
        .map((r) => ({ id: r.id, name: r.name, code: r.code })),
    );
  }
  return out;
}

/** Search by name (substring) or code (prefix) within the caller's scope. */
export async function searchOrgs(deps: Deps, scope: Scope, q: string, includeDissolved: boolean) {
  const LIMIT = 50;
  if (!scope.admin && scope.read.length === 0) return { items: [], truncated: false };
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = deps.db
    .selectFrom('org as o')
    .selectAll('o')
    .select(childCountExpr(includeDissolved).as('childCount'))
    .where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.code', 'ilike', `${q}%`)]));
  if (!scope.admin) query = query.where((eb) => eb.or(scope.read.map((p) => eb('o.path', 'like', `${p}%`))));
  if (!includeDissolved) query = query.where('o.dissolvedOn', 'is', null);
  const rows = await query
    .orderBy('o.depth')
    .orderBy('o.seq')
    .limit(LIMIT + 1)
    .execute();
  const names = await ancestorNames(
    deps.db,
    rows.map((r) => r.path),
  );
  return {
    items: rows.slice(0, LIMIT).map((r) => ({
      ...presentOrgNode(r, Number(r.childCount)),
      pathNames: (names.get(r.path) ?? []).slice(0, -1).map((a) => a.name),
    })),
    truncated: rows.length > LIMIT,
  };
}

/** Current positions of an org (or all, with history). */
export async function listPositions(db: Tx, orgId: string, all: boolean): Promise<PositionView[]> {
  let q = db
    .selectFrom('position as p')
    .innerJoin('person as pe', 'pe.id', 'p.personId')
    .select([
      'p.id',
      'p.personId',
      'pe.name as personName',
      'p.role',
      'p.duty',
      'p.validFrom',
      'p.validTo',
      'p.electionId',
      'p.version',
    ])
    .where('p.orgId', '=', orgId);
  if (!all) q = q.where('p.validTo', 'is', null);
  const rows = await q
    .orderBy(
      sql`case p.role when 'secretary' then 0 when 'deputy_secretary' then 1 when 'committee_member' then 2 else 3 end`,
    )
    .orderBy('p.validFrom', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    role: r.role as PositionView['role'],
    duty: r.duty as PositionView['duty'],
  }));
}

/** Term status (ORG-014 term end; ORG-015 overdue) from the last regular election. */
export function termStatus(
  elections: { id: string; heldOn: string; kind: string; termYears: number; note: string | null }[],
  asOf: string,
): OrgDetail['term'] {
  const regular = elections
    .filter((e) => e.kind === 'regular')
    .sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0];
  if (!regular)
    return { lastElection: null, termEnd: null, overdue: false, dueWithinDays: null, ruleIds: ['ORG-014'] };
  const termEnd = addYears(regular.heldOn, regular.termYears);
  const overdue = asOf > termEnd;
  let dueWithinDays: number | null = null;
  if (!overdue && addDays(asOf, 90) >= termEnd)
    dueWithinDays = Math.round((Date.parse(termEnd) - Date.parse(asOf)) / 86_400_000);
  return {
    lastElection: { ...regular, kind: 'regular', termEnd },
    termEnd,
    overdue,
    dueWithinDays,
    ruleIds: ['ORG-014', 'ORG-015'],
  };
}

/** The org page: header, counts by status (own and subtree), committee, term of office. */
export async function getOrgDetail(deps: Deps, scope: Scope, id: string): Promise<OrgDetail> {
  const org = await orgForRead(deps.db, scope, id);
  const asOf = shanghaiDate(deps.clock());
  const [own, subtree, childCount, positions, elections, names] = await Promise.all([
    deps.db
      .selectFrom('membership')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('orgId', '=', id)
      .where('validTo', 'is', null)
      .groupBy('status')
      .execute(),
    deps.db
      .selectFrom('membership')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('orgPath', 'like', `${org.path}%`)
      .where('validTo', 'is', null)
      .groupBy('status')
      .execute(),
    deps.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('dissolvedOn', 'is', null)
      .executeTakeFirstOrThrow(),
    listPositions(deps.db, id, false),
    deps.db
      .selectFrom('election')
      .select(['id', 'heldOn', 'kind', 'termYears', 'note'])
      .where('orgId', '=', id)
      .execute(),
    ancestorNames(deps.db, [org.path]),
  ]);
  const counts = (rows: { status: string; n: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return {
    ...presentOrgNode(org, Number(childCount.n)),
    path: names.get(org.path) ?? [],
    establishedOn: org.establishedOn,
    unitCount: org.unitCount,
    pack: org.pack,
    counts: counts(own),
    subtreeCounts: counts(subtree),
    positions,
    term: termStatus(elections, asOf),
    canWrite: canWritePath(scope, org.path),
  };
}
