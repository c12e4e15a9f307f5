import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/connect.ts';
import { idCheckChar } from '../src/domain/people/id-number.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-cli-'));
const { DATABASE_URL: _pg, ...baseEnv } = process.env;
const env = { ...baseEnv, ZHIBU_DATA_DIR: dataDir, ZHIBU_SECRET: 'cli-test-secret-0123456789-abcdefghij' };

/** Runs the real CLI (bin/zhibu.js) against an embedded database in a temporary data dir. */
function zhibu(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/zhibu.js'), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const idNo = (first17: string) => first17 + idCheckChar(first17);
const ID_P1 = idNo('62010219850302001');
const dataset = {
  format: 'zhibu-dataset/1',
  orgs: [
    { code: 'C01', name: '中共某某大学委员会', kind: 'committee', parent: null, category: '教师' },
    { code: 'B01', name: '文学院教工党支部', kind: 'branch', parent: 'C01', category: '教师' },
  ],
  people: [{ ref: 'p1', name: '张三', gender: '男', birth_date: '1985-03-02', id_number: ID_P1 }],
  memberships: [{ person: 'p1', org: 'B01', status: 'full', from: '2012-07-01', to: null }],
};

describe('zhibu CLI', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('import of a dataset with errors writes nothing, names each error and exits 3', () => {
    const file = path.join(dataDir, 'bad.json');
    const bad = structuredClone(dataset);
    bad.orgs[1] = { ...bad.orgs[1], kind: 'branchh' };
    bad.memberships[0] = { ...bad.memberships[0], from: '2012-13-01' };
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = zhibu('import', file);
    expect(r.code).toBe(3);
    expect(r.err).toContain('orgs[1].kind');
    expect(r.err).toContain('memberships[0].from');
    expect(r.out).toContain('未写入任何数据');
  });

  it('imports a valid dataset, exports it back, and the backup holds no plaintext ID number', () => {
    const file = path.join(dataDir, 'good.json');
    fs.writeFileSync(file, JSON.stringify(dataset));
    const r = zhibu('import', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入');
    const out = path.join(dataDir, 'export.json');
    expect(zhibu('export', '-o', out).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.people[0]).toMatchObject({ ref: 'p1', id_number: ID_P1 });
    const backup = path.join(dataDir, 'backup.tar.gz');
    expect(zhibu('backup', backup).code).toBe(0);
    const raw = gunzipSync(fs.readFileSync(backup));
    expect(raw.length).toBeGreaterThan(1_000_000);
    expect(raw.includes(Buffer.from(ID_P1))).toBe(false);
    expect(raw.includes(Buffer.from('张三'))).toBe(true);
  });

  it('audit verify passes, then exits non-zero naming the first altered row', async () => {
    const ok = zhibu('audit', 'verify');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('校验通过');
    const d = await openPGlite(path.join(dataDir, 'pglite'));
    const { rows } = await d.pglite!.query<{ seq: number }>('select min(seq)::int as seq from audit_log');
    await d.pglite!.query(`update audit_log set actor_name = '篡改' where seq = $1`, [rows[0].seq]);
    await d.close();
    const broken = zhibu('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`seq=${rows[0].seq}`);
  });
});
