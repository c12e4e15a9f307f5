import ExcelJS from 'exceljs';
import { MEETING_IMPORT_COLUMNS } from '../src/services/meetings/meeting-import-xlsx.ts';
import { multipartFile } from './files.ts';

export type MeetingSheetRow = Partial<
  Record<(typeof MEETING_IMPORT_COLUMNS)[number]['key'], string | number>
>;

/** A 会议记录 sheet (template headers) with the given rows. */
export async function meetingXlsx(rows: MeetingSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议记录');
  ws.columns = MEETING_IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** multipart/form-data carrying a 会议记录 sheet as field `file`. */
export async function multipartMeetingXlsx(rows: MeetingSheetRow[]) {
  return multipartFile(
    'meetings.xlsx',
    await meetingXlsx(rows),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}
