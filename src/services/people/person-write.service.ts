import type { Scope } from '../../domain/auth/scope.ts';
import { canWritePath } from '../../domain/auth/scope.ts';
import { AppError, forbidden, ruleRefusal, validationError } from '../../domain/errors.ts';
import { idNumberMismatches, maskIdNumber, parseIdNumber } from '../../domain/people/id-number.ts';
import { effectiveDateError, statusChangeError } from '../../domain/people/membership.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import type {
  PersonCreateBody,
  PersonUpdateBody,
  StatusChangeBody,
} from '../../shared/contracts/people.contract.ts';
import type { MemberStatus } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import type { PiiCrypto } from '../infra/pii-crypto.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForWrite } from '../scope-guard.ts';
import { getPersonDetail, personForRead } from './person-read.service.ts';

type IdFields = { idNumberEnc: string | null; idNumberHash: string | null; idNumberMasked: string | null };

/**
 * Validates an ID number (checksum, birth date and gender match) and returns its stored form.
 * Throws a validation error naming the field.
 */
export function idNumberColumns(
  crypto: PiiCrypto,
  raw: string | null | undefined,
  birthDate: string | null | undefined,
  gender: string | null | undefined,
): IdFields {
  if (!raw) return { idNumberEnc: null, idNumberHash: null, idNumberMasked: null };
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) throw validationError(parsed.reason, [{ path: 'idNumber', message: parsed.reason }]);
  const mismatches = idNumberMismatches(parsed.info, birthDate, gender);
  if (mismatches.length)
    throw validationError(
      mismatches.join('；'),
      mismatches.map((m) => ({ path: m.includes('出生') ? 'birthDate' : 'gender', message: m })),
    );
  return {
    idNumberEnc: crypto.encrypt(parsed.value),
    idNumberHash: crypto.lookupHash(parsed.value),
    idNumberMasked: maskIdNumber(parsed.value),
  };
}

async function assertIdNumberFree(db: Tx, hash: string | null, selfId?: string) {
  if (!hash) return;
  let q = db.selectFrom('person').select('id').where('idNumberHash', '=', hash);
  if (selfId) q = q.where('id', '!=', selfId);
  if (await q.executeTakeFirst()) {
    throw new AppError('conflict', 'id_number_taken', '该身份证号已登记在另一人员名下', [
      { path: 'idNumber', message: '身份证号已存在' },
    ]);
  }
}

/** Registers a person with a first membership row in a branch the caller may write. */
export async function createPerson(deps: Deps, scope: Scope, actor: Actor, body: PersonCreateBody) {
  const out = await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, body.orgId);
    if (!isBranchKind(org.kind))
      throw ruleRefusal('not_a_branch', '人员须登记在党支部（含联合、临时党支部）', [
        { path: 'orgId', message: '请选择党支部' },
      ]);
    if (org.dissolvedOn) throw ruleRefusal('org_dissolved', '该支部已撤销');
    const ids = idNumberColumns(deps.crypto, body.idNumber, body.birthDate, body.gender);
    await assertIdNumberFree(trx, ids.idNumberHash);
    const id = uuidv7();
    const fromId = body.idNumber ? parseIdNumber(body.idNumber) : null;
    const info = fromId?.ok ? fromId.info : null;
    const row = {
      id,
      ref: null,
      name: body.name,
      gender: body.gender ?? info?.gender ?? null,
      ethnicity: body.ethnicity ?? null,
      birthDate: body.birthDate ?? info?.birthDate ?? null,
      education: body.education ?? null,
      title: body.title ?? null,
      phone: body.phone ?? null,
      flags: JSON.stringify(body.flags ?? []),
      ...ids,
    };
    await trx.insertInto('person').values(row).execute();
    await trx
      .insertInto('membership')
      .values({
        id: uuidv7(),
        personId: id,
        orgId: org.id,
        orgPath: org.path,
        status: body.status,
        validFrom: body.statusFrom,
        validTo: null,
        note: null,
      })
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'person',
      entityId: id,
      orgPath: org.path,
      after: { ...row, status: body.status, statusFrom: body.statusFrom },
    });
    return { id };
  });
  await refreshAfterWrite(deps, body.orgId);
  return out;
}

