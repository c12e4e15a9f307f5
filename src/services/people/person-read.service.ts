import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Scope, canReadPath, canReadPii, canWritePath } from '../../domain/auth/scope.ts';
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

/**
 * Builds the scoped, filtered query over current membership rows only (no select list). Person and
 * org filters are semi-joins, so the page is chosen from the membership index before any join.
 */
export async function scopedPersonQuery(
  deps: Deps,
  scope: Scope,
  q: Omit<PersonListQuery, 'page' | 'pageSize'>,
) {
  const asOf = shanghaiDate(deps.clock());
  let query = deps.db.selectFrom('membership as m').where('m.validTo', 'is', null);
  if (q.orgId) {
    // the subtree root is checked against the scope, so its prefix alone bounds the rows
    const root = await deps.db.selectFrom('org').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!root) throw notFound('组织', 'org_not_found');
    if (!canReadPath(scope, root.path))
      throw new AppError('forbidden', 'forbidden', '该组织不在您的管理范围内，无权查看');
    query = query.where('m.orgPath', 'like', `${root.path}%`);
  } else if (!scope.admin) {
    if (scope.read.length === 0) {
      query = query.where('m.personId', '=', scope.personId ?? '00000000-0000-0000-0000-000000000000');
    } else {
      const roots = scope.read;
      query = query.where((eb) => eb.or(roots.map((p) => eb('m.orgPath', 'like', `${p}%`))));
    }
  }
  const statuses = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
  if (statuses?.length) query = query.where('m.status', 'in', statuses);
  else if (!q.includeLeft) query = query.where('m.status', '!=', 'left');
  if (q.category) {
    const category = q.category;
    query = query.where('m.orgId', 'in', (eb) =>
      eb.selectFrom('org').select('id').where('category', '=', category),
    );
  }
  const personFilters =
    q.gender ||
    q.q ||
    q.ageMin !== undefined ||
    q.ageMax !== undefined ||
    q.partyAgeMin !== undefined ||
    q.partyAgeMax !== undefined;
  if (personFilters) {
    query = query.where('m.personId', 'in', (eb) => {
      let p = eb.selectFrom('person').select('person.id');
      if (q.gender) p = p.where('person.gender', '=', q.gender);
      if (q.q) p = p.where('person.name', 'like', `%${escapeLike(q.q)}%`);
      // age ≥ N ⇔ born on or before asOf − N years; age ≤ N ⇔ born after asOf − (N+1) years
      if (q.ageMin !== undefined) p = p.where('person.birthDate', '<=', addYears(asOf, -q.ageMin));
      if (q.ageMax !== undefined) p = p.where('person.birthDate', '>', addYears(asOf, -(q.ageMax + 1)));
      if (q.partyAgeMin !== undefined) p = p.where(fullSince, '<=', addYears(asOf, -q.partyAgeMin));
      if (q.partyAgeMax !== undefined) p = p.where(fullSince, '>', addYears(asOf, -(q.partyAgeMax + 1)));
      return p;
    });
  }
  return { query, asOf };
}

/** One page of current people in the caller's scope, with filters; ID numbers masked. */
export async function listPeople(deps: Deps, scope: Scope, q: PersonListQuery) {
  const { query, asOf } = await scopedPersonQuery(deps, scope, q);
  const page = query
    .select(['m.personId', 'm.orgId', 'm.orgPath', 'm.status', 'm.validFrom'])
    .orderBy('m.orgPath')
    .orderBy('m.personId')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [countRow, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    withPersonColumns(deps, page),
  ]);
  const items: PersonListItem[] = rows.map((r) => presentListItem(r, asOf));
  return { items, total: Number(countRow.n), page: q.page, pageSize: q.pageSize };
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
