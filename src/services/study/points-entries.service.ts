import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { forbidden, notFound, ruleRefusal } from '../../domain/errors.ts';
import type {
  PointsDecisionBody,
  PointsEntryBody,
  PointsEntryView,
} from '../../shared/contracts/points.contract.ts';
import type { PointsStatus } from '../../shared/study-enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { personForRead } from '../people/person-read.service.ts';
import { checkVersion } from '../scope-guard.ts';
import { orgOfPersonOn } from './study-records.service.ts';
import { itemsAt } from './points-catalog.service.ts';

/** Points entries with person and item names. */
export function entryQuery(db: Tx) {
  return db
    .selectFrom('pointsEntry as e')
    .innerJoin('person as p', 'p.id', 'e.personId')
    .innerJoin('pointsItem as i', 'i.id', 'e.itemId')
    .selectAll('e')
    .select(['p.name as personName', 'i.name as itemName']);
}

export const presentEntry = (e: {
  id: string;
  personId: string;
  personName: string;
  orgId: string;
  itemId: string;
  itemName: string;
  earnedOn: string;
  points: number | string;
  note: string | null;
  status: string;
  decidedBy: string | null;
  reason: string | null;
  recordedBy: string;
  version: number;
}): PointsEntryView => ({
  id: e.id,
  personId: e.personId,
  personName: e.personName,
  orgId: e.orgId,
  itemId: e.itemId,
  itemName: e.itemName,
  date: e.earnedOn,
  points: Number(e.points),
  note: e.note,
  status: e.status as PointsStatus,
  decidedBy: e.decidedBy,
  reason: e.reason,
  recordedBy: e.recordedBy,
  version: e.version,
});

/**
 * Records points for a person. Officers of the person's org record them (approved at once unless the
 * item needs approval); a member may claim their own, which always waits for approval (EDU-007:
 * a pending entry is not counted until approved).
 */
export async function createPointsEntry(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  personId: string,
  body: PointsEntryBody,
): Promise<PointsEntryView> {
  await personForRead(deps.db, scope, personId);
  const org = await orgOfPersonOn(deps.db, personId, body.date);
  if (!org) throw forbidden('该人员没有组织关系，无法登记积分');
  const officer = canWritePath(scope, org.path);
  if (!officer && scope.personId !== personId) throw forbidden('该人员的积分不在您的管理范围内');
  const item = await itemsAt(deps.db, org.path).where('i.id', '=', body.itemId).executeTakeFirst();
  if (!item) throw notFound('积分项目', 'points_item_not_found');
  if (!item.active) throw ruleRefusal('points_item_inactive', `积分项目「${item.name}」已停用`);
  const status: PointsStatus = officer && !item.needsApproval ? 'approved' : 'pending';
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const row = {
      id,
      personId,
      itemId: item.id,
      orgId: org.id,
      orgPath: org.path,
      earnedOn: body.date,
      points: body.points ?? Number(item.points),
      note: body.note ?? null,
      status,
      decidedBy: status === 'approved' ? actor.name : null,
      decidedAt: status === 'approved' ? deps.clock() : null,
      recordedBy: actor.name,
      recordedAt: deps.clock(),
    };
    await trx.insertInto('pointsEntry').values(row).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create_points_entry',
      entity: 'points_entry',
      entityId: id,
      orgPath: org.path,
      after: row,
    });
  });
  return presentEntry(await entryQuery(deps.db).where('e.id', '=', id).executeTakeFirstOrThrow());
}

/** Approves or rejects a pending entry (officers of its org; not one's own claim). */
export async function decidePointsEntry(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: PointsDecisionBody,
): Promise<PointsEntryView> {
  const e = await entryQuery(deps.db).where('e.id', '=', id).executeTakeFirst();
  if (!e) throw notFound('积分记录', 'points_entry_not_found');
  if (!canWritePath(scope, e.orgPath)) throw forbidden('该积分记录不在您的管理范围内，或您只有只读权限');
  if (e.personId === scope.personId && !scope.admin) throw forbidden('不能审核本人的积分');
  checkVersion(e.version, body.version);
  if (e.status !== 'pending') throw ruleRefusal('points_entry_decided', '该积分记录已审核，不能重复审核');
  if (body.action === 'reject' && !body.reason?.trim())
    throw ruleRefusal('reason_required', '驳回时请填写理由（reason）', { field: 'reason' });
  await deps.db.transaction().execute(async (trx) => {
    const set = {
      status: body.action === 'approve' ? 'approved' : 'rejected',
      decidedBy: actor.name,
      decidedAt: deps.clock(),
      reason: body.reason ?? null,
      version: e.version + 1,
    };
    const r = await trx
      .updateTable('pointsEntry')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    checkVersion(Number(r.numUpdatedRows) === 1 ? body.version : body.version + 1, body.version);
    await recordAudit(trx, deps.clock(), actor, {
      action: `${body.action}_points_entry`,
      entity: 'points_entry',
      entityId: id,
      orgPath: e.orgPath,
      before: { status: e.status, version: e.version },
      after: set,
    });
  });
  return presentEntry(await entryQuery(deps.db).where('e.id', '=', id).executeTakeFirstOrThrow());
}
