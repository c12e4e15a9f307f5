import { type Scope, canManagePath } from '../../domain/auth/scope.ts';
import { forbidden } from '../../domain/errors.ts';
import { DEFAULT_CREDIT } from '../../domain/study/hours.ts';
import type { CreditSettingBody, CreditSettingResponse } from '../../shared/contracts/study.contract.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps } from '../deps.ts';
import { checkVersion, orgForRead } from '../scope-guard.ts';

/** Which attended meetings credit study hours at an org: the nearest setting up the tree, else the default. */
export async function getCreditSetting(
  deps: Deps,
  scope: Scope,
  orgId: string,
): Promise<CreditSettingResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const rows = await deps.db
    .selectFrom('studyCreditSetting as s')
    .innerJoin('org as o', 'o.id', 's.orgId')
    .selectAll('s')
    .select('o.name as orgName')
    .execute();
  const s = rows
    .filter((r) => org.path.startsWith(r.orgPath))
    .sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
  const own = s?.orgId === org.id;
  return {
    tags: s ? s.tags : DEFAULT_CREDIT.tags,
    mode: (s ? s.mode : DEFAULT_CREDIT.mode) as CreditSettingResponse['mode'],
    hoursPerMeeting: s ? Number(s.hoursPerMeeting) : DEFAULT_CREDIT.hoursPerMeeting,
    kind: (s ? s.kind : DEFAULT_CREDIT.kind) as CreditSettingResponse['kind'],
    definedAt: s ? { orgId: s.orgId, orgName: s.orgName } : null,
    version: own ? s.version : 0,
    canManage: canManagePath(scope, org.path),
  };
}

/** Sets the credit rule for an org's subtree (org admins), audited; `version` 0 creates it. */
export async function setCreditSetting(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  body: CreditSettingBody,
): Promise<CreditSettingResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  if (!canManagePath(scope, org.path)) throw forbidden('只有上级组织管理员可以设置会议计入学时的规则');
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('studyCreditSetting')
      .selectAll()
      .where('orgId', '=', orgId)
      .executeTakeFirst();
    checkVersion(before?.version ?? 0, body.version ?? 0);
    const row = {
      orgPath: org.path,
      tags: JSON.stringify(body.tags),
      mode: body.mode,
      hoursPerMeeting: body.hoursPerMeeting,
      kind: body.kind,
      updatedBy: actor.name,
      updatedAt: deps.clock(),
    };
    if (before)
      await trx
        .updateTable('studyCreditSetting')
        .set({ ...row, version: before.version + 1 })
        .where('orgId', '=', orgId)
        .execute();
    else
      await trx
        .insertInto('studyCreditSetting')
        .values({ orgId, ...row })
        .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'set_study_credit',
      entity: 'org',
      entityId: orgId,
      orgPath: org.path,
      before: before ?? null,
      after: body,
    });
  });
  return getCreditSetting(deps, scope, orgId);
}
