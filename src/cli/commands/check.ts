import type { Command } from 'commander';
import { isIsoDate, shanghaiDate } from '../../domain/dates.ts';
import { checkJson, evaluateCompliance } from '../../services/compliance/evaluate.ts';
import { EXIT } from '../exit.ts';
import { openRuntime } from '../runtime.ts';

const SEVERITY_LABEL = { violation: '违反', warn: '提醒', info: '提示' } as const;

export function registerCheckCommands(program: Command): void {
  program
    .command('check')
    .description('按标准包检查组织的合规情况（默认全部组织、今天、各组织适用的标准包）')
    .option('--org <code>', '只检查该组织及其下级')
    .option('--as-of <date>', '检查日期 YYYY-MM-DD（只有已结束的周期和已过的期限会判定违反）')
    .option('--pack <id>', '用指定标准包检查全部组织')
    .option('--json', '输出 JSON（格式见 DATASET.md “zhibu check --json”）', false)
    .action(async (o: { org?: string; asOf?: string; pack?: string; json: boolean }) => {
      const asOf = o.asOf ?? shanghaiDate(new Date());
      if (!isIsoDate(asOf)) {
        process.stderr.write(`错误：--as-of 应为有效日期 YYYY-MM-DD，收到“${asOf}”\n`);
        process.exit(EXIT.usage);
      }
      const rt = await openRuntime();
      const result = await evaluateCompliance(rt.deps, { orgCode: o.org, asOf, packId: o.pack });
      await rt.close();
      if (o.json) {
        process.stdout.write(`${JSON.stringify(checkJson(result), null, 2)}\n`);
        return;
      }
      const byOrg = new Map<string, typeof result.findings>();
      for (const f of result.findings) byOrg.set(f.orgCode, [...(byOrg.get(f.orgCode) ?? []), f]);
      const lines = [`合规检查（截至 ${asOf}）：${byOrg.size} 个组织，${result.findings.length} 条发现`];
      for (const [code, list] of byOrg) {
        lines.push('', `【${code}】`);
        for (const f of list) {
          lines.push(
            `  ${SEVERITY_LABEL[f.severity]}  ${f.ruleId.padEnd(8)} ${f.period.padEnd(10)} ${f.message}${f.personRef ? `（人员 ${f.personRef}）` : ''}`,
          );
          lines.push(`        依据：${f.sourceRef}`);
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
