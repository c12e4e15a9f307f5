import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export type LoadSpec = {
  port: number;
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
};
export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50ms: number;
  p99ms: number;
};

/** Runs a closed-loop HTTP load (keep-alive, fixed concurrency) in a worker thread. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: spec, execArgv: ['--import', 'tsx'] });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function worker(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  let requests = 0;
  let errors = 0;
  let i = 0;
  const lat: number[] = [];
  const start = performance.now();
  const end = start + spec.durationMs;
  const one = () =>
    new Promise<void>((done) => {
      const path = spec.paths[i++ % spec.paths.length];
      const t = performance.now();
      const req = http.get(
        { host: '127.0.0.1', port: spec.port, path, agent, headers: spec.headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) requests++;
            else errors++;
            lat.push(performance.now() - t);
            done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        done();
      });
    });
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  agent.destroy();
  return {
    requests,
    errors,
    seconds,
    rps: requests / seconds,
    p50ms: lat[Math.floor(lat.length / 2)] ?? 0,
    p99ms: lat[Math.floor(lat.length * 0.99)] ?? 0,
  };
}

if (!isMainThread && parentPort) parentPort.postMessage(await worker(workerData as LoadSpec));
