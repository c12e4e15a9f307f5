import type { Command } from 'commander';
import { verifyAuditChain } from '../../services/audit.service.ts';
import { EXIT } from '../exit.ts';
import { openRuntime } from '../runtime.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链；发现篡改时以非零状态退出并指出第一条异常记录')
    .action(async () => {
      const rt = await openRuntime();
      const r = await verifyAuditChain(rt.deps);
      await rt.close();
      if (r.ok) {
        process.stdout.write(`审计日志完整：共 ${r.rows} 条，哈希链校验通过\n`);
        return;
      }
      process.stderr.write(`审计日志被篡改：第 ${r.brokenSeq} 条记录（seq=${r.brokenSeq}）${r.reason}\n`);
      process.exit(EXIT.failure);
    });
}
