import type ExcelJS from 'exceljs';
import type { Scope } from '../../domain/auth/scope.ts';
import { canWritePath } from '../../domain/auth/scope.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { readSheetRows } from '../infra/xlsx-rows.ts';
import { idNumberMismatches, maskIdNumber, parseIdNumber } from '../../domain/people/id-number.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import type { RosterImportResponse } from '../../shared/contracts/import.contract.ts';
import { EDUCATIONS, MEMBER_STATUS_LABEL, type MemberStatus } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { orgForWrite } from '../scope-guard.ts';
import { ROSTER_COLUMNS, type RosterField } from './roster-xlsx.ts';

type RowError = { field: string; message: string };
type ParsedRow = {
  row: number;
  values: Record<RosterField, string>;
  errors: RowError[];
};
const LABEL_TO_STATUS = new Map(Object.entries(MEMBER_STATUS_LABEL).map(([k, v]) => [v, k as MemberStatus]));
const FIELD_LABEL = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, c.header.replace('*', '')]),
) as Record<RosterField, string>;

/** Cell → trimmed text; Excel dates → YYYY-MM-DD; full-width digits folded. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

/** Accepts 2025-03-27, 2025/3/27, 2025.3.27, 2025年3月27日. */
export function normalizeDate(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(
    s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  );
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(d) ? d : null;
}

/** Reads the first sheet by header names (order may differ; unknown columns ignored). */
async function readRows(file: Buffer): Promise<ParsedRow[]> {
  return readSheetRows(file, ROSTER_COLUMNS, cellText, 5000);
}

/**
 * Previews (dryRun) or imports a filled roster into branches of the target org's subtree.
 * Every row is checked first; if any row has an error nothing is written.
 */
