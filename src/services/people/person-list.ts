import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { compileOnce, runCompiled } from '../../db/compile-once.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, canReadPath } from '../../domain/auth/scope.ts';
import { addYears, shanghaiDate } from '../../domain/dates.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { subtreeEnd } from '../../domain/org/org-tree.ts';
import type { PersonListQuery } from '../../shared/contracts/people.contract.ts';
import type { Deps } from '../deps.ts';
import { dateKey, yearsBetweenKeys } from './date-keys.ts';

/** First day as a full member (party age counts from it, DEV-024). */
export const fullSince = (eb: ExpressionBuilder<DB, 'person'>) =>
  eb
    .selectFrom('membership as f')
    .select((e) => e.fn.min('f.validFrom').as('d'))
    .whereRef('f.personId', '=', 'person.id')
    .where('f.status', '=', 'full');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Refuses a subtree root that does not exist or lies outside the caller's read scope. */
export function checkSubtreeRoot(scope: Scope, rootPath: string | null | undefined): void {
  if (!rootPath) throw notFound('组织', 'org_not_found');
  if (!canReadPath(scope, rootPath))
    throw new AppError('forbidden', 'forbidden', '该组织不在您的管理范围内，无权查看');
}

/** Plain values of a member-list filter; which keys are present fixes the SQL (the cache key). */
type FilterArgs = Record<string, string | number>;

/**
 * The filter of a member list as plain parameter values (every transformation done here), so that
 * the SQL depends only on which keys are present. With `orgId`, rows are bounded by that org's
 * subtree, read by the page statement's `root` CTE, and the CALLER MUST check the root with
 * `checkSubtreeRoot`; otherwise by the scope's read roots (`root<i>`/`rootEnd<i>`).
 */
function filterArgs(
  scope: Scope,
  q: Omit<PersonListQuery, 'page' | 'pageSize'>,
  asOf: string,
  /** The path of `q.orgId`, already checked with `checkSubtreeRoot`: it bounds the rows like a scope root. */
  checkedRoot?: string,
): FilterArgs {
  const a: FilterArgs = {};
  if (checkedRoot) {
    a.root0 = checkedRoot;
    a.rootEnd0 = subtreeEnd(checkedRoot);
  } else if (q.orgId) a.orgId = q.orgId;
  else if (!scope.admin) {
    if (scope.read.length === 0) a.self = scope.personId ?? '00000000-0000-0000-0000-000000000000';
    for (const [i, p] of scope.read.entries()) {
      a[`root${i}`] = p;
      a[`rootEnd${i}`] = subtreeEnd(p);
    }
  }
  const statuses = q.status === undefined ? [] : Array.isArray(q.status) ? q.status : [q.status];
  for (const [i, st] of statuses.entries()) a[`status${i}`] = st;
  if (statuses.length === 0 && !q.includeLeft) a.notStatus = 'left';
  if (q.category) a.category = q.category;
  if (q.gender) a.gender = q.gender;
  if (q.q) a.nameLike = `%${escapeLike(q.q)}%`;
  // age ≥ N ⇔ born on or before asOf − N years; age ≤ N ⇔ born after asOf − (N+1) years
  if (q.ageMin !== undefined) a.bornOnOrBefore = addYears(asOf, -q.ageMin);
  if (q.ageMax !== undefined) a.bornAfter = addYears(asOf, -(q.ageMax + 1));
  if (q.partyAgeMin !== undefined) a.fullOnOrBefore = addYears(asOf, -q.partyAgeMin);
  if (q.partyAgeMax !== undefined) a.fullAfter = addYears(asOf, -(q.partyAgeMax + 1));
  return a;
}

const keysWith = (a: FilterArgs, prefix: string) => Object.keys(a).filter((k) => k.startsWith(prefix));
const PERSON_KEYS = ['gender', 'nameLike', 'bornOnOrBefore', 'bornAfter', 'fullOnOrBefore', 'fullAfter'];

/**
 * The total of a filter that bounds only the subtree and statuses, from the counters kept by triggers
 * (`subtree_member_count`, migration 0011): one index probe of a few rows instead of counting thousands
 * of membership index entries on every page. Undefined when the filter reaches person or org columns
 * (then the rows are counted). Scope roots are disjoint (`minimalRoots`), so their counts add up.
 */
