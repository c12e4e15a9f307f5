import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { registerWatch } from './notify.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { preparingClient } from './prepared-client.ts';
import type { DB } from './schema.ts';

export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  kind: DbKind;
  /** The PGlite instance, when embedded (for dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
};

/** Kysely instances over a pool of several connections (see {@link runsConcurrently}). */
const pooled = new WeakSet<object>();

/**
 * Whether statements issued at once on `db` run concurrently: a PostgreSQL pool, not PGlite (one connection) nor
 * a transaction (one connection). Splitting a long statement in two pays only where they do.
 */
export const runsConcurrently = (db: object): boolean => pooled.has(db);

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const parsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/**
 * Opens PostgreSQL (pool; `jit = off` on every connection). Parameterized statements run as named
 * prepared statements unless `prepare` is false (prepared-client.ts).
 */
export function openPostgres(url: string, poolSize = 10, opts: { prepare?: boolean } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    ...(opts.prepare === false ? {} : { Client: preparingClient }),
    max: poolSize,
    // jit off on every pooled connection (DESIGN: JIT cost 0.8 s on a 0.3 s reporting query)
    options: '-c jit=off -c timezone=Asia/Shanghai -c datestyle=ISO,YMD',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid as keyof typeof parsers] ??
        pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection that the server drops (restart, admin termination) must not crash the
  // process: the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => process.stderr.write(`PostgreSQL 连接中断（已丢弃该连接）：${err.message}\n`));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  if (poolSize > 1) pooled.add(db);
  const listeners: pg.Client[] = [];
  registerWatch(db, async (channel, onNotify, onLost) => {
    const client = new pg.Client({ connectionString: url });
    listeners.push(client);
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      onLost();
      void client.end().catch(() => {});
    };
    client.on('error', lose);
    client.on('end', lose);
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    await client.connect();
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    await client.query(`listen ${channel}`);
  });
  return {
    db,
    kind: 'postgres',
    close: async () => {
      for (const c of listeners.splice(0)) {
        c.removeAllListeners('end');
        c.removeAllListeners('error');
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
      await db.destroy();
    },
  };
}

/** Opens the embedded database; `dataDir` undefined = in memory. */
export async function openPGlite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers,
  });
  await pglite.exec("set timezone = 'Asia/Shanghai'; set datestyle = 'ISO, YMD'");
  const db = new Kysely<DB>({
    dialect: new PGliteDialect(pglite),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  registerWatch(db, async (channel, onNotify) => {
    await pglite.listen(channel, onNotify);
  });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** Opens the database the configuration names. */
export async function openDatabase(cfg: { databaseUrl?: string; dataDir: string; pgPool?: number }) {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, cfg.pgPool);
  return openPGlite(path.join(cfg.dataDir, 'pglite'));
}
