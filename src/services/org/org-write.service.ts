import { sql } from 'kysely';
import { forgetSessions } from '../auth.service.ts';
import type { Scope } from '../../domain/auth/scope.ts';
import { AppError, forbidden, ruleRefusal } from '../../domain/errors.ts';
import { childPath, moveError, pathDepth, placementError } from '../../domain/org/org-tree.ts';
import type {
  OrgCreateBody,
  OrgDissolveBody,
  OrgMoveBody,
  OrgUpdateBody,
} from '../../shared/contracts/orgs.contract.ts';
import type { OrgKind } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForWrite } from '../scope-guard.ts';
import { presentOrgNode } from './org-read.service.ts';

/** Reserves `n` org sequence numbers (path segments). */
export async function nextOrgSeqs(db: Tx, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{
    seq: number;
  }>`select nextval(pg_get_serial_sequence('org', 'seq'))::int as seq from generate_series(1, ${n})`.execute(
    db,
  );
  return rows.map((r) => Number(r.seq));
}

async function assertCodeFree(db: Tx, code: string): Promise<void> {
  const taken = await db.selectFrom('org').select('name').where('code', '=', code).executeTakeFirst();
  if (taken)
    throw new AppError('conflict', 'org_code_taken', `组织编码 ${code} 已被“${taken.name}”使用`, [
      { path: 'code', message: '编码已被使用' },
    ]);
}

/** Creates an org under a parent the caller may write (roots: admin only). */
export async function createOrg(deps: Deps, scope: Scope, actor: Actor, body: OrgCreateBody) {
  const out = await deps.db.transaction().execute(async (trx) => {
    let parent: { id: string; path: string; kind: string; dissolvedOn: string | null } | null = null;
    if (body.parentId) parent = await orgForWrite(trx, scope, body.parentId);
    else if (!scope.admin) throw forbidden('只有系统管理员可以创建顶层组织');
    if (parent?.dissolvedOn) throw ruleRefusal('org_dissolved', '上级组织已撤销，不能在其下设立组织');
    const placement = placementError(body.kind, (parent?.kind as OrgKind) ?? null);
    if (placement) throw ruleRefusal('org_placement', placement, [{ path: 'kind', message: placement }]);
    await assertCodeFree(trx, body.code);
    const [seq] = await nextOrgSeqs(trx, 1);
    const path = childPath(parent?.path ?? null, seq);
    const row = await trx
      .insertInto('org')
      .values({
        id: uuidv7(),
        seq,
        parentId: parent?.id ?? null,
        path,
        depth: pathDepth(path),
        kind: body.kind,
        category: body.category,
        code: body.code,
        name: body.name,
        establishedOn: body.establishedOn,
        dissolvedOn: null,
        unitCount: body.unitCount,
        pack: null,
        settings: '{}',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'org',
      entityId: row.id,
      orgPath: path,
      after: row,
    });
    return presentOrgNode(row);
  });
  await refreshAfterWrite(deps, out.id);
  return out;
}

/** Renames or edits an org (optimistic concurrency on `version`). */
export async function updateOrg(deps: Deps, scope: Scope, actor: Actor, id: string, body: OrgUpdateBody) {
  const out = await deps.db.transaction().execute(async (trx) => {
    const before = await orgForWrite(trx, scope, id);
    const { version, ...changes } = body;
    const row = await trx
      .updateTable('org')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: deps.clock() }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) return checkVersion(before.version, version) as never;
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update',
      entity: 'org',
      entityId: id,
      orgPath: row.path,
      before,
      after: row,
    });
    return presentOrgNode(row);
  });
  await refreshAfterWrite(deps, id);
  forgetSessions(deps); // grants carry org names and paths
  return out;
}

/** Re-parents an org; refuses cycles; rewrites the whole subtree's paths in one statement. */
export async function moveOrg(deps: Deps, scope: Scope, actor: Actor, id: string, body: OrgMoveBody) {
  const out = await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, id);
    checkVersion(org.version, body.version);
    const parent = await orgForWrite(trx, scope, body.parentId);
    const cycle = moveError(org.path, parent.path);
    if (cycle) throw ruleRefusal('org_move_cycle', cycle);
    if (parent.dissolvedOn) throw ruleRefusal('org_dissolved', '目标上级组织已撤销');
    const placement = placementError(org.kind as OrgKind, parent.kind as OrgKind);
    if (placement) throw ruleRefusal('org_placement', placement);
    const newPath = childPath(parent.path, Number(org.seq));
    const delta = pathDepth(newPath) - org.depth;
    const oldLen = org.path.length;
    await sql`update org set path = ${newPath} || substr(path, ${oldLen + 1}), depth = depth + ${delta}
              where path like ${`${org.path}%`}`.execute(trx);
    await sql`update membership set org_path = ${newPath} || substr(org_path, ${oldLen + 1})
              where org_path like ${`${org.path}%`}`.execute(trx);
    const row = await trx
      .updateTable('org')
      .set((eb) => ({ parentId: parent.id, version: eb('version', '+', 1), updatedAt: deps.clock() }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'move',
      entity: 'org',
      entityId: id,
      orgPath: newPath,
      before: { parentId: org.parentId, path: org.path },
      after: { parentId: parent.id, path: newPath },
    });
    return presentOrgNode(row);
  });
  await refreshAfterWrite(deps, id);
  forgetSessions(deps); // grants carry org names and paths
  return out;
}

/** Dissolves an org (never deletes). Refused while it has current members or active sub-orgs. */
export async function dissolveOrg(deps: Deps, scope: Scope, actor: Actor, id: string, body: OrgDissolveBody) {
  const out = await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, id);
    checkVersion(org.version, body.version);
    if (org.dissolvedOn) throw ruleRefusal('org_already_dissolved', `该组织已于 ${org.dissolvedOn} 撤销`);
    const members = await trx
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', id)
      .where('validTo', 'is', null)
      .where('status', '!=', 'left')
      .executeTakeFirstOrThrow();
    const children = await trx
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('dissolvedOn', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(members.n) > 0 || Number(children.n) > 0) {
      throw ruleRefusal(
        'org_not_empty',
        `撤销前请先转出 ${Number(members.n)} 名人员、撤销或调整 ${Number(children.n)} 个下级组织`,
        {
          members: Number(members.n),
          children: Number(children.n),
        },
      );
    }
    if (org.establishedOn && body.dissolvedOn < org.establishedOn)
      throw ruleRefusal('invalid_date', '撤销日期早于成立日期');
    const row = await trx
      .updateTable('org')
      .set((eb) => ({
        dissolvedOn: body.dissolvedOn,
        version: eb('version', '+', 1),
        updatedAt: deps.clock(),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('position')
      .set({ validTo: body.dissolvedOn })
      .where('orgId', '=', id)
      .where('validTo', 'is', null)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'dissolve',
      entity: 'org',
      entityId: id,
      orgPath: org.path,
      before: org,
      after: { ...row, note: body.note ?? null },
    });
    return presentOrgNode(row);
  });
  await refreshAfterWrite(deps, id);
  return out;
}