function countedTotal(db: Kysely<DB>, a: FilterArgs) {
  if ('self' in a || 'category' in a || PERSON_KEYS.some((k) => k in a)) return undefined;
  let query = db.selectFrom('subtreeMemberCount as c');
  const roots = keysWith(a, 'rootEnd').map((k) => String(a[`root${k.slice('rootEnd'.length)}`]));
  if ('orgId' in a) query = query.where('c.subtreePath', '=', sql<string>`(select path from root)`);
  else if (roots.length) query = query.where('c.subtreePath', 'in', roots);
  else query = query.where('c.subtreePath', '=', '/');
  const statuses = keysWith(a, 'status').map((k) => String(a[k]));
  if (statuses.length) query = query.where('c.status', 'in', statuses);
  if ('notStatus' in a) query = query.where('c.status', '!=', String(a.notStatus));
  return query.select(sql<number>`coalesce(sum(c.n), 0)::int`.as('n'));
}

/**
 * Current membership rows matching the filter (no select list). Person and org filters are
 * semi-joins, so the page is chosen from the membership index before any join. An `orgId` filter reads
 * the subtree from the `root` CTE of the page statement.
 */
function membershipRows(db: Kysely<DB>, a: FilterArgs) {
  let query = db.selectFrom('membership as m').where('m.validTo', 'is', null);
  if ('orgId' in a)
    query = query
      .where('m.orgPath', '>=', sql<string>`(select path from root)`)
      .where('m.orgPath', '<', sql<string>`(select path_end from root)`);
  if ('self' in a) query = query.where('m.personId', '=', String(a.self));
  const roots = keysWith(a, 'rootEnd').map((k) => k.slice('rootEnd'.length));
  if (roots.length)
    query = query.where((eb) =>
      eb.or(
        roots.map((i) =>
          eb.and([
            eb('m.orgPath', '>=', String(a[`root${i}`])),
            eb('m.orgPath', '<', String(a[`rootEnd${i}`])),
          ]),
        ),
      ),
    );
  const statuses = keysWith(a, 'status').map((k) => String(a[k]));
  if (statuses.length) query = query.where('m.status', 'in', statuses);
  if ('notStatus' in a) query = query.where('m.status', '!=', String(a.notStatus));
  if ('category' in a)
    query = query.where('m.orgId', 'in', (eb) =>
      eb.selectFrom('org').select('id').where('category', '=', String(a.category)),
    );
  if (PERSON_KEYS.some((k) => k in a)) {
    query = query.where('m.personId', 'in', (eb) => {
      let p = eb.selectFrom('person').select('person.id');
      if ('gender' in a) p = p.where('person.gender', '=', String(a.gender));
      if ('nameLike' in a) p = p.where('person.name', 'like', String(a.nameLike));
      if ('bornOnOrBefore' in a) p = p.where('person.birthDate', '<=', String(a.bornOnOrBefore));
      if ('bornAfter' in a) p = p.where('person.birthDate', '>', String(a.bornAfter));
      if ('fullOnOrBefore' in a) p = p.where(fullSince, '<=', String(a.fullOnOrBefore));
      if ('fullAfter' in a) p = p.where(fullSince, '>', String(a.fullAfter));
      return p;
    });
  }
  return query;
}

/**
 * The filtered query over current membership rows in the caller's scope (no select list), for
 * exports: a subtree root (`orgId`) is read and checked against the scope first, then bounds the rows
 * like a scope root.
 */
export async function scopedPersonQuery(
  deps: Deps,
  scope: Scope,
  q: Omit<PersonListQuery, 'page' | 'pageSize'>,
) {
  const asOf = shanghaiDate(deps.clock());
  let root: string | undefined;
  if (q.orgId) {
    root = (await deps.db.selectFrom('org').select('path').where('id', '=', q.orgId).executeTakeFirst())
      ?.path;
    checkSubtreeRoot(scope, root);
  }
  return { query: membershipRows(deps.db, filterArgs(scope, q, asOf, root)), asOf };
}

/**
 * One page in one statement: the subtree root (when filtered by org; read once, by a materialized
 * CTE), the total, the page's items as a JSON array and its orgs. The page's membership rows come from
 * the current-membership index alone (org_path, person_id, status, org_id: no table access); each is
 * rendered by its prepared `person_list_item` (migration 0013) plus the two ages; each org once.
 */
