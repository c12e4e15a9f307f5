import ExcelJS from 'exceljs';
import type { Scope } from '../../domain/auth/scope.ts';
import { canReadPii } from '../../domain/auth/scope.ts';
import { AppError } from '../../domain/errors.ts';
import type { PersonListQuery } from '../../shared/contracts/people.contract.ts';
import { EDUCATIONS, MEMBER_STATUS_LABEL } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps } from '../deps.ts';
import { scopedPersonQuery } from './person-list.ts';
import { presentListItem, withPersonColumns } from './person-read.service.ts';

export const EXPORT_MAX_ROWS = 100_000;

/** Columns of the 党员名册 template, in order; `key` names the field in error reports. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名*', width: 12 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'ethnicity', header: '民族', width: 8 },
  { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'education', header: '学历', width: 10 },
  { key: 'title', header: '职称/职务', width: 14 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'status', header: '人员状态*', width: 12 },
  { key: 'statusFrom', header: '状态开始日期*', width: 14 },
  { key: 'orgCode', header: '所在支部编码', width: 14 },
] as const;
export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];

export const styleHeader = (ws: ExcelJS.Worksheet) => {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
};

/** The xlsx template for roster import, with an instructions sheet and one example row. */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getColumn('idNumber').numFmt = '@';
  ws.getColumn('phone').numFmt = '@';
  styleHeader(ws);
  ws.addRow({
    name: '张三（示例，导入前请删除）',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-03-02',
    idNumber: '',
    education: '研究生',
    title: '副教授',
    phone: '13800000000',
    status: '正式党员',
    statusFrom: '2012-07-01',
    orgCode: '',
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '说明', key: 't', width: 100 }];
  for (const t of [
    '带 * 的列为必填。每行一人，第一行为表头，请勿修改表头。',
    '日期格式：2025-03-27（也可使用 2025/3/27 或 Excel 日期单元格）。',
    `人员状态可填：${Object.values(MEMBER_STATUS_LABEL)
      .filter((l) => l !== '已离开')
      .join('、')}。`,
    `学历可填：${EDUCATIONS.join('、')}。`,
    '身份证号请以文本格式填写（18位，最后一位可为X），系统会校验校验位并与出生日期、性别核对。',
    '所在支部编码：导入到党支部时可留空；导入到上级组织时须填写下属支部的编码。',
    '导入前系统会先预检查，任何一行有错误都不会写入数据；请按提示修改后重新上传。',
  ])
    help.addRow({ t });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Exports the filtered list to xlsx. ID numbers are masked unless `unmask` is asked for and the
 * caller holds the PII permission on every exported row; an unmasked export is audited.
 */
export async function exportPeopleXlsx(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  q: PersonListQuery,
  unmask: boolean,
): Promise<Buffer> {
  const { query, asOf } = await scopedPersonQuery(deps, scope, q);
  const page = query
    .select(['m.personId', 'm.orgId', 'm.orgPath', 'm.status', 'm.validFrom'])
    .orderBy('m.orgPath')
    .orderBy('m.personId')
    .limit(EXPORT_MAX_ROWS + 1);
  const rows = await withPersonColumns(deps, page);
  if (rows.length > EXPORT_MAX_ROWS)
    throw new AppError('rule', 'export_too_large', `导出超过 ${EXPORT_MAX_ROWS} 行，请缩小筛选范围`);
  if (unmask && !rows.every((r) => canReadPii(scope, r.orgPath)))
    throw new AppError('forbidden', 'forbidden', '您没有导出完整身份证号的权限');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '学历', key: 'education', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '人员状态', key: 'status', width: 12 },
    { header: '状态开始日期', key: 'statusSince', width: 13 },
    { header: '所在组织', key: 'orgName', width: 26 },
    { header: '组织编码', key: 'orgCode', width: 12 },
    { header: '转正日期', key: 'fullSince', width: 12 },
    { header: '党龄', key: 'partyAge', width: 6 },
  ];
  styleHeader(ws);
  rows.forEach((r, i) => {
    const item = presentListItem(r, asOf);
    ws.addRow({
      ...item,
      no: i + 1,
      idNumber: unmask && r.idNumberEnc ? deps.crypto.decrypt(r.idNumberEnc) : item.idNumber,
      status: MEMBER_STATUS_LABEL[item.status],
    });
  });
  if (unmask) {
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, deps.clock(), actor, {
        action: 'export_pii',
        entity: 'person',
        orgPath: null,
        after: { rows: rows.length, filters: q },
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
