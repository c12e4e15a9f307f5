import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../services/deps.ts';
import { createPiiCrypto, resolveSecret } from '../services/infra/pii-crypto.ts';

export type Runtime = { config: Config; database: Database; deps: Deps; close(): Promise<void> };

/** Opens the configured database (migrated) and builds service deps. */
export async function openRuntime(opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig();
  const database = await openDatabase(config);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const secret = resolveSecret(config.secret, config.dataDir, (m) => process.stderr.write(`警告：${m}\n`));
  const deps: Deps = {
    db: database.db,
    clock: () => new Date(),
    crypto: createPiiCrypto(secret),
    sessionIdleMinutes: config.sessionIdleMinutes,
    demo: config.demo,
  };
  return { config, database, deps, close: () => database.close() };
}

/** A one-line progress bar on a terminal (nothing when not a TTY). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return {
    update(done: number, total: number, what = '') {
      if (!tty || total === 0) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${String(pct).padStart(3)}% ${what.padEnd(14)}`,
      );
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\n');
    },
  };
}
