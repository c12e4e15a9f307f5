// Closed-loop HTTP load generator run in a worker thread (plain JS: workers do not load tsx).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const spec = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
let requests = 0;
let errors = 0;
let i = 0;
const lat = [];
const start = performance.now();
const end = start + spec.durationMs;
const one = () =>
  new Promise((done) => {
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
parentPort.postMessage({
  requests,
  errors,
  seconds,
  rps: requests / seconds,
  p50ms: lat[Math.floor(lat.length / 2)] ?? 0,
  p99ms: lat[Math.floor(lat.length * 0.99)] ?? 0,
});
