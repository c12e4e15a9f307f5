import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../src/services/people/roster-xlsx.ts';

export type RosterRow = Partial<Record<(typeof ROSTER_COLUMNS)[number]['key'], string>>;
export const ROSTER_XLSX_EMPTY: RosterRow[] = [
  { name: '预览', status: '正式党员', statusFrom: '2020-01-01' },
];

/** Builds a roster xlsx from rows (template headers). */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one xlsx file field. */
export async function multipartXlsx(
  rows: RosterRow[],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const file = await rosterXlsx(rows);
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
