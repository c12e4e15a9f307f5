import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { createTestContext } from '../test/server.ts';

/**
 * Each pack's fixtures: `fixtures/dataset.json` (zhibu-dataset/1) and `fixtures/expected.json`
 * (the `zhibu check --json` document the pack must produce for it, as of its `asOf`).
 */
const dir = import.meta.dirname;
const packs = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, 'fixtures', 'expected.json')));

describe('standard pack fixtures', () => {
  it('every pack has fixtures', () => {
    expect(packs.sort()).toEqual(
      fs
        .readdirSync(dir)
        .filter((d) => fs.existsSync(path.join(dir, d, 'pack.yaml')))
        .sort(),
    );
  });

  it.each(packs)('%s: import the fixture dataset, check, get exactly the expected findings', async (pack) => {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, pack, 'fixtures', f), 'utf8'));
    const expected = read('expected.json');
    const ctx = await createTestContext();
    try {
      const report = await importDataset(ctx.deps, SYSTEM_ACTOR, read('dataset.json'));
      expect(report.errors).toEqual([]);
      const doc = checkJson(await evaluateCompliance(ctx.deps, { asOf: expected.asOf, packId: pack }));
      expect(doc).toEqual(expected);
    } finally {
      await ctx.close();
    }
  });
});
