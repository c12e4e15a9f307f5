import { AppError } from '../../domain/errors.ts';
import { anyOf } from '../../db/any-of.ts';
import { DATASET_FORMAT, type DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import type { OrgCategory } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps } from '../deps.ts';
import { exportMeetings } from './dataset-meetings.ts';
import { exportAnnualPlans } from './dataset-plans.ts';
import { exportStudyRecords } from './dataset-study.ts';

const cmp =
  (...keys: (string | number | null)[][]) =>
  (a: number, b: number) => {
    for (const k of keys) if (k[a] !== k[b]) return (k[a] ?? '') < (k[b] ?? '') ? -1 : 1;
    return 0;
  };
const sortBy = <T>(items: T[], ...key: ((x: T) => string | number | null)[]) => {
  const cols = key.map((f) => items.map(f));
  return items
    .map((_, i) => i)
    .sort(cmp(...cols))
    .map((i) => items[i]);
};

/**
 * Exports an org subtree (default: everything) as zhibu-dataset/1, in a deterministic order so
 * that export → import → export round-trips equal. ID numbers are decrypted: the export is audited.
 */
export async function exportDataset(deps: Deps, actor: Actor, orgCode?: string): Promise<DatasetDoc> {
  let root = '/';
  if (orgCode) {
    const r = await deps.db.selectFrom('org').select('path').where('code', '=', orgCode).executeTakeFirst();
    if (!r) throw new AppError('not_found', 'org_not_found', `组织编码 ${orgCode} 不存在`);
    root = r.path;
  }
  const orgs = await deps.db
    .selectFrom('org as o')
    .leftJoin('org as p', 'p.id', 'o.parentId')
    .select([
      'o.id',
      'o.code',
      'o.name',
      'o.kind',
      'o.category',
      'o.establishedOn',
      'o.dissolvedOn',
      'o.pack',
      'o.unitCount',
      'o.depth',
      'p.code as parentCode',
    ])
    .where('o.path', 'like', `${root}%`)
    .execute();
  const codeOf = new Map(orgs.map((o) => [o.id, o.code]));
  const orgIds = [...codeOf.keys()];
  const memberships = orgIds.length
    ? await deps.db.selectFrom('membership').selectAll().where('orgPath', 'like', `${root}%`).execute()
    : [];
  const personIds = [...new Set(memberships.map((m) => m.personId))];
  const people = personIds.length
    ? await deps.db.selectFrom('person').selectAll().where(anyOf('id', personIds)).execute()
    : [];
  const refOf = new Map(people.map((p) => [p.id, p.ref ?? p.id]));
  const positions = orgIds.length
    ? await deps.db.selectFrom('position').selectAll().where(anyOf('orgId', orgIds)).execute()
    : [];
  const elections = orgIds.length
    ? await deps.db.selectFrom('election').selectAll().where(anyOf('orgId', orgIds)).execute()
    : [];
  const doc: DatasetDoc = {
    format: DATASET_FORMAT,
    orgs: sortBy(
      orgs,
      (o) => o.depth,
      (o) => o.code,
    ).map((o) => ({
      code: o.code,
      name: o.name,
      kind: o.kind as DatasetDoc['orgs'][number]['kind'],
      parent: orgCode === o.code ? null : o.parentCode,
      category: o.category as OrgCategory,
      established_on: o.establishedOn,
      dissolved_on: o.dissolvedOn,
      pack: o.pack,
      unit_count: o.unitCount,
    })),
    people: sortBy(people, (p) => refOf.get(p.id)!).map((p) => ({
      ref: refOf.get(p.id)!,
      name: p.name,
      gender: p.gender as '男' | '女' | null,
      birth_date: p.birthDate,
      id_number: p.idNumberEnc ? deps.crypto.decrypt(p.idNumberEnc) : null,
      phone: p.phone,
      education: p.education,
      ethnicity: p.ethnicity,
      title: p.title,
      flags: p.flags,
    })),
    memberships: sortBy(
      memberships,
      (m) => refOf.get(m.personId)!,
      (m) => m.validFrom,
      (m) => m.validTo ?? '9999',
    ).map((m) => ({
      person: refOf.get(m.personId)!,
      org: codeOf.get(m.orgId)!,
      status: m.status as DatasetDoc['memberships'][number]['status'],
      from: m.validFrom,
      to: m.validTo,
    })),
    positions: sortBy(
      positions,
      (p) => codeOf.get(p.orgId)!,
      (p) => refOf.get(p.personId) ?? p.personId,
      (p) => p.role,
      (p) => p.validFrom,
    ).map((p) => ({
      person: refOf.get(p.personId) ?? p.personId,
      org: codeOf.get(p.orgId)!,
      role: p.role as DatasetDoc['positions'][number]['role'],
      duty: p.duty as DatasetDoc['positions'][number]['duty'],
      from: p.validFrom,
      to: p.validTo,
    })),
    elections: sortBy(
      elections,
      (e) => codeOf.get(e.orgId)!,
      (e) => e.heldOn,
      (e) => e.kind,
    ).map((e) => ({
      org: codeOf.get(e.orgId)!,
      held_on: e.heldOn,
      kind: e.kind as 'regular' | 'by_election',
      term_years: e.termYears,
    })),
    meetings: await exportMeetings(deps.db, root, codeOf, refOf),
    study_records: await exportStudyRecords(deps.db, root, refOf),
    annual_plans: await exportAnnualPlans(deps.db, root, refOf),
  };
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps.clock(), actor, {
      action: 'export_dataset',
      entity: 'dataset',
      orgPath: root === '/' ? null : root,
      after: { orgCode: orgCode ?? null, people: doc.people.length },
    }),
  );
  return doc;
}
