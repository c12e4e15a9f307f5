import { benchList } from './list.ts';

/** `npm run bench -- <name>`: runs one benchmark and prints `RESULT <metric> <value>` last. */
const name = process.argv[2];
const log = (m: string) => process.stdout.write(`${m}\n`);
const benches: Record<string, () => Promise<void>> = {
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
