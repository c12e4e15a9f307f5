import type { Scope } from '../../domain/auth/scope.ts';
import { addYears } from '../../domain/dates.ts';
import { AppError, notFound, ruleRefusal } from '../../domain/errors.ts';
import type {
  ElectionBody,
  ElectionView,
  OrgChangeBody,
  OrgChangeView,
  PositionBody,
  PositionEndBody,
  PositionView,
} from '../../shared/contracts/orgs.contract.ts';
import type { ElectionKind, OrgChangeKind } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForRead, orgForWrite } from '../scope-guard.ts';
import { listPositions } from './org-read.service.ts';

const presentChange = (r: {
  id: string;
  kind: string;
  appliedOn: string | null;
  decidedOn: string | null;
  approvalDoc: string | null;
  filedOn: string | null;
  note: string | null;
  version: number;
}): OrgChangeView => ({
  id: r.id,
  kind: r.kind as OrgChangeKind,
  appliedOn: r.appliedOn,
  decidedOn: r.decidedOn,
  approvalDoc: r.approvalDoc,
  filedOn: r.filedOn,
  note: r.note,
  version: r.version,
});

/** Org changes (ORG-010), newest first. */
export async function listOrgChanges(deps: Deps, scope: Scope, orgId: string) {
  await orgForRead(deps.db, scope, orgId);
  const rows = await deps.db
    .selectFrom('orgChange')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(presentChange);
}

/** Records an org change with its application, decision, approval document and filing dates (ORG-010). */
export async function recordOrgChange(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  body: OrgChangeBody,
) {
  return deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, orgId);
    if (body.appliedOn && body.decidedOn && body.decidedOn < body.appliedOn) {
      throw ruleRefusal('invalid_date', '批复日期不能早于申请日期', [
        { path: 'decidedOn', message: '批复日期不能早于申请日期' },
      ]);
    }
    if (body.decidedOn && body.filedOn && body.filedOn < body.decidedOn) {
      throw ruleRefusal('invalid_date', '备案日期不能早于批复日期', [
        { path: 'filedOn', message: '备案日期不能早于批复日期' },
      ]);
    }
    const row = await trx
      .insertInto('orgChange')
      .values({ id: uuidv7(), orgId, ...body, relatedOrgIds: '[]' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'org_change',
      entityId: row.id,
      orgPath: org.path,
      after: row,
    });
    return presentChange(row);
  });
}

const presentElection = (e: {
  id: string;
  heldOn: string;
  kind: string;
  termYears: number;
  note: string | null;
}): ElectionView => ({
  id: e.id,
  heldOn: e.heldOn,
  kind: e.kind as ElectionKind,
  termYears: e.termYears,
  termEnd: addYears(e.heldOn, e.termYears),
  note: e.note,
});

export async function listElections(deps: Deps, scope: Scope, orgId: string) {
  await orgForRead(deps.db, scope, orgId);
  const rows = await deps.db
    .selectFrom('election')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('heldOn', 'desc')
    .execute();
  return rows.map(presentElection);
}

/** Records an election (换届 or 增补) with its term length (ORG-014). */
export async function recordElection(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  body: ElectionBody,
) {
  const out = await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, orgId);
    const row = await trx
      .insertInto('election')
      .values({ id: uuidv7(), orgId, ...body })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'election',
      entityId: row.id,
      orgPath: org.path,
      after: row,
    });
    return presentElection(row);
  });
  await refreshAfterWrite(deps, orgId);
  return out;
}

export async function getPositions(deps: Deps, scope: Scope, orgId: string, all: boolean) {
  await orgForRead(deps.db, scope, orgId);
  return listPositions(deps.db, orgId, all);
}

/** Appoints a person to a position; the person must be a current member of this org or its branch. */
export async function createPosition(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  body: PositionBody,
): Promise<PositionView> {
  const out = await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, orgId);
    if (org.dissolvedOn) throw ruleRefusal('org_dissolved', '该组织已撤销');
    const member = await trx
      .selectFrom('membership')
      .select(['orgPath', 'status'])
      .where('personId', '=', body.personId)
      .where('validTo', 'is', null)
      .executeTakeFirst();
    const homePath =
      org.kind === 'group' ? org.path.slice(0, org.path.slice(0, -1).lastIndexOf('/') + 1) : org.path;
    if (!member?.orgPath.startsWith(homePath) || member.status === 'left') {
      throw ruleRefusal('position_not_member', '任职人员须为本组织的在册党员', [
        { path: 'personId', message: '不是本组织的在册人员' },
      ]);
    }
    if (!['full', 'probationary'].includes(member.status)) {
      throw ruleRefusal('position_not_party_member', '任职人员须为党员（正式或预备）', [
        { path: 'personId', message: '不是党员' },
      ]);
    }
    if (body.role === 'committee_member' && !body.duty) {
      throw ruleRefusal('position_duty_required', '委员须注明分工', [
        { path: 'duty', message: '请选择分工' },
      ]);
    }
    if (body.electionId) {
      const el = await trx
        .selectFrom('election')
        .select('id')
        .where('id', '=', body.electionId)
        .where('orgId', '=', orgId)
        .executeTakeFirst();
      if (!el) throw notFound('选举记录', 'election_not_found');
    }
    const id = uuidv7();
    await trx
      .insertInto('position')
      .values({ id, orgId, ...body })
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'position',
      entityId: id,
      orgPath: org.path,
      after: { orgId, ...body },
    });
    const [view] = (await listPositions(trx, orgId, true)).filter((p) => p.id === id);
    return view;
  });
  await refreshAfterWrite(deps, orgId);
  return out;
}

/** Ends a position (卸任) on a date. */
export async function endPosition(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: PositionEndBody,
): Promise<PositionView> {
  let orgId: string | undefined;
  const out = await deps.db.transaction().execute(async (trx) => {
    const pos = await trx.selectFrom('position').selectAll().where('id', '=', id).executeTakeFirst();
    if (!pos) throw notFound('职务', 'position_not_found');
    const org = await orgForWrite(trx, scope, pos.orgId);
    orgId = org.id;
    checkVersion(pos.version, body.version);
    if (pos.validTo) throw new AppError('rule', 'position_ended', `该职务已于 ${pos.validTo} 结束`);
    if (body.validTo < pos.validFrom)
      throw ruleRefusal('invalid_date', '卸任日期不能早于任职日期', [
        { path: 'validTo', message: '早于任职日期' },
      ]);
    await trx
      .updateTable('position')
      .set((eb) => ({ validTo: body.validTo, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'end',
      entity: 'position',
      entityId: id,
      orgPath: org.path,
      before: pos,
      after: { validTo: body.validTo },
    });
    const [view] = (await listPositions(trx, pos.orgId, true)).filter((p) => p.id === id);
    return view;
  });
  await refreshAfterWrite(deps, orgId);
  return out;
}
