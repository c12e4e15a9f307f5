import ExcelJS from 'exceljs';
import { validationError } from '../../domain/errors.ts';

/** A template column: its key and its header (a trailing `*` marks a required column). */
export type SheetColumn<K extends string> = { key: K; header: string };
export type SheetRow<K extends string> = {
  row: number;
  values: Record<K, string>;
  errors: { field: string; message: string }[];
};

/**
 * Reads the first sheet of an uploaded xlsx by header names (order may differ; unknown columns ignored;
 * `*` and spaces in headers tolerated): one entry per non-empty row with its sheet row number. A missing
 * required column, an unreadable file or more than `maxRows` rows is refused as a whole.
 */
export async function readSheetRows<K extends string>(
  file: Buffer,
  columns: readonly SheetColumn<K>[],
  text: (v: ExcelJS.CellValue) => string,
  maxRows: number,
): Promise<SheetRow<K>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw validationError('无法读取文件：请上传 .xlsx 格式的 Excel 文件（可先下载模板）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw validationError('文件中没有工作表');
  const colOf = new Map<K, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const t = text(cell.value).replace(/[*＊\s]/g, '');
    const c = columns.find((x) => x.header.replace('*', '') === t);
    if (c) colOf.set(c.key, col);
  });
  const missing = columns
    .filter((c) => c.header.endsWith('*') && !colOf.has(c.key))
    .map((c) => c.header.replace('*', ''));
  if (missing.length) throw validationError(`表头缺少必填列：${missing.join('、')}（请使用导入模板）`);
  const out: SheetRow<K>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values = Object.fromEntries(
      columns.map((c) => [c.key, colOf.has(c.key) ? text(r.getCell(colOf.get(c.key)!).value) : '']),
    ) as Record<K, string>;
    if (Object.values(values).every((v) => v === '')) return;
    out.push({ row: n, values, errors: [] });
  });
  if (out.length > maxRows) throw validationError(`一次最多导入 ${maxRows} 行，请分批导入`);
  return out;
}
