import { sql } from 'kysely';
import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type {
  StudyRecordBody,
  StudyRecordUpdateBody,
  StudyRecordView,
} from '../../shared/contracts/study.contract.ts';
import type { StudyKind } from '../../shared/study-enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { personForRead } from '../people/person-read.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import { checkVersion } from '../scope-guard.ts';

/** The org a person belonged to on a day (membership of that day, else the current placement). */
export async function orgOfPersonOn(db: Tx, personId: string, day: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['o.id', 'o.path', 'o.name'])
    .where('m.personId', '=', personId)
    .orderBy(
      sql`case when m.valid_from <= ${day} and (m.valid_to is null or m.valid_to > ${day}) then 0 else 1 end`,
    )
    .orderBy(sql`m.valid_to is null`, 'desc')
    .orderBy('m.validFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const NO_ORG = '该人员没有组织关系，无法登记学习记录';
const OUT_OF_SCOPE = '该人员的学习记录不在您的管理范围内，或您只有只读权限';

export const presentStudyRecord = (r: {
  id: string;
  personId: string;
  orgId: string;
  orgName: string;
  studiedOn: string;
  hours: number | string;
  kind: string;
  title: string | null;
  provider: string | null;
  source: string;
  recordedBy: string;
  recordedAt: Date;
  version: number;
}): StudyRecordView => ({
  id: r.id,
  personId: r.personId,
  orgId: r.orgId,
  orgName: r.orgName,
  date: r.studiedOn,
  hours: Number(r.hours),
  kind: r.kind as StudyKind,
  title: r.title,
  provider: r.provider,
  source: r.source,
  recordedBy: r.recordedBy,
  recordedAt: new Date(r.recordedAt).toISOString(),
  version: r.version,
});

/** Study records with their org name (a person's, or one by id). */
export function studyRecordQuery(db: Tx) {
  return db
    .selectFrom('studyRecord as s')
    .innerJoin('org as o', 'o.id', 's.orgId')
    .select([
      's.id',
      's.personId',
      's.orgId',
      'o.name as orgName',
      's.studiedOn',
      's.hours',
      's.kind',
      's.title',
      's.provider',
      's.source',
      's.recordedBy',
      's.recordedAt',
      's.version',
      's.orgPath',
    ]);
}

/** Records a study record for a person, placed at the person's org of that day (officers of that org). */
export async function createStudyRecord(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  personId: string,
  body: StudyRecordBody,
): Promise<StudyRecordView> {
  await personForRead(deps.db, scope, personId);
  const org = await orgOfPersonOn(deps.db, personId, body.date);
  if (!org) throw forbidden(NO_ORG);
  if (!canWritePath(scope, org.path)) throw forbidden(OUT_OF_SCOPE);
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const row = {
      id,
      personId,
      orgId: org.id,
      orgPath: org.path,
      studiedOn: body.date,
      hours: body.hours,
      kind: body.kind,
      title: body.title ?? null,
      provider: body.provider ?? null,
      source: 'manual',
      recordedAt: deps.clock(),
      recordedBy: actor.name,
    };
    await trx.insertInto('studyRecord').values(row).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create_study_record',
      entity: 'study_record',
      entityId: id,
      orgPath: org.path,
      after: row,
    });
  });
  await refreshAfterWrite(deps, org.id);
  return presentStudyRecord(await studyRecordQuery(deps.db).where('s.id', '=', id).executeTakeFirstOrThrow());
}

async function recordForWrite(db: Tx, scope: Scope, id: string) {
  const rec = await studyRecordQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!rec) throw notFound('学习记录', 'study_record_not_found');
  if (!canWritePath(scope, rec.orgPath)) throw forbidden(OUT_OF_SCOPE);
  return rec;
}

/** Edits a study record (optimistic concurrency); a new date re-places it at that day's org. */
export async function updateStudyRecord(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: StudyRecordUpdateBody,
): Promise<StudyRecordView> {
  const rec = await recordForWrite(deps.db, scope, id);
  checkVersion(rec.version, body.version);
  let org = { id: rec.orgId, path: rec.orgPath };
  if (body.date && body.date !== rec.studiedOn) {
    const o = await orgOfPersonOn(deps.db, rec.personId, body.date);
    if (!o) throw forbidden(NO_ORG);
    if (!canWritePath(scope, o.path)) throw forbidden(OUT_OF_SCOPE);
    org = { id: o.id, path: o.path };
  }
  await deps.db.transaction().execute(async (trx) => {
    const set = {
      orgId: org.id,
      orgPath: org.path,
      ...(body.date !== undefined && { studiedOn: body.date }),
      ...(body.hours !== undefined && { hours: body.hours }),
      ...(body.kind !== undefined && { kind: body.kind }),
      ...(body.title !== undefined && { title: body.title }),
      ...(body.provider !== undefined && { provider: body.provider }),
      version: rec.version + 1,
    };
    const r = await trx
      .updateTable('studyRecord')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    checkVersion(Number(r.numUpdatedRows) === 1 ? body.version : body.version + 1, body.version);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update_study_record',
      entity: 'study_record',
      entityId: id,
      orgPath: org.path,
      before: rec,
      after: set,
    });
  });
  await refreshAfterWrite(deps, org.id);
  if (org.id !== rec.orgId) await refreshAfterWrite(deps, rec.orgId);
  return presentStudyRecord(await studyRecordQuery(deps.db).where('s.id', '=', id).executeTakeFirstOrThrow());
}

/** Deletes a study record (optimistic concurrency), audited with the deleted row. */
export async function deleteStudyRecord(deps: Deps, scope: Scope, actor: Actor, id: string, version: number) {
  const rec = await recordForWrite(deps.db, scope, id);
  checkVersion(rec.version, version);
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('studyRecord')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    checkVersion(Number(r.numDeletedRows) === 1 ? version : version + 1, version);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'delete_study_record',
      entity: 'study_record',
      entityId: id,
      orgPath: rec.orgPath,
      before: rec,
    });
  });
  await refreshAfterWrite(deps, rec.orgId);
  return { ok: true };
}
