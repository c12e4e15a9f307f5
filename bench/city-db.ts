import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createUser, grantRole } from '../src/services/auth.service.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { type Deps, SYSTEM_ACTOR } from '../src/services/deps.ts';
import { generateDemoDataset } from '../src/services/demo/demo-dataset.ts';
import { createPiiCrypto } from '../src/services/infra/pii-crypto.ts';

/** Bump when the generator or schema changes so a cached bench database is rebuilt. */
const DATA_VERSION = 'city-v7-organizational-life';
export const BENCH_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
export const BENCH_USER = { username: 'bench_admin', password: 'Bench-passw0rd' };

export function serverUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function dbUrl(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Opens (building once, then reusing) the city-scale benchmark database on PostgreSQL:
 * 5,000 branches and ~150,000 people from the demo generator, loaded by the dataset importer.
 */
export async function openCityDb(
  log: (m: string) => void,
  name = 'zhibu_bench_city',
): Promise<{ database: Database; deps: Deps; rootCommittee: string }> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  let fresh = !exists;
  if (exists) {
    const probe = new pg.Client({ connectionString: dbUrl(name) });
    await probe.connect();
    const v = await probe.query(`select to_regclass('bench_meta') is not null as ok`);
    const ok =
      v.rows[0].ok && (await probe.query('select version from bench_meta')).rows[0]?.version === DATA_VERSION;
    await probe.end();
    if (!ok) {
      await admin.query(`drop database ${name} with (force)`);
      fresh = true;
    }
  }
  if (fresh) await admin.query(`create database ${name}`);
  await admin.end();
  const database = openPostgres(dbUrl(name), 10);
  const deps: Deps = {
    db: database.db,
    clock: () => new Date(),
    crypto: createPiiCrypto(BENCH_SECRET),
    sessionIdleMinutes: 600,
    demo: false,
  };
  // an existing database gets the migrations added since it was built (empty new tables)
  await migrateToLatest(database.db);
  if (fresh) {
    const t0 = performance.now();
    const doc = generateDemoDataset({ asOf: '2026-11-24', scale: 'city', meetings: true });
    log(
      `generated city dataset: ${doc.orgs.length} orgs, ${doc.people.length} people, ${doc.memberships.length} memberships in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    const report = await importDataset(deps, SYSTEM_ACTOR, doc);
    if (!report.written) throw new Error(`bench import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    log(`imported in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    await createUser(deps, SYSTEM_ACTOR, {
      username: BENCH_USER.username,
      displayName: 'bench',
      password: BENCH_USER.password,
    });
    await sql`vacuum analyze`.execute(database.db);
    await pgExec(
      name,
      `create table bench_meta (version text); insert into bench_meta values ('${DATA_VERSION}')`,
    );
  }
  // the benchmark caller: org admin of the first top-level 党委 under the city root
  const root = await database.db
    .selectFrom('org')
    .select(['id', 'code'])
    .where('depth', '=', 1)
    .where('kind', '=', 'committee')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirstOrThrow();
  await grantRole(deps, SYSTEM_ACTOR, {
    username: BENCH_USER.username,
    role: 'org_admin',
    orgCode: root.code,
    pii: false,
  });
  return { database, deps, rootCommittee: root.id };
}

async function pgExec(name: string, text: string) {
  const c = new pg.Client({ connectionString: dbUrl(name) });
  await c.connect();
  await c.query(text);
  await c.end();
}
