import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { DEFAULT_WEB_DIR, buildApp } from '../../server/app.ts';
import { nightlyRefresh } from '../../services/compliance/refresh.ts';
import type { Deps } from '../../services/deps.ts';
import { isEmpty, seedDemo } from '../../services/demo/demo-seed.ts';
import { openRuntime, progressBar } from '../runtime.ts';

/** Builds the web app once if it has not been built (npm start on a fresh clone). */
function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(DEFAULT_WEB_DIR, 'index.html'))) return;
  process.stderr.write('首次启动：正在构建网页界面（约半分钟）…\n');
  const root = path.resolve(DEFAULT_WEB_DIR, '../..');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) throw new Error('网页界面构建失败（npm run build）');
}

/**
 * Runs the full compliance evaluation once at start when nothing is stored yet, then nightly at
 * 02:00 Beijing time (several servers: the advisory lock lets one run it).
 */
function scheduleNightly(deps: Deps, onError: (e: unknown) => void): void {
  let lastDay = '';
  const tick = async () => {
    const now = new Date();
    const day = shanghaiDate(now);
    const hour = (now.getUTCHours() + 8) % 24;
    const never = !(await deps.db.selectFrom('complianceRun').select('id').limit(1).executeTakeFirst());
    if (never || (hour === 2 && day !== lastDay)) {
      lastDay = day;
      await nightlyRefresh(deps);
    }
  };
  setTimeout(() => tick().catch(onError), 5_000).unref();
  setInterval(() => tick().catch(onError), 10 * 60_000).unref();
}

async function serve(opts: { demo: boolean }) {
  const rt = await openRuntime();
  // `zhibu start` / `serve --demo` is the demo: show the demo accounts on either database unless ZHIBU_DEMO=0
  if (opts.demo && process.env.ZHIBU_DEMO !== '0') rt.deps.demo = true;
  if (opts.demo && (await isEmpty(rt.deps))) {
    process.stderr.write('空数据库：正在载入演示数据…\n');
    const bar = progressBar('演示数据');
    await seedDemo(rt.deps, shanghaiDate(new Date()), (d, t, w) => bar.update(d, t, w));
    bar.done();
  }
  const app = await buildApp(rt.deps, {
    logger: { level: rt.config.logLevel },
    loginRateLimit: rt.config.loginRateLimit,
  });
  scheduleNightly(rt.deps, (e) => app.log.error({ err: e }, 'nightly compliance run failed'));
  const close = async () => {
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: rt.config.port, host: rt.config.host });
  const where = rt.config.databaseUrl ? 'PostgreSQL' : `内置数据库 ${rt.config.dataDir}`;
  process.stderr.write(
    `zhibu 已启动：http://localhost:${rt.config.port}  （${where}${rt.deps.demo ? '，演示模式' : ''}）\n`,
  );
}

export function registerServeCommands(program: Command): void {
  program
    .command('start')
    .description('构建网页（如需要）、迁移数据库、空库时载入演示数据并启动服务')
    .action(async () => {
      ensureWebBuilt();
      await serve({ demo: true });
    });
  program
    .command('serve')
    .description('启动 HTTP 服务（自动迁移数据库）')
    .option('--demo', '数据库为空时载入演示数据', false)
    .action(async (o: { demo: boolean }) => serve(o));
  program
    .command('migrate')
    .description('执行数据库迁移')
    .action(async () => {
      const rt = await openRuntime({ migrate: false });
      const done = await migrateToLatest(rt.database.db);
      process.stdout.write(done.length ? `已执行迁移：\n${done.join('\n')}\n` : '数据库已是最新版本\n');
      await rt.close();
    });
}
