import { Worker } from 'node:worker_threads';

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

/** Runs a closed-loop HTTP load (keep-alive, fixed concurrency) in a worker thread, off the servers' thread. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: spec });
    w.once('message', (r: LoadResult) => {
      void w.terminate();
      resolve(r);
    });
    w.once('error', reject);
  });
}
