import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { BENCH_USER, dbUrl, openCityDb } from './city-db.ts';
import { runLoad } from './load.ts';

/**
 * list-throughput-ratio: requests/s of the scoped member-list route (page of 50, subtree filter,
 * session auth, zod-validated response) ÷ requests/s of a bare Fastify+pg route returning 50 rows of
 * the same table, measured alternately in one run on PostgreSQL with the same pool size.
 */
export async function benchList(log: (m: string) => void): Promise<number> {
  const { database, deps, rootCommittee } = await openCityDb(log);
  const app = await buildApp(deps, { webDir: '/nonexistent', loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as { port: number }).port;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_USER });
  const cookie = `zhibu_session=${login.cookies.find((c) => c.name === 'zhibu_session')!.value}`;
  const total = (
    await app.inject({
      method: 'GET',
      url: `/api/people?orgId=${rootCommittee}&pageSize=50`,
      headers: { cookie },
    })
  ).json().total as number;
  log(`subtree has ${total} current people`);

  const pool = new pg.Pool({ connectionString: dbUrl('zhibu_bench_city'), max: 10, options: '-c jit=off' });
  // same connection settings as the app's pool
  const bare = Fastify();
  bare.get<{ Querystring: { page?: string } }>('/bare', async (req) => {
    const page = Number(req.query.page ?? 1);
    const { rows } = await pool.query(
      'select id, name, gender, birth_date, phone, education from person order by id limit 50 offset $1',
      [(page - 1) * 50],
    );
    return { items: rows };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  const pages = Array.from({ length: 20 }, (_, i) => i + 1);
  const appSpec = {
    port: appPort,
    paths: pages.map((p) => `/api/people?orgId=${rootCommittee}&page=${p}&pageSize=50`),
    headers: { cookie },
    concurrency: 16,
    durationMs: 8000,
  };
  const bareSpec = {
    port: barePort,
    paths: pages.map((p) => `/bare?page=${p}`),
    headers: {},
    concurrency: 16,
    durationMs: 8000,
  };
  await runLoad({ ...appSpec, durationMs: 2000 }); // warm-up
  await runLoad({ ...bareSpec, durationMs: 2000 });
  const appRuns: number[] = [];
  const bareRuns: number[] = [];
  for (let round = 0; round < 2; round++) {
    const a = await runLoad(appSpec);
    const b = await runLoad(bareSpec);
    log(
      `round ${round + 1}: scoped list ${a.rps.toFixed(0)} req/s (p50 ${a.p50ms.toFixed(1)} ms, p99 ${a.p99ms.toFixed(1)} ms, errors ${a.errors}); bare ${b.rps.toFixed(0)} req/s (p50 ${b.p50ms.toFixed(1)} ms, errors ${b.errors})`,
    );
    if (a.errors || b.errors) throw new Error('requests failed during the benchmark');
    appRuns.push(a.rps);
    bareRuns.push(b.rps);
  }
  await app.close();
  await bare.close();
  await pool.end();
  await database.close();
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return mean(appRuns) / mean(bareRuns);
}
