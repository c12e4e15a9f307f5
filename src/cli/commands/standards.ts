import type { Command } from 'commander';
import type { PackError } from '../../domain/standards/pack-schema.ts';
import { summarizePack } from '../../domain/standards/pack-tree.ts';
import { loadStandardPacks } from '../../services/standards/pack-files.ts';
import { EXIT } from '../exit.ts';

/** Registers `zhibu standards …` (standard packs). */
export function registerStandardsCommands(program: Command): void {
  const standards = program.command('standards').description('标准包（standards as code）');
  standards
    .command('validate')
    .description(
      '校验 standards/*/pack.yaml：结构、规则 ID、参数类型、继承关系；有错误时列出全部错误并以状态 3 退出',
    )
    .option('--dir <dir>', '标准包目录（默认：仓库内的 standards/）')
    .action(async (opts: { dir?: string }) => {
      const r = await loadStandardPacks({ dir: opts.dir });
      if (r.errors.length > 0) {
        const packs = new Set(r.errors.map((e) => e.pack)).size;
        process.stderr.write(`标准包校验失败：${packs} 个包共 ${r.errors.length} 处错误（${r.dir}）\n`);
        for (const e of r.errors) process.stderr.write(`${formatError(e)}\n`);
        process.exit(EXIT.validation);
      }
      process.stdout.write(`标准包校验通过：${r.packs.length} 个包（${r.dir}）\n`);
      for (const pack of r.packs) {
        const s = summarizePack(pack);
        const m = s.indicators;
        process.stdout.write(`\n${s.id}  ${s.title}\n`);
        process.stdout.write(
          `  继承 ${s.extends ?? '—'} · 维度 ${s.dimensions} · 指标 ${m.total}（AUTO ${m.AUTO} / SEMI ${m.SEMI} / MANUAL ${m.MANUAL}）`,
        );
        process.stdout.write(`${s.unverified > 0 ? ` · 待核实 ${s.unverified}` : ''} · 一票否决 ${s.veto}\n`);
        process.stdout.write(
          `  参数 ${s.parameters.total}（本包 ${s.parameters.own}，继承 ${s.parameters.inherited}）· 继承基线指标 ${s.baselineIndicators} · 规则 ${s.rules}\n`,
        );
      }
    });
}

/** One line per error: pack, path, line, message. */
export function formatError(e: PackError): string {
  const where = [e.path || '(文件)', e.line === undefined ? '' : `第 ${e.line} 行`].filter(Boolean).join(' ');
  return `  ${e.pack}  ${where}  [${e.code}] ${e.message}`;
}
