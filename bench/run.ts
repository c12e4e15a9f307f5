import { benchCheck } from './check.ts';
import { benchList } from './list.ts';

/** `npm run bench -- <name>`: runs one benchmark and prints `RESULT <metric> <value>` last. */
const name = process.argv[2];
const log = (m: string) => process.stdout.write(`${m}\n`);
const benches: Record<string, () => Promise<void>> = {
  check: async () => {
    const r = await benchCheck(log);
    log(`RESULT check-full-vs-scan ${r.fullVsScan.toFixed(3)}`);
    log(`RESULT check-incremental-vs-full ${r.incrementalVsFull.toFixed(5)}`);
    log(`RESULT check-pglite-vs-pg ${r.pgliteVsPg.toFixed(3)}`);
  },
  list: async () => {
    const ratio = await benchList(log);
    log(`RESULT list-throughput-ratio ${ratio.toFixed(3)}`);
  },
};
if (!name || !benches[name]) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`);
  process.exit(2);
}
await benches[name]();
process.exit(0);