export async function importRoster(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<RosterImportResponse> {
  const target = await orgForWrite(deps.db, scope, orgId);
  const rows = await readRows(file);
  const branches = await deps.db
    .selectFrom('org')
    .select(['id', 'code', 'path', 'kind', 'dissolvedOn'])
    .where('path', 'like', `${target.path}%`)
    .execute();
  const byCode = new Map(branches.map((b) => [b.code, b]));
  const seenIds = new Map<string, number>();
  const prepared = rows.map((r) => validateRow(deps, r, target, byCode, scope, seenIds));
  const hashes = prepared.map((p) => p?.idHash).filter((h): h is string => !!h);
  if (hashes.length) {
    const taken = new Set(
      (
        await deps.db
          .selectFrom('person')
          .select('idNumberHash')
          .where('idNumberHash', 'in', hashes)
          .execute()
      ).map((r) => r.idNumberHash),
    );
    prepared.forEach((p, i) => {
      if (p?.idHash && taken.has(p.idHash))
        rows[i].errors.push({ field: FIELD_LABEL.idNumber, message: '该身份证号已在系统中登记' });
    });
  }
  const errorCount = rows.filter((r) => r.errors.length).length;
  const canWrite = !dryRun && errorCount === 0 && rows.length > 0;
  if (canWrite) {
    await deps.db.transaction().execute(async (trx) => {
      for (const p of prepared) {
        if (!p) continue;
        await trx.insertInto('person').values(p.person).execute();
        await trx.insertInto('membership').values(p.membership).execute();
      }
      await recordAudit(trx, deps.clock(), actor, {
        action: 'import_roster',
        entity: 'person',
        orgPath: target.path,
        after: { rows: rows.length, orgCode: target.code },
      });
    });
    await refreshAfterWrite(deps, target.id);
  }
  return {
    dryRun,
    written: canWrite,
    rows: rows.map((r) => ({
      row: r.row,
      name: r.values.name,
      status: r.values.status,
      orgCode: r.values.orgCode || target.code,
      errors: r.errors,
    })),
    errorCount,
    created: canWrite ? rows.length : 0,
  };
}

type OrgLite = { id: string; code: string; path: string; kind: string; dissolvedOn: string | null };

function validateRow(
  deps: Deps,
  r: ParsedRow,
  target: OrgLite,
  byCode: Map<string, OrgLite>,
  scope: Scope,
  seenIds: Map<string, number>,
) {
  const v = r.values;
  const err = (field: RosterField, message: string) => r.errors.push({ field: FIELD_LABEL[field], message });
  if (!v.name) err('name', '姓名不能为空');
  else if (v.name.length > 50) err('name', '姓名过长');
  if (v.gender && v.gender !== '男' && v.gender !== '女') err('gender', '性别应为“男”或“女”');
  const birthDate = v.birthDate ? normalizeDate(v.birthDate) : null;
  if (v.birthDate && !birthDate) err('birthDate', `出生日期“${v.birthDate}”无效，应为 2025-03-27 格式`);
  if (v.education && !(EDUCATIONS as readonly string[]).includes(v.education))
    err('education', `学历应为：${EDUCATIONS.join('、')}`);
  if (v.phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v.phone)) err('phone', '联系电话格式不正确');
  const status =
    LABEL_TO_STATUS.get(v.status) ??
    (v.status in MEMBER_STATUS_LABEL ? (v.status as MemberStatus) : undefined);
  if (!v.status) err('status', '人员状态不能为空');
  else if (!status || status === 'left') err('status', `人员状态“${v.status}”无效`);
  const statusFrom = v.statusFrom ? normalizeDate(v.statusFrom) : null;
  if (!v.statusFrom) err('statusFrom', '状态开始日期不能为空');
  else if (!statusFrom) err('statusFrom', `日期“${v.statusFrom}”无效，应为 2025-03-27 格式`);
  const org = v.orgCode ? byCode.get(v.orgCode) : target;
  if (!org) err('orgCode', `支部编码“${v.orgCode}”不在所选组织之下`);
  else if (!isBranchKind(org.kind))
    err('orgCode', v.orgCode ? `“${v.orgCode}”不是党支部` : '所选组织不是党支部，请填写所在支部编码');
  else if (org.dissolvedOn) err('orgCode', '该支部已撤销');
  else if (!canWritePath(scope, org.path)) err('orgCode', '该支部不在您的管理范围内');
  let idCols = {
    idNumberEnc: null as string | null,
    idNumberHash: null as string | null,
    idNumberMasked: null as string | null,
  };
  let gender = v.gender || null;
  let birth = birthDate;
  if (v.idNumber) {
    const p = parseIdNumber(v.idNumber);
    if (!p.ok) err('idNumber', p.reason);
    else {
      for (const m of idNumberMismatches(p.info, birthDate, v.gender || null))
        err(m.includes('出生') ? 'birthDate' : 'gender', m);
      const dup = seenIds.get(p.value);
      if (dup) err('idNumber', `与第 ${dup} 行的身份证号重复`);
      seenIds.set(p.value, r.row);
      idCols = {
        idNumberEnc: deps.crypto.encrypt(p.value),
        idNumberHash: deps.crypto.lookupHash(p.value),
        idNumberMasked: maskIdNumber(p.value),
      };
      gender ??= p.info.gender;
      birth ??= p.info.birthDate;
    }
  }
  if (r.errors.length || !org || !status || !statusFrom) return null;
  const personId = uuidv7();
  return {
    idHash: idCols.idNumberHash,
    person: {
      id: personId,
      ref: null,
      name: v.name,
      gender,
      ethnicity: v.ethnicity || null,
      birthDate: birth,
      education: v.education || null,
      title: v.title || null,
      phone: v.phone || null,
      flags: '[]',
      ...idCols,
    },
    membership: {
      id: uuidv7(),
      personId,
      orgId: org.id,
      orgPath: org.path,
      status,
      validFrom: statusFrom,
      validTo: null,
      note: '名册导入',
    },
  };
}
