import { type SelectQueryBuilder, sql } from 'kysely';
import { type Scope, canReadPath, canReadPii, canWritePath } from '../../domain/auth/scope.ts';
import { wholeYears } from '../../domain/dates.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { MembershipView, PersonDetail, PersonListRow } from '../../shared/contracts/people.contract.ts';
import type { MemberStatus } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import type { DB, MembershipRow, MembershipTable } from '../../db/schema.ts';
import { fullSince } from './person-list.ts';

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
): PersonListRow {
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
