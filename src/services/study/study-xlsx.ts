import ExcelJS from 'exceljs';
import type { Scope } from '../../domain/auth/scope.ts';
import { POSITION_ROLE_LABEL, type PositionRole } from '../../shared/enums.ts';
import type { Deps } from '../deps.ts';
import { branchStudy } from './study-summary.service.ts';

/** The study table of a subtree as xlsx: one row per person, hours by kind, threshold, met or short. */
export async function exportStudyXlsx(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<{ name: string; body: Buffer }> {
  const t = await branchStudy(deps, scope, orgId, year);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年学习学时`);
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '组织', key: 'orgName', width: 28 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '职务', key: 'roles', width: 12 },
    { header: '集中培训', key: 'concentrated', width: 10 },
    { header: '集体学习', key: 'collective', width: 10 },
    { header: '线上学习', key: 'online', width: 10 },
    { header: '自学', key: 'self', width: 8 },
    { header: '其中会议计入', key: 'fromMeetings', width: 12 },
    { header: '计入学时', key: 'counted', width: 10 },
    { header: '要求学时', key: 'minHours', width: 10 },
    { header: '依据', key: 'ruleId', width: 10 },
    { header: '是否达标', key: 'met', width: 10 },
    { header: '差额', key: 'short', width: 8 },
  ];
  t.rows.forEach((r, i) => {
    ws.addRow({
      no: i + 1,
      orgName: r.orgName,
      name: r.name,
      roles: r.roles.map((x) => POSITION_ROLE_LABEL[x as PositionRole] ?? x).join('、'),
      concentrated: r.byKind.concentrated_training,
      collective: r.byKind.collective_study,
      online: r.byKind.online,
      self: r.byKind.self_study,
      fromMeetings: r.fromMeetings,
      counted: r.counted,
      minHours: r.minHours,
      ruleId: r.ruleId,
      met: r.shortfall.met ? '达标' : '未达标',
      short: r.shortfall.hours,
    });
  });
  ws.getRow(1).font = { bold: true };
  return { name: `${t.orgName}${year}年学习学时`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