/** Edits a person's details (optimistic concurrency). */
export async function updatePerson(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: PersonUpdateBody,
) {
  await deps.db.transaction().execute(async (trx) => {
    const { person, placement } = await personForRead(trx, scope, id);
    if (!placement || !canWritePath(scope, placement.orgPath))
      throw forbidden('该人员不在您的管理范围内，或您只有只读权限');
    checkVersion(person.version, body.version);
    const { version, idNumber, flags, ...fields } = body;
    const birthDate = fields.birthDate !== undefined ? fields.birthDate : person.birthDate;
    const gender = fields.gender !== undefined ? fields.gender : person.gender;
    let ids: Partial<IdFields> = {};
    if (idNumber !== undefined) {
      ids = idNumberColumns(deps.crypto, idNumber, birthDate, gender);
      await assertIdNumberFree(trx, ids.idNumberHash ?? null, id);
    } else if (person.idNumberEnc && (fields.birthDate !== undefined || fields.gender !== undefined)) {
      idNumberColumns(deps.crypto, deps.crypto.decrypt(person.idNumberEnc), birthDate, gender);
    }
    const after = await trx
      .updateTable('person')
      .set((eb) => ({
        ...fields,
        ...ids,
        ...(flags ? { flags: JSON.stringify(flags) } : {}),
        version: eb('version', '+', 1),
        updatedAt: deps.clock(),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) checkVersion(-1, version);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      orgPath: placement.orgPath,
      before: person,
      after,
    });
  });
  return getPersonDetail(deps, scope, id);
}

/**
 * Changes status or transfers: closes the open membership row on `from` and opens a new one.
 * History is never overwritten. Both source and target org must be in the caller's write scope.
 */
export async function changeStatus(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: StatusChangeBody,
) {
  const touched: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const { person, placement } = await personForRead(trx, scope, id);
    if (!placement || !canWritePath(scope, placement.orgPath))
      throw forbidden('该人员不在您的管理范围内，或您只有只读权限');
    checkVersion(person.version, body.version);
    if (placement.validTo !== null) throw ruleRefusal('no_current_membership', '该人员没有当前组织关系');
    const target =
      body.orgId && body.orgId !== placement.orgId
        ? await orgForWrite(trx, scope, body.orgId).catch(() => {
            throw forbidden('转入组织不在您的管理范围内，请由共同的上级组织办理转接');
          })
        : null;
    if (target && (!isBranchKind(target.kind) || target.dissolvedOn))
      throw ruleRefusal('not_a_branch', '只能转入未撤销的党支部', [
        { path: 'orgId', message: '请选择党支部' },
      ]);
    const why =
      statusChangeError(placement.status as MemberStatus, body.status, target !== null) ??
      effectiveDateError(placement.validFrom, body.from);
    if (why)
      throw ruleRefusal('invalid_status_change', why, [
        { path: why.includes('日期') ? 'from' : 'status', message: why },
      ]);
    await trx.updateTable('membership').set({ validTo: body.from }).where('id', '=', placement.id).execute();
    const row = {
      id: uuidv7(),
      personId: id,
      orgId: target?.id ?? placement.orgId,
      orgPath: target?.path ?? placement.orgPath,
      status: body.status,
      validFrom: body.from,
      validTo: null,
      note: body.note ?? null,
    };
    await trx.insertInto('membership').values(row).execute();
    touched.push(placement.orgId, row.orgId);
    if (body.status === 'left' || target) {
      await trx
        .updateTable('position')
        .set({ validTo: body.from })
        .where('personId', '=', id)
        .where('validTo', 'is', null)
        .execute();
    }
    await trx
      .updateTable('person')
      .set((eb) => ({ version: eb('version', '+', 1), updatedAt: deps.clock() }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: target ? 'transfer' : 'status_change',
      entity: 'person',
      entityId: id,
      orgPath: row.orgPath,
      before: { status: placement.status, orgId: placement.orgId, from: placement.validFrom },
      after: { status: row.status, orgId: row.orgId, from: row.validFrom, note: row.note },
    });
  });
  for (const o of new Set(touched)) await refreshAfterWrite(deps, o);
  return getPersonDetail(deps, scope, id);
}
