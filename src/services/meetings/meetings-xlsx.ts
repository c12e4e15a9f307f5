import ExcelJS from 'exceljs';
import type { Scope } from '../../domain/auth/scope.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import {
  ATTENDANCE_STATUS_LABEL,
  type AttendanceStatus,
  MEETING_TAG_LABEL,
  type MeetingTag,
} from '../../shared/enums.ts';
import type { Deps } from '../deps.ts';
import { meetingBook } from './meeting-book.ts';

/** Review status of a record in Chinese (as the web shows it). */
export const MEETING_STATUS_LABEL: Record<string, string> = {
  held: '未提交',
  submitted: '待审核',
  returned: '已退回',
  reviewed: '已审核锁定',
};

export const kindsLabel = (tags: readonly string[]) =>
  tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');

const head = (ws: ExcelJS.Worksheet) => {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
};

/**
 * Meetings and attendance of a branch (and its 党小组) in a year as xlsx: sheet 会议 (one row per record)
 * and sheet 出勤 (one row per attendance row).
 */
export async function exportMeetingsXlsx(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<{ name: string; body: Buffer }> {
  const book = await meetingBook(deps, scope, orgId, year);
  const wb = new ExcelJS.Workbook();
  const meetings = wb.addWorksheet('会议');
  meetings.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '组织', key: 'org', width: 28 },
    { header: '会议类型', key: 'kinds', width: 18 },
    { header: '主题', key: 'topic', width: 40 },
    { header: '地点', key: 'place', width: 16 },
    { header: '主持人', key: 'host', width: 10 },
    { header: '记录人', key: 'recorder', width: 10 },
    { header: '应到', key: 'expected', width: 6 },
    { header: '实到', key: 'present', width: 6 },
    { header: '状态', key: 'status', width: 10 },
    { header: '补录', key: 'late', width: 6 },
    { header: '缺少要素', key: 'missing', width: 40 },
  ];
  head(meetings);
  const attendance = wb.addWorksheet('出勤');
  attendance.columns = [
    { header: '会议日期', key: 'date', width: 12 },
    { header: '会议类型', key: 'kinds', width: 18 },
    { header: '会议主题', key: 'topic', width: 40 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '出勤情况', key: 'status', width: 10 },
    { header: '原因', key: 'reason', width: 30 },
  ];
  head(attendance);
  for (const r of book.records) {
    const date = shanghaiDate(new Date(r.heldAt));
    const kinds = kindsLabel(r.tags);
    const missing = [...new Set(Object.values(r.missing).flat())];
    meetings.addRow({
      date,
      org: r.orgName,
      kinds,
      topic: r.topic ?? '',
      place: r.place ?? '',
      host: r.hostName ?? '',
      recorder: r.recorderName ?? '',
      expected: r.expected,
      present: r.present,
      status: MEETING_STATUS_LABEL[r.status] ?? r.status,
      late: r.lateEntry ? '是' : '',
      missing: missing.join('、'),
    });
    for (const a of r.attendance)
      attendance.addRow({
        date,
        kinds,
        topic: r.topic ?? '',
        name: a.personName,
        status: ATTENDANCE_STATUS_LABEL[a.status as AttendanceStatus] ?? a.status,
        reason: a.reason ?? '',
      });
  }
  return { name: `会议记录-${book.orgName}-${year}`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
