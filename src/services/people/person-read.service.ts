import { type ExpressionBuilder, sql } from 'kysely';
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
import type { DB } from '../../db/schema.ts';

/** First day as a full member (party age counts from it, DEV-024). */
const fullSince = (eb: ExpressionBuilder<DB, 'person'>) =>
  eb
    .selectFrom('membership as f')
    .select((e) => e.fn.min('f.validFrom').as('d'))
    .whereRef('f.personId', '=', 'person.id')
    .where('f.status', '=', 'full');

/** Builds the scoped, filtered current-member query (no select list). */
export async function scopedPersonQuery(
  deps: Deps,
  scope: Scope,
  q: Omit<PersonListQuery, 'page' | 'pageSize'>,
) {
  const asOf = shanghaiDate(deps.clock());
  let query = deps.db
    .selectFrom('membership as m')
    .innerJoin('person', 'person.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .where('m.validTo', 'is', null);
  if (!scope.admin) {
    if (scope.read.length === 0) {
      query = query.where('person.id', '=', scope.personId ?? '00000000-0000-0000-0000-000000000000');
    } else {
      const roots = scope.read;
      query = query.where((eb) => eb.or(roots.map((p) => eb('m.orgPath', 'like', `${p}%`))));
    }
  }
  if (q.orgId) {
    const root = await deps.db.selectFrom('org').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!root) throw notFound('组织', 'org_not_found');
    if (!canReadPath(scope, root.path))
      throw new AppError('forbidden', 'forbidden', '该组织不在您的管理范围内，无权查看');
    query = query.where('m.orgPath', 'like', `${root.path}%`);
  }
  const statuses = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
  if (statuses?.length) query = query.where('m.status', 'in', statuses);
  else if (!q.includeLeft) query = query.where('m.status', '!=', 'left');
  if (q.category) query = query.where('o.category', '=', q.category);
  if (q.gender) query = query.where('person.gender', '=', q.gender);
  if (q.q) query = query.where('person.name', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  // age ≥ N ⇔ born on or before asOf − N years; age ≤ N ⇔ born after asOf − (N+1) years
  if (q.ageMin !== undefined) query = query.where('person.birthDate', '<=', addYears(asOf, -q.ageMin));
  if (q.ageMax !== undefined) query = query.where('person.birthDate', '>', addYears(asOf, -(q.ageMax + 1)));
  if (q.partyAgeMin !== undefined) query = query.where(fullSince, '<=', addYears(asOf, -q.partyAgeMin));
  if (q.partyAgeMax !== undefined) query = query.where(fullSince, '>', addYears(asOf, -(q.partyAgeMax + 1)));
  return { query, asOf };
}

/** One page of current people in the caller's scope, with filters; ID numbers masked. */
export async function listPeople(deps: Deps, scope: Scope, q: PersonListQuery) {
  const { query, asOf } = await scopedPersonQuery(deps, scope, q);
  const [countRow, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select([
        'person.id',
        'person.name',
        'person.gender',
        'person.birthDate',
        'person.education',
        'person.phone',
        'person.idNumberMasked',
        'm.status',
        'm.validFrom',
        'm.orgId',
        'o.name as orgName',
        'o.code as orgCode',
      ])
      .select((eb) => fullSince(eb).as('fullSince'))
      .orderBy('o.path')
      .orderBy('person.name')
      .orderBy('person.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  const items: PersonListItem[] = rows.map((r) => presentListItem(r, asOf));
  return { items, total: Number(countRow.n), page: q.page, pageSize: q.pageSize };
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
