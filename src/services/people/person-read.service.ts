import { type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { compileOnce, runCompiled } from '../../db/compile-once.ts';
import { type Scope, canReadPath, canReadPii, canWritePath } from '../../domain/auth/scope.ts';
import { subtreeEnd } from '../../domain/org/org-tree.ts';
import { addYears, shanghaiDate, wholeYears } from '../../domain/dates.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type {
  MembershipView,
  PersonDetail,
  PersonListItem,
  PersonListQuery,
} from '../../shared/contracts/people.contract.ts';
import type { MemberStatus } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import type { DB, MembershipRow, MembershipTable } from '../../db/schema.ts';

/** First day as a full member (party age counts from it, DEV-024). */
const fullSince = (eb: ExpressionBuilder<DB, 'person'>) =>
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
 * subtree (a path range read from `org` inside the statement) and the CALLER MUST check the root with
 * `checkSubtreeRoot`; otherwise by the scope's read roots.
 */
function filterArgs(scope: Scope, q: Omit<PersonListQuery, 'page' | 'pageSize'>, asOf: string): FilterArgs {
  const a: FilterArgs = {};
  if (q.orgId) a.orgId = q.orgId;
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
  if ('orgId' in a)
    query = query.where('c.subtreePath', '=', (eb) =>
      eb.selectFrom('org').select('path').where('id', '=', String(a.orgId)),
    );
  else if (roots.length) query = query.where('c.subtreePath', 'in', roots);
  else query = query.where('c.subtreePath', '=', '/');
  const statuses = keysWith(a, 'status').map((k) => String(a[k]));
  if (statuses.length) query = query.where('c.status', 'in', statuses);
  if ('notStatus' in a) query = query.where('c.status', '!=', String(a.notStatus));
  return query.select(sql<number>`coalesce(sum(c.n), 0)::int`.as('n'));
}

/**
 * Current membership rows matching the filter (no select list). Person and org filters are
 * semi-joins, so the page is chosen from the membership index before any join.
 */
