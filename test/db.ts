import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPGlite, openPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const TEMPLATE = 'zhibu_test_template';
let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh, migrated database for one test file: in-memory PGlite (restored from a migrated dump),
 * or, when DATABASE_URL is set, a new PostgreSQL database cloned from a migrated template.
 */
export async function createTestDb(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    pgliteTemplate ??= (async () => {
      const d = await openPGlite();
      await migrateToLatest(d.db);
      const blob = await d.pglite!.dumpDataDir('none');
      await d.close();
      return blob;
    })();
    const database = await openPGlite(undefined, await pgliteTemplate);
    return database;
  }
  const name = `zhibu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = openPostgres(u.toString(), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Global setup for PostgreSQL runs: (re)creates the migrated template database. */
export async function preparePostgresTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const stale = await admin.query(`select datname from pg_database where datname like 'zhibu_t_%'`);
    for (const r of stale.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.query(`create database ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${TEMPLATE}`;
  const d = openPostgres(u.toString(), 1);
  await migrateToLatest(d.db);
  await d.close();
}
