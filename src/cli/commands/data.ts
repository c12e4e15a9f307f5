import fs from 'node:fs';
import type { Command } from 'commander';
import { shanghaiDate } from '../../domain/dates.ts';
import { exportDataset } from '../../services/dataset/dataset-export.ts';
import { importDataset } from '../../services/dataset/dataset-import.ts';
import { seedDemo } from '../../services/demo/demo-seed.ts';
import type { ImportReport } from '../../shared/contracts/import.contract.ts';
import { EXIT } from '../exit.ts';
import { openRuntime, progressBar } from '../runtime.ts';

const CLI_ACTOR = { id: null, name: '命令行' };

function printReport(r: ImportReport): void {
  const counts = Object.entries(r.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join('，');
  for (const e of r.errors)
    process.stderr.write(`错误  ${e.array}[${e.index}]${e.field ? `.${e.field}` : ''}：${e.message}\n`);
  for (const w of r.warnings)
    process.stderr.write(`提示  ${w.array}[${w.index}]${w.field ? `.${w.field}` : ''}：${w.message}\n`);
  if (r.written)
    process.stdout.write(`已导入：${counts}${r.errors.length ? `（跳过 ${r.errors.length} 处错误）` : ''}\n`);
  else if (r.dryRun)
    process.stdout.write(`预检查完成（未写入）：有效记录 ${counts}；错误 ${r.errors.length} 处\n`);
  else
    process.stdout.write(
      `未写入任何数据：发现 ${r.errors.length} 处错误（修正后重试，或使用 --partial 只导入有效记录）\n`,
    );
}

export function registerDataCommands(program: Command): void {
  program
    .command('import <file>')
    .description('导入 zhibu-dataset/1 格式的 JSON 文件（默认全部成功才写入）')
    .option('--partial', '只写入有效记录，报告其余错误', false)
    .option('--dry-run', '只检查，不写入', false)
    .option('--json', '以 JSON 输出导入报告', false)
    .action(async (file: string, o: { partial: boolean; dryRun: boolean; json: boolean }) => {
      let doc: unknown;
      try {
        doc = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (e) {
        process.stderr.write(
          `错误：无法读取 ${file}：${e instanceof SyntaxError ? `JSON 格式错误（${e.message}）` : (e as Error).message}\n`,
        );
        process.exit(EXIT.validation);
      }
      const rt = await openRuntime();
      const bar = progressBar('导入');
      const report = await importDataset(rt.deps, CLI_ACTOR, doc, {
        partial: o.partial,
        dryRun: o.dryRun,
        onProgress: (d, t, w) => bar.update(d, t, w),
      });
      bar.done();
      await rt.close();
      if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printReport(report);
      process.exit(report.errors.length && !report.written ? EXIT.validation : EXIT.ok);
    });

  program
    .command('export')
    .description('导出为 zhibu-dataset/1 JSON（含完整身份证号，会记入审计日志）')
    .option('--org <code>', '只导出该组织及其下级')
    .option('-o, --output <file>', '输出文件（默认标准输出）')
    .action(async (o: { org?: string; output?: string }) => {
      const rt = await openRuntime();
      const doc = await exportDataset(rt.deps, CLI_ACTOR, o.org);
      await rt.close();
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (o.output) {
        fs.writeFileSync(o.output, text, { mode: 0o600 });
        process.stderr.write(`已导出 ${doc.orgs.length} 个组织、${doc.people.length} 人到 ${o.output}\n`);
      } else process.stdout.write(text);
    });

  program
    .command('demo')
    .description('向空数据库载入演示数据（一所大学，约 4000 人）与各角色演示账号')
    .option('--as-of <date>', '演示数据的“今天”', shanghaiDate(new Date()))
    .action(async (o: { asOf: string }) => {
      const rt = await openRuntime();
      const bar = progressBar('演示数据');
      const counts = await seedDemo(rt.deps, o.asOf, (d, t, w) => bar.update(d, t, w));
      bar.done();
      await rt.close();
      process.stdout.write(
        `演示数据已载入：${Object.entries(counts)
          .map(([k, n]) => `${k} ${n}`)
          .join('，')}\n`,
      );
    });
}
