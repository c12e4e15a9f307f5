import { Command } from 'commander';
import { AppError } from '../domain/errors.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerCheckCommands } from './commands/check.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerStandardsCommands } from './commands/standards.ts';
import { registerUserCommands } from './commands/user.ts';
import { EXIT } from './exit.ts';

const program = new Command('zhibu').description('支部 — 党支部建设标准化管理系统').showHelpAfterError();
registerServeCommands(program);
registerDataCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerCheckCommands(program);
registerStandardsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError) {
    process.stderr.write(`错误：${err.message}\n`);
    process.exit(
      err.kind === 'validation'
        ? EXIT.validation
        : err.kind === 'not_found'
          ? EXIT.not_found
          : err.kind === 'conflict'
            ? EXIT.conflict
            : EXIT.failure,
    );
  }
  process.stderr.write(`错误：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT.failure);
}