function pageStatement(db: Kysely<DB>, a: FilterArgs) {
  const withRoot =
    'orgId' in a
      ? db.with(
          (cte) => cte('root').materialized(),
          (d) =>
            d
              .selectFrom('org')
              .select(['path', sql<string>`left(path, -1) || '0'`.as('path_end')])
              .where('id', '=', String(a.orgId)),
        )
      : db;
  const asOfKey = sql`${a.asOfKey}::int`;
  return withRoot
    .with(
      (cte) => cte('pg').materialized(),
      () =>
        membershipRows(db, a)
          .select(['m.personId', 'm.orgPath', 'm.orgId'])
          .orderBy('m.orgPath')
          .orderBy('m.personId')
          // as scalar subqueries, so that no plan knows their values: PostgreSQL then finds the generic
          // plan no worse than a custom one and keeps it, instead of re-planning (≈ 2 ms) on every call
          // because a custom plan priced a small offset cheaper (docs/decisions.md)
          .limit(sql<number>`(select ${a.limit}::int)`)
          .offset(sql<number>`(select ${a.offset}::int)`),
    )
    .selectNoFrom((eb) => [
      ('orgId' in a ? sql<string | null>`(select path from root)` : sql<string | null>`null::text`).as(
        'rootPath',
      ),
      (
        countedTotal(db, a) ??
        eb
          .selectFrom(membershipRows(db, a).select('m.personId').as('t'))
          .select(eb.fn.countAll<number>().as('n'))
      ).as('total'),
      sql<string>`coalesce((${eb
        .selectFrom('pg')
        .innerJoin('personListItem as l', 'l.personId', 'pg.personId')
        .select(
          sql`'[' || string_agg(concat(l.item,
            ',"age":', coalesce(${yearsBetweenKeys(sql.ref('l.birth_key'), asOfKey)}::text, 'null'),
            ',"partyAge":', coalesce(${yearsBetweenKeys(sql.ref('l.full_key'), asOfKey)}::text, 'null'), '}'),
            ',' order by pg.org_path, pg.person_id) || ']'`.as('j'),
        )}), '[]')`.as('items'),
      // the page's few orgs by key (a LIMITed lateral lookup is not turned into a scan of org)
      sql<string>`coalesce((select '[' || string_agg(concat('{"id":', to_json(o.id)::text,
        ',"name":', to_json(o.name)::text, ',"code":', to_json(o.code)::text, '}'), ',' order by o.path) || ']'
        from (select distinct org_id from pg) d
        cross join lateral (select id, name, code, path from org where org.id = d.org_id limit 1) o), '[]')`.as(
        'orgs',
      ),
    ]);
}

/** Compiled statements by filter shape (the set of filter keys present; bounded by the filter's fields). */
const pageStatements = new Map<
  string,
  ReturnType<typeof compileOnce<Kysely<DB>, FilterArgs, Record<string, unknown>>>
>();

/**
 * One page of current people in the caller's scope, with filters; ID numbers masked. One statement,
 * compiled once per filter shape (per-statement and compile costs dominate this route at city scale,
 * docs/benchmarks.md `list`), which also renders the page as the contract's JSON: `json` is the
 * PersonListResponse document, ready to send.
 */
export async function listPeople(deps: Deps, scope: Scope, q: PersonListQuery): Promise<{ json: string }> {
  const asOf = shanghaiDate(deps.clock());
  const a = {
    ...filterArgs(scope, q, asOf),
    asOfKey: dateKey(asOf),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  const shape = Object.keys(a).join(',');
  let statement = pageStatements.get(shape);
  if (!statement) {
    statement = compileOnce((db: Kysely<DB>, p: FilterArgs) => pageStatement(db, p), Object.keys(a));
    pageStatements.set(shape, statement);
  }
  const [row] = (await runCompiled(deps.db, statement.bind(deps.db, a))) as {
    rootPath: string | null;
    total: number;
    items: string;
    orgs: string;
  }[];
  if (q.orgId) checkSubtreeRoot(scope, row.rootPath);
  return {
    json: `{"items":${row.items},"orgs":${row.orgs},"total":${Number(row.total)},"page":${q.page},"pageSize":${q.pageSize}}`,
  };
}
