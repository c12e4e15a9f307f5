import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

/** The demo's "today" for e2e runs (fixed, so the data is the same every run). */
export const E2E_AS_OF = '2026-11-24';
const root = path.resolve(import.meta.dirname, '..');
let server: ChildProcess | undefined;

/**
 * Builds the web UI if needed, loads the demo into a fresh temporary data dir through the CLI and
 * starts `zhibu serve` on a free port for the browser tests.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('web build failed');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-e2e-'));
  const { DATABASE_URL: _pg, ...inherited } = process.env;
  // the suites sign in many times within a minute from one address
  const env = {
    ...inherited,
    ZHIBU_DATA_DIR: dataDir,
    ZHIBU_DEMO: '1',
    LOG_LEVEL: 'warn',
    ZHIBU_LOGIN_RATE_LIMIT: '1000',
  };
  const demo = spawnSync(process.execPath, ['bin/zhibu.js', 'demo', '--as-of', E2E_AS_OF], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (demo.status !== 0) throw new Error('demo load failed');
  const port = 3400 + Math.floor(Math.random() * 500);
  server = spawn(process.execPath, ['bin/zhibu.js', 'serve'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) throw new Error('server exited during start');
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