function membershipRows(db: Kysely<DB>, a: FilterArgs) {
  let query = db.selectFrom('membership as m').where('m.validTo', 'is', null);
  if ('orgId' in a) {
    query = query
      .where('m.orgPath', '>=', (eb) => eb.selectFrom('org').select('path').where('id', '=', String(a.orgId)))
      .where('m.orgPath', '<', (eb) =>
        eb
          .selectFrom('org')
          .select(sql<string>`left(path, -1) || '0'`.as('end'))
          .where('id', '=', String(a.orgId)),
      );
  }
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
 * exports. With `orgId` the CALLER MUST check the root with `checkSubtreeRoot`.
 */
export function scopedPersonQuery(deps: Deps, scope: Scope, q: Omit<PersonListQuery, 'page' | 'pageSize'>) {
  const asOf = shanghaiDate(deps.clock());
  return { query: membershipRows(deps.db, filterArgs(scope, q, asOf)), asOf };
}

/** The path of the org `orgId`, or undefined (for `checkSubtreeRoot`). */
export async function orgPathOf(deps: Deps, orgId: string) {
  return (await deps.db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirst())?.path;
}

/** Whole years from a date column to `asOf` (NULL stays NULL), computed like `wholeYears`. */
export const yearsTo = (d: RawBuilder<unknown>, asOf: string) =>
  sql`(extract(year from ${asOf}::date) - extract(year from ${d})
    - case when (extract(month from ${asOf}::date), extract(day from ${asOf}::date))
      < (extract(month from ${d}), extract(day from ${d})) then 1 else 0 end)::int`;

/**
 * One page: the subtree root (when filtered by org), the total and the page's people and orgs as
 * JSON, in one statement. `limit`/`offset` are parameters too.
 */
function pageStatement(db: Kysely<DB>, a: FilterArgs) {
  return db
    .with(
      (cte) => cte('base').notMaterialized(),
      () => membershipRows(db, a).select(['m.personId', 'm.orgId', 'm.orgPath', 'm.status', 'm.validFrom']),
    )
    .with('pg', (w) =>
      w
        .selectFrom('base')
        .selectAll()
        .orderBy('orgPath')
        .orderBy('personId')
        .limit(a.limit as number)
        .offset(a.offset as number),
    )
    .selectNoFrom((eb) => [
      ('orgId' in a
        ? eb.selectFrom('org').select('path').where('id', '=', String(a.orgId))
        : sql<string | null>`null::text`
      ).as('rootPath'),
      (countedTotal(db, a) ?? eb.selectFrom('base').select(eb.fn.countAll<number>().as('n'))).as('total'),
      sql<string>`coalesce((${eb
        .selectFrom('pg')
        .innerJoin('person as p', 'p.id', 'pg.personId')
        // a LIMITed lateral lookup is not flattened into a join: 50 index probes, never a scan of org
        .innerJoinLateral(
          (l) =>
            l
              .selectFrom('org')
              .select(['id', 'name', 'code'])
              .whereRef('org.id', '=', 'pg.orgId')
              .limit(1)
              .as('o'),
          (join) => join.onTrue(),
        )
        .leftJoinLateral(
          (l) =>
            l
              .selectFrom('membership as f')
              .select((e) => e.fn.min('f.validFrom').as('d'))
              .whereRef('f.personId', '=', 'p.id')
              .where('f.status', '=', 'full')
              .as('fs'),
          (join) => join.onTrue(),
        )
        .select(
          // the contract's PersonListItem, field for field (ages as in wholeYears: years minus one
          // before the anniversary), so the route can send the text without parsing it
          sql`json_agg(json_build_object(
            'id', p.id, 'name', p.name, 'gender', p.gender, 'birthDate', p.birth_date,
            'age', ${yearsTo(sql.ref('p.birth_date'), String(a.asOf))},
            'education', p.education, 'phone', p.phone, 'idNumber', p.id_number_masked,
            'status', pg.status, 'statusSince', pg.valid_from, 'orgId', o.id, 'orgName', o.name,
            'orgCode', o.code, 'fullSince', fs.d, 'partyAge', ${yearsTo(sql.ref('fs.d'), String(a.asOf))}
          ) order by pg.org_path, pg.person_id)`.as('j'),
        )}), '[]'::json)::text`.as('items'),
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
    asOf,
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
  }[];
  if (q.orgId) checkSubtreeRoot(scope, row.rootPath);
  return {
    json: `{"items":${row.items},"total":${Number(row.total)},"page":${q.page},"pageSize":${q.pageSize}}`,
  };
}

type PageRows = SelectQueryBuilder<
  DB & { m: MembershipTable },
  'm',
  Pick<MembershipRow, 'personId' | 'orgId' | 'orgPath' | 'status' | 'validFrom'>
>;

/**
 * Runs an already-ordered page of membership rows, then fetches its people (with the first day as
 * a full member) and orgs by id: three small queries with trivial plans instead of one join whose
 * planning alone costs more than its execution at city scale (docs/benchmarks.md).
 */
export async function withPersonColumns(deps: Deps, page: PageRows) {
  const rows = await page.execute();
  if (rows.length === 0) return [];
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const [people, orgs] = await Promise.all([
    deps.db
      .selectFrom('person')
      .select([
        'person.id',
        'person.name',
        'person.gender',
        'person.birthDate',
        'person.education',
        'person.phone',
        'person.idNumberMasked',
        'person.idNumberEnc',
      ])
      .select((eb) => fullSince(eb).as('fullSince'))
      .where('person.id', 'in', personIds)
      .execute(),
    deps.db.selectFrom('org').select(['id', 'name', 'code']).where('id', 'in', orgIds).execute(),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => {
    const p = personById.get(r.personId)!;
    const o = orgById.get(r.orgId)!;
    return {
      ...p,
      status: r.status,
      validFrom: r.validFrom,
      orgId: r.orgId,
      orgPath: r.orgPath,
      orgName: o.name,
      orgCode: o.code,
    };
  });
}

export function presentListItem(
  r: {
    id: string;
    name: string;
    gender: string | null;
    birthDate: string | null;
    education: string | null;
    phone: string | null;
    idNumberMasked: string | null;
    status: string;
    validFrom: string;
    orgId: string;
    orgName: string;
    orgCode: string;
    fullSince: string | null;
  },
  asOf: string,
): PersonListItem {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    age: r.birthDate ? wholeYears(r.birthDate, asOf) : null,
    education: r.education,
    phone: r.phone,
    idNumber: r.idNumberMasked,
    status: r.status as MemberStatus,
    statusSince: r.validFrom,
    orgId: r.orgId,
    orgName: r.orgName,
    orgCode: r.orgCode,
    fullSince: r.fullSince,
    partyAge: r.fullSince ? wholeYears(r.fullSince, asOf) : null,
  };
}

/** The membership that places a person in the tree: the open row, else the latest. */
export async function personPlacement(db: Tx, personId: string) {
  return db
    .selectFrom('membership')
    .select(['id', 'orgId', 'orgPath', 'status', 'validFrom', 'validTo'])
    .where('personId', '=', personId)
    .orderBy(sql`valid_to is null`, 'desc')
    .orderBy('validFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Loads a person the caller may read: self, or placed in the caller's read scope. */
export async function personForRead(db: Tx, scope: Scope, id: string) {
  const person = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) throw notFound('人员', 'person_not_found');
  const placement = await personPlacement(db, id);
  const self = scope.personId === id;
  if (!self && (!placement || !canReadPath(scope, placement.orgPath))) {
    throw new AppError('forbidden', 'forbidden', '该人员不在您的管理范围内，无权查看');
  }
  return { person, placement };
}

/** The person page: details (ID number masked), current status, membership history, positions. */
export async function getPersonDetail(deps: Deps, scope: Scope, id: string): Promise<PersonDetail> {
  const { person, placement } = await personForRead(deps.db, scope, id);
  const [history, positions] = await Promise.all([
    deps.db
      .selectFrom('membership as m')
      .innerJoin('org as o', 'o.id', 'm.orgId')
      .select([
        'm.id',
        'm.orgId',
        'o.name as orgName',
        'o.code as orgCode',
        'm.status',
        'm.validFrom',
        'm.validTo',
        'm.note',
      ])
      .where('m.personId', '=', id)
      .orderBy('m.validFrom', 'desc')
      .orderBy(sql`m.valid_to is null`, 'desc')
      .execute(),
    deps.db
      .selectFrom('position as p')
      .innerJoin('org as o', 'o.id', 'p.orgId')
      .select(['p.id', 'o.name as orgName', 'p.role', 'p.duty', 'p.validFrom', 'p.validTo'])
      .where('p.personId', '=', id)
      .orderBy('p.validFrom', 'desc')
      .execute(),
  ]);
  const views: MembershipView[] = history.map((h) => ({ ...h, status: h.status as MemberStatus }));
  const path = placement?.orgPath ?? '';
  return {
    id: person.id,
    ref: person.ref,
    name: person.name,
    gender: person.gender,
    ethnicity: person.ethnicity,
    birthDate: person.birthDate,
    education: person.education,
    title: person.title,
    phone: person.phone,
    idNumber: person.idNumberMasked,
    idNumberMasked: true,
    flags: person.flags,
    version: person.version,
    current: views.find((v) => v.validTo === null) ?? null,
    history: views,
    positions,
    canWrite: placement ? canWritePath(scope, path) : false,
    canReadPii: placement ? canReadPii(scope, path) : false,
  };
}

/** Reveals a full ID number to a caller holding the PII permission; audited. */
export async function revealIdNumber(deps: Deps, scope: Scope, actor: Actor, id: string) {
  const { person, placement } = await personForRead(deps.db, scope, id);
  if (!placement || !canReadPii(scope, placement.orgPath))
    throw new AppError('forbidden', 'forbidden', '您没有查看完整身份证号的权限');
  const idNumber = person.idNumberEnc ? deps.crypto.decrypt(person.idNumberEnc) : null;
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps.clock(), actor, {
      action: 'read_pii',
      entity: 'person',
      entityId: id,
      orgPath: placement.orgPath,
      after: { field: 'idNumber' },
    }),
  );
  return { idNumber };
}
