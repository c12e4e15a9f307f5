import { type Scope, canManagePath } from '../../domain/auth/scope.ts';
import { AppError, forbidden, validationError } from '../../domain/errors.ts';
import { findSetting } from '../../domain/standards/rule-catalog.ts';
import type { OverrideBody, ParametersResponse } from '../../shared/contracts/parameters.contract.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { orgForRead } from '../scope-guard.ts';
import { activePackOf } from './active-pack.ts';
import { packParams } from './evaluate.ts';
import { refreshAfterWrite } from './refresh.ts';

/** The parameters in force at an org: its active pack's values, with local overrides and their reasons. */
export async function effectiveParameters(
  deps: Deps,
  scope: Scope,
  orgId: string,
): Promise<ParametersResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const pack = await activePackOf(deps.db, org);
  const read = packParams(pack);
  const overrides = await deps.db
    .selectFrom('parameterOverride as p')
    .innerJoin('org as o', 'o.id', 'p.orgId')
    .select([
      'p.orgId',
      'p.orgPath',
      'p.key',
      'p.value',
      'p.reason',
      'p.createdBy',
      'p.createdAt',
      'o.name as orgName',
    ])
    .execute();
  const inForce = new Map<string, (typeof overrides)[number]>();
  for (const o of overrides) {
    if (!org.path.startsWith(o.orgPath)) continue;
    const cur = inForce.get(o.key);
    if (!cur || o.orgPath.length > cur.orgPath.length) inForce.set(o.key, o);
  }
  // the pack's parameters, and any registered setting overridden here that the pack leaves at its registry
  // default (checks read those too, e.g. edu.hoursPerDay): an override in force is always shown
  const keys = new Set([
    ...Object.keys(pack.parameters),
    ...[...inForce.keys()].filter((k) => findSetting(k)),
  ]);
  const items = [...keys].sort().map((key) => {
    const p = read(key);
    const o = inForce.get(key);
    return {
      key,
      value: o ? o.value : p.value,
      sourceRef: o ? `${o.orgName}调整（${o.reason}）` : p.sourceRef,
      unverified: o ? false : p.unverified,
      packValue: p.value,
      packSourceRef: p.sourceRef,
      override: o
        ? {
            orgId: o.orgId,
            orgName: o.orgName,
            reason: o.reason,
            createdBy: o.createdBy,
            createdAt: new Date(o.createdAt).toISOString(),
          }
        : null,
    };
  });
  return { packId: pack.id, items };
}

/** Overrides a parameter for an org's subtree: org admins and admins only, with a written reason, audited. */
export async function setOverride(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  key: string,
  body: OverrideBody,
) {
  const org = await orgForRead(deps.db, scope, orgId);
  if (!canManagePath(scope, org.path)) throw forbidden('只有上级组织管理员可以调整标准参数');
  const setting = findSetting(key);
  if (!setting) throw new AppError('rule', 'unknown_parameter', `参数 ${key} 不在参数登记表中`);
  const parsed = setting.type.schema.safeParse(body.value);
  if (!parsed.success)
    throw validationError(`参数值不符合要求（${setting.type.label}）`, [
      { path: 'value', message: parsed.error.issues[0]?.message ?? '无效' },
    ]);
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('parameterOverride')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirst();
    const row = {
      orgId,
      orgPath: org.path,
      key,
      value: JSON.stringify(parsed.data),
      reason: body.reason,
      createdBy: actor.name,
      createdAt: deps.clock(),
    };
    if (before) await trx.updateTable('parameterOverride').set(row).where('id', '=', before.id).execute();
    else
      await trx
        .insertInto('parameterOverride')
        .values({ id: uuidv7(), ...row })
        .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'override_parameter',
      entity: 'org',
      entityId: orgId,
      orgPath: org.path,
      before: before ?? null,
      after: { key, value: parsed.data, reason: body.reason },
    });
  });
  await refreshAfterWrite(deps, orgId);
  return effectiveParameters(deps, scope, orgId);
}

/** Removes a local override (the pack's value applies again), with a reason, audited. */
export async function removeOverride(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  key: string,
  reason: string,
) {
  const org = await orgForRead(deps.db, scope, orgId);
  if (!canManagePath(scope, org.path)) throw forbidden('只有上级组织管理员可以调整标准参数');
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('parameterOverride')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', 'override_not_found', `本组织没有调整参数 ${key}`);
    await trx.deleteFrom('parameterOverride').where('id', '=', before.id).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'remove_override',
      entity: 'org',
      entityId: orgId,
      orgPath: org.path,
      before,
      after: { key, reason },
    });
  });
  await refreshAfterWrite(deps, orgId);
  return effectiveParameters(deps, scope, orgId);
}
