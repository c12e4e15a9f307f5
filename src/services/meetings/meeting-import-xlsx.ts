import ExcelJS from 'exceljs';
import { MEETING_TAG_LABEL } from '../../shared/enums.ts';
import { styleHeader } from '../people/roster-xlsx.ts';

/** Columns of the 会议记录 import template, in order; `key` names the field in error reports. */
export const MEETING_IMPORT_COLUMNS = [
  { key: 'heldAt', header: '会议日期时间*', width: 18 },
  { key: 'endedAt', header: '结束时间', width: 18 },
  { key: 'tags', header: '会议类型*', width: 18 },
  { key: 'place', header: '地点', width: 16 },
  { key: 'host', header: '主持人', width: 10 },
  { key: 'recorder', header: '记录人', width: 10 },
  { key: 'topic', header: '主题', width: 28 },
  { key: 'agenda', header: '议程', width: 36 },
  { key: 'expected', header: '应到人数', width: 9 },
  { key: 'absent', header: '缺席人员', width: 20 },
  { key: 'leave', header: '请假人员', width: 20 },
  { key: 'minutes', header: '会议纪要', width: 40 },
  { key: 'decisions', header: '决议', width: 30 },
] as const;
export type MeetingImportField = (typeof MEETING_IMPORT_COLUMNS)[number]['key'];

/** Column title without the required mark, as named in error reports. */
export const MEETING_FIELD_LABEL = Object.fromEntries(
  MEETING_IMPORT_COLUMNS.map((c) => [c.key, c.header.replace('*', '')]),
) as Record<MeetingImportField, string>;

export const FIRST_TOPIC_MARK = '【第一议题】';

/** The xlsx template 会议记录导入模板: one meeting per row, an example row and a 填写说明 sheet. */
export async function meetingImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议记录');
  ws.columns = MEETING_IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getColumn('heldAt').numFmt = '@';
  ws.getColumn('endedAt').numFmt = '@';
  for (const k of ['agenda', 'minutes', 'decisions'])
    ws.getColumn(k).alignment = { wrapText: true, vertical: 'top' };
  styleHeader(ws);
  ws.addRow({
    heldAt: '2025-03-27 14:30',
    endedAt: '2025-03-27 16:00',
    tags: '支委会（示例，导入前请删除本行）',
    place: '党员活动室',
    host: '张三',
    recorder: '李四',
    topic: '研究3月支部工作',
    agenda: `${FIRST_TOPIC_MARK}学习习近平总书记重要讲话精神\n研究发展对象人选`,
    expected: 5,
    absent: '王五（出差）',
    leave: '赵六（病假）',
    minutes: '逐项研究……',
    decisions: '同意确定某某为发展对象\n下次会议安排在4月',
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '说明', key: 't', width: 100 }];
  for (const t of [
    '每行一次会议，第一行为表头，请勿修改表头。带 * 的列为必填。',
    '会议日期时间：如 2025-03-27 14:30（也可 2025/3/27 14:30）。结束时间可只填 16:00（按会议当天）。',
    `会议类型可填一个或多个，用“、”分隔：${Object.values(MEETING_TAG_LABEL).join('、')}。`,
    '主持人、记录人、缺席人员、请假人员请填写姓名，须为该支部在会议当天的党员；姓名重复时请联系管理员。',
    `议程、决议每行一项（单元格内换行）；以“${FIRST_TOPIC_MARK}”开头的一行为“第一议题”。`,
    '缺席人员、请假人员：姓名（原因），多人用“、”分隔，如：王五（出差）、赵六（病假）。',
    '应到人数填整数；实到人数按应到人数减去缺席、请假人数计算。',
    '历史记录按原样导入：缺少记录人、纪要等要素的记录会被接收并标记为“要素不全”，在合规检查（LIFE-015）中提示，不会被拒绝。',
    '格式错误（日期无效、会议类型无法识别、姓名找不到）会逐行指出；任何一行有错误都不会写入数据。',
  ])
    help.addRow({ t });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
