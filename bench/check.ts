import { sql } from 'kysely';
import { openPGlite, openPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { type Deps, SYSTEM_ACTOR } from '../src/services/deps.ts';
import { generateDemoDataset } from '../src/services/demo/demo-dataset.ts';
import { createPiiCrypto } from '../src/services/infra/pii-crypto.ts';
import { BENCH_SECRET, dbUrl, openCityDb, serverUrl } from './city-db.ts';
import pg from 'pg';

const AS_OF = '2026-11-24';
/** A day of the running year with records dated after it. */
const PAST_DAY = '2026-03-31';
/**
 * The tables holding the records the evaluation judges (those that exist are scanned). Totals kept from
 * them at write time (study_year_total, study_day_total) are not added: the baseline is reading the records
 * once, and study_day_total alone (one row per person-day) would nearly double it.
 */
const SCANNED_TABLES = [
  'org',
  'person',
  'membership',
  'position',
  'election',
  'meeting',
  'meeting_attendance',
  'study_record',
  'points_entry',
  'annual_plan',
  'plan_item',
];
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const best = async (n: number, f: () => Promise<unknown>) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await time(f));
  return Math.min(...xs);
};

/**
 * check-full-vs-scan: full evaluation of the city ÷ one sequential pass over the tables it reads;
 * check-incremental-vs-full: one branch's re-evaluation ÷ the full run; check-pglite-vs-pg: the full
 * run of the school demo on PGlite ÷ on PostgreSQL. All measured in this one run.
 */
export async function benchCheck(log: (m: string) => void) {
  const { database, deps } = await openCityDb(log);
  const counts = await sql<{ t: string; n: number }>`
    select 'meeting' as t, count(*)::int as n from meeting union all select 'membership', count(*)::int from membership
    union all select 'org', count(*)::int from org`.execute(database.db);
  log(`city data: ${counts.rows.map((r) => `${r.t} ${r.n}`).join(', ')}`);
  await evaluateCompliance(deps, { asOf: AS_OF }); // warm caches and packs
  const full = await best(2, async () => {
    const r = await evaluateCompliance(deps, { asOf: AS_OF });
    log(`full evaluation: ${r.findings.length} findings`);
  });
  // One sequential pass: every table the fact loaders read, each scanned once by one process (no
  // parallel workers, no index), as the evaluation would if it read everything exactly once.
  const tables = (
    await sql<{
      t: string;
    }>`select t from unnest(${SCANNED_TABLES}::text[]) t where to_regclass(t) is not null`.execute(
      database.db,
    )
  ).rows.map((r) => r.t);
  log(`sequential pass over: ${tables.join(', ')}`);
  const scan = await best(2, () =>
    database.db.connection().execute(async (c) => {
      await sql`set max_parallel_workers_per_gather = 0; set enable_indexscan = off; set enable_indexonlyscan = off; set enable_bitmapscan = off`.execute(
        c,
      );
      for (const t of tables) await sql`select count(*) from ${sql.table(t)}`.execute(c);
      await sql`reset max_parallel_workers_per_gather; reset enable_indexscan; reset enable_indexonlyscan; reset enable_bitmapscan`.execute(
        c,
      );
    }),
  );
  /** The code of the org of `kind` at `offset` in creation order. */
  const orgOfKind = async (kind: string, offset: number) =>
    (
      await database.db
        .selectFrom('org')
        .select('code')
        .where('kind', '=', kind)
        .orderBy('seq')
        .offset(offset)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).code;
  const branch = { code: await orgOfKind('branch', 1234) };
  // warm like the full run: the refresh after each write runs on long-lived pooled connections, whose
  // prepared statements are parsed and planned by then (each of the pool's 10 connections prepares each of its
  // statements, with its generic plan, the first time it runs it there: 50 runs leave few unprepared).
  // A ~3-5 ms run is at the mercy of garbage collection and of this VM's noisy spells: the best of 20 runs (an
  // ≈ 80 ms window) read 4.0-6.2 ms on the same code where 300 interleaved runs read 3.0-3.5 ms at best, so the
  // best of 200 (≈ 1 s, as long as one full run) is the measure; the best of the first 20 is logged beside it
  for (let i = 0; i < 50; i++) await evaluateCompliance(deps, { asOf: AS_OF, orgCode: branch.code });
  const runs: number[] = [];
  for (let i = 0; i < 200; i++)
    runs.push(await time(() => evaluateCompliance(deps, { asOf: AS_OF, orgCode: branch.code })));
  const incremental = Math.min(...runs);
  log(
    `one branch: best of 200 ${incremental.toFixed(2)} ms, best of the first 20 ${Math.min(...runs.slice(0, 20)).toFixed(2)} ms, median ${[...runs].sort((a, b) => a - b)[100].toFixed(2)} ms`,
  );
  log(
    `full ${full.toFixed(0)} ms, sequential scan ${scan.toFixed(0)} ms, one branch ${incremental.toFixed(1)} ms`,
  );
  // a 总支 (a few branches: not one branch, a small share of the city) today and as of a past day (records dated
  // after it): it reads its own members (a city-wide shortcut here once took seconds today, minutes in the past)
  const general = { code: await orgOfKind('general_branch', 0) };
  for (const asOf of [AS_OF, PAST_DAY]) {
    await evaluateCompliance(deps, { asOf, orgCode: general.code });
    const t = await best(3, () => evaluateCompliance(deps, { asOf, orgCode: general.code }));
    log(`one 总支 (${general.code}) as of ${asOf}: ${t.toFixed(0)} ms`);
  }
  await database.close();

  const school = generateDemoDataset({ asOf: AS_OF });
  const lite = await openPGlite();
  await migrateToLatest(lite.db);
  const pgName = 'zhibu_bench_school';
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${pgName} with (force)`);
  await admin.query(`create database ${pgName}`);
  await admin.end();
  const server = openPostgres(dbUrl(pgName), 10);
  await migrateToLatest(server.db);
  const depsOf = (db: Deps['db']): Deps => ({
    db,
    clock: () => new Date(),
    crypto: createPiiCrypto(BENCH_SECRET),
    sessionIdleMinutes: 60,
    demo: false,
  });
  for (const d of [lite.db, server.db]) {
    const r = await importDataset(depsOf(d), SYSTEM_ACTOR, school);
    if (!r.written) throw new Error('school import failed');
  }
  await sql`vacuum analyze`.execute(server.db);
  await sql`analyze`.execute(lite.db);
  await evaluateCompliance(depsOf(lite.db), { asOf: AS_OF });
  await evaluateCompliance(depsOf(server.db), { asOf: AS_OF });
  const onLite = await best(3, () => evaluateCompliance(depsOf(lite.db), { asOf: AS_OF }));
  const onPg = await best(3, () => evaluateCompliance(depsOf(server.db), { asOf: AS_OF }));
  log(
    `school scale (${school.meetings?.length ?? 0} meetings): PGlite ${onLite.toFixed(0)} ms, PostgreSQL ${onPg.toFixed(0)} ms`,
  );
  await lite.close();
  await server.close();
  return { fullVsScan: full / scan, incrementalVsFull: incremental / full, pgliteVsPg: onLite / onPg };
}
