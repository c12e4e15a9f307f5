import { sql } from 'kysely';
import { type Scope, canManagePath } from '../../domain/auth/scope.ts';
import { conflict, forbidden, notFound } from '../../domain/errors.ts';
import type {
  PointsItemBody,
  PointsItemUpdateBody,
  PointsItemView,
} from '../../shared/contracts/points.contract.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForRead } from '../scope-guard.ts';

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Catalog items in force at an org path: global ones and those of the org and its ancestors. */
export function itemsAt(db: Tx, path: string) {
  return db
    .selectFrom('pointsItem as i')
    .leftJoin('org as o', 'o.id', 'i.orgId')
    .selectAll('i')
    .select('o.name as orgName')
    .where((eb) => eb.or([eb('i.orgPath', 'is', null), sql<boolean>`${path} like i.org_path || '%'`]));
}

export const presentItem = (i: {
  id: string;
  orgId: string | null;
  orgName: string | null;
  code: string;
  name: string;
  points: number | string;
  capPerMonth: number | string | null;
  capPerYear: number | string | null;
  needsApproval: boolean;
  active: boolean;
  version: number;
}): PointsItemView => ({
  id: i.id,
  orgId: i.orgId,
  orgName: i.orgName,
  code: i.code,
  name: i.name,
  points: Number(i.points),
  capPerMonth: num(i.capPerMonth),
  capPerYear: num(i.capPerYear),
  needsApproval: i.needsApproval,
  active: i.active,
  version: i.version,
});

/** The points catalog in force at an org (EDU-007 `points.items[]`). */
export async function listPointsItems(deps: Deps, scope: Scope, orgId: string) {
  const org = await orgForRead(deps.db, scope, orgId);
  const rows = await itemsAt(deps.db, org.path).orderBy('i.code').execute();
  return { items: rows.map(presentItem), canManage: canManagePath(scope, org.path) };
}

/** Adds a catalog item for an org's subtree (org admins); codes are unique per org. */
export async function createPointsItem(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  body: PointsItemBody,
) {
  const org = await orgForRead(deps.db, scope, orgId);
  if (!canManagePath(scope, org.path)) throw forbidden('只有上级组织管理员可以维护积分项目');
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('pointsItem')
      .select('id')
      .where('orgPath', '=', org.path)
      .where('code', '=', body.code)
      .executeTakeFirst();
    if (dup) throw conflict(`积分项目编码 ${body.code} 已存在`, 'duplicate_code', { field: 'code' });
    const row = {
      id,
      orgId,
      orgPath: org.path,
      code: body.code,
      name: body.name,
      points: body.points,
      capPerMonth: body.capPerMonth ?? null,
      capPerYear: body.capPerYear ?? null,
      needsApproval: body.needsApproval,
    };
    await trx.insertInto('pointsItem').values(row).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create_points_item',
      entity: 'points_item',
      entityId: id,
      orgPath: org.path,
      after: row,
    });
  });
  return presentItem(await itemsAt(deps.db, org.path).where('i.id', '=', id).executeTakeFirstOrThrow());
}

/** Edits or deactivates a catalog item (its owner org's admins; global items: admins). */
export async function updatePointsItem(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: PointsItemUpdateBody,
) {
  const item = await deps.db.selectFrom('pointsItem').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound('积分项目', 'points_item_not_found');
  if (item.orgPath === null ? !scope.admin : !canManagePath(scope, item.orgPath))
    throw forbidden('只有上级组织管理员可以维护积分项目');
  checkVersion(item.version, body.version);
  const { version, ...changes } = body;
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('pointsItem')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    checkVersion(Number(r.numUpdatedRows) === 1 ? version : version + 1, version);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update_points_item',
      entity: 'points_item',
      entityId: id,
      orgPath: item.orgPath,
      before: item,
      after: changes,
    });
  });
  return presentItem(
    await itemsAt(deps.db, item.orgPath ?? '/')
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow(),
  );
}
