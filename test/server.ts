import type { Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { Deps } from '../src/services/deps.ts';
import { createPiiCrypto } from '../src/services/infra/pii-crypto.ts';
import { fixedClock } from './clock.ts';
import { createTestDb } from './db.ts';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

/** A fresh database, deps with a frozen clock, and the in-process app (no socket). */
export async function createTestContext(opts: { loginRateLimit?: number } = {}) {
  const database: Database = await createTestDb();
  const clock = fixedClock();
  const deps: Deps = {
    db: database.db,
    clock,
    crypto: createPiiCrypto(TEST_SECRET),
    sessionIdleMinutes: 120,
    demo: false,
  };
  const app = await buildApp(deps, { webDir: '/nonexistent', loginRateLimit: opts.loginRateLimit ?? 10_000 });
  return {
    database,
    deps,
    clock,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
