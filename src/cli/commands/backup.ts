import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openPGlite } from '../../db/connect.ts';
import { EXIT } from '../exit.ts';
import { openRuntime } from '../runtime.ts';

const PG_HINT = '使用 PostgreSQL 时请用 pg_dump / pg_restore 备份与恢复（见 README“部署”一节）';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('备份内置数据库到一个文件（请同时妥善保管 secret.key）')
    .action(async (file: string) => {
      if (loadConfig().databaseUrl) {
        process.stderr.write(`${PG_HINT}\n`);
        process.exit(EXIT.usage);
      }
      const rt = await openRuntime();
      process.stderr.write('正在备份…\n');
      const blob = await rt.database.pglite!.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
      await rt.close();
      process.stdout.write(`已备份到 ${file}（${(blob.size / 1024 / 1024).toFixed(1)} MB）\n`);
    });
  program
    .command('restore <file>')
    .description('从备份文件恢复内置数据库（须先停止服务；目标数据目录须为空，或加 --force 覆盖）')
    .option('--force', '覆盖现有数据库（原数据会被移到 pglite.bak-时间戳）', false)
    .action(async (file: string, o: { force: boolean }) => {
      const cfg = loadConfig();
      if (cfg.databaseUrl) {
        process.stderr.write(`${PG_HINT}\n`);
        process.exit(EXIT.usage);
      }
      const dir = path.join(cfg.dataDir, 'pglite');
      if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
        if (!o.force) {
          process.stderr.write(`错误：${dir} 已有数据；确认覆盖请加 --force\n`);
          process.exit(EXIT.conflict);
        }
        fs.renameSync(dir, `${dir}.bak-${Date.now()}`);
      }
      const data = fs.readFileSync(file);
      const d = await openPGlite(dir, new Blob([data]));
      const { rows } = await d.pglite!.query<{ n: number }>('select count(*)::int as n from org');
      await d.close();
      process.stdout.write(`已恢复到 ${dir}（组织 ${rows[0].n} 个）\n`);
    });
}
