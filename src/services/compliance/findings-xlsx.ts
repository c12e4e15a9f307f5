import ExcelJS from 'exceljs';
import type { Scope } from '../../domain/auth/scope.ts';
import { AppError } from '../../domain/errors.ts';
import type { FindingsQuery, SeverityValue } from '../../shared/contracts/compliance.contract.ts';
import type { Deps } from '../deps.ts';
import { allFindings } from './findings-query.ts';

/** Largest export; beyond it the caller narrows the filters. */
export const FINDINGS_EXPORT_MAX_ROWS = 100_000;

/** Severity in Chinese, as the export and the UI show it. */
export const SEVERITY_LABEL: Record<SeverityValue, string> = {
  violation: '违规',
  warn: '提醒',
  info: '提示',
};

const showValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The filtered findings of a subtree as xlsx: one row per finding, Chinese headers, the pack's parameters. */
export async function exportFindingsXlsx(
  deps: Deps,
  scope: Scope,
  q: FindingsQuery,
): Promise<{ name: string; body: Buffer }> {
  const { asOf, orgName, items } = await allFindings(deps, scope, q);
  if (items.length > FINDINGS_EXPORT_MAX_ROWS)
    throw new AppError('rule', 'export_too_large', `导出超过 ${FINDINGS_EXPORT_MAX_ROWS} 行，请缩小筛选范围`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合规问题');
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '严重程度', key: 'severity', width: 9 },
    { header: '规则编号', key: 'ruleId', width: 10 },
    { header: '规则', key: 'ruleTitle', width: 20 },
    { header: '组织', key: 'orgName', width: 30 },
    { header: '组织编码', key: 'orgCode', width: 12 },
    { header: '人员', key: 'personName', width: 10 },
    { header: '周期', key: 'period', width: 12 },
    { header: '问题说明', key: 'message', width: 50 },
    { header: '依据', key: 'sourceRef', width: 50 },
    { header: '适用标准包', key: 'packTitle', width: 40 },
    { header: '参数取值及来源', key: 'params', width: 60 },
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  items.forEach((f, i) => {
    ws.addRow({
      ...f,
      no: i + 1,
      severity: SEVERITY_LABEL[f.severity],
      personName: f.personName ?? '',
      packTitle: f.why.packTitle,
      params: f.why.params
        .map((p) => `${p.key} = ${showValue(p.value)}（${p.sourceRef}${p.unverified ? '，来源待核实' : ''}）`)
        .join('；'),
    });
  });
  return { name: `合规问题清单-${orgName}-${asOf}`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
