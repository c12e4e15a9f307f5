import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { idCheckChar } from '../src/domain/people/id-number.ts';
import { rosterXlsx } from '../test/xlsx.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { ImportPage } from './pages/import.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { OrgsPage } from './pages/orgs.page.ts';
import { PeoplePage } from './pages/people.page.ts';

const account = (username: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
};

describe('foundation in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('a branch secretary sees only their branch, edits a member (audited) and is refused another branch by URL', async () => {
    const { page } = browser;
    const shuji = account('shuji');
    const admin = await apiSession(baseUrl, 'admin', account('admin').password);
    const ownBranch = await admin.get<{ name: string }>(
      `/api/orgs/${await admin.orgId(DEMO_ORG_CODES.branch)}`,
    );
    const otherBranch = await admin.orgId(DEMO_ORG_CODES.branch2);
    const foreign = await admin.get<{ items: { id: string }[] }>(
      `/api/people?orgId=${otherBranch}&pageSize=1`,
    );

    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    const people = new PeoplePage(page, baseUrl);
    await people.gotoList();
    const rows = await people.rows().allInnerTexts();
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r).toContain(ownBranch.name);
    await screenshot(page, 'secretary-people-list');

    await people.rows().first().locator('a').first().click();
    await page.getByTestId('person-page').waitFor();
    const newPhone = `139${String(Date.now()).slice(-8)}`;
    await people.editPhone(newPhone);
    await expect.poll(() => page.getByTestId('person-info').innerText()).toContain(newPhone);
    const personId = page.url().split('/people/')[1];
    const audit = await people.openAuditTab();
    // poll for the row itself: the empty state's hint also mentions 修改
    await expect.poll(() => audit.innerText()).toContain('支部书记');
    expect(await audit.innerText()).toContain('修改');
    const log = await admin.get<{ items: { action: string; after: { phone?: string } }[] }>(
      `/api/audit?entity=person&entityId=${personId}`,
    );
    expect(log.items.find((i) => i.action === 'update')?.after.phone).toBe(newPhone);

    await people.openPerson(foreign.items[0].id);
    const refused = page.getByTestId('error-result');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('不在您的管理范围内');
    await screenshot(page, 'secretary-refused-other-branch');
  });

  it('an org admin browses the tree and imports a roster: the bad row is named and nothing is written until fixed', async () => {
    const { page } = browser;
    const zuzhibu = account('zuzhibu');
    const api = await apiSession(baseUrl, zuzhibu.username, zuzhibu.password);
    const branchId = await api.orgId(DEMO_ORG_CODES.branch);
    const branch = await api.get<{ name: string }>(`/api/orgs/${branchId}`);
    const college = await api.get<{ name: string }>(`/api/orgs/${await api.orgId(DEMO_ORG_CODES.college)}`);
    const countInBranch = async () =>
      (await api.get<{ total: number }>(`/api/people?orgId=${branchId}&pageSize=1`)).total;

    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(zuzhibu.username, zuzhibu.password);
    const orgs = new OrgsPage(page, baseUrl);
    await orgs.goto();
    await orgs.expand('大学委员会');
    await orgs.open(college.name);
    await expect.poll(() => page.getByTestId('org-counts').innerText()).toMatch(/\d/);
    await screenshot(page, 'org-admin-tree');

    const id17 = '62010219950316003';
    const good = {
      name: '导入测试甲',
      gender: '男',
      idNumber: id17 + idCheckChar(id17),
      status: '正式党员',
      statusFrom: '2020-07-01',
    };
    const bad = { name: '导入测试乙', gender: '女', status: '预备党员', statusFrom: '2025-02-30' };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-roster-'));
    const badFile = path.join(dir, '花名册-有错误.xlsx');
    const fixedFile = path.join(dir, '花名册-已修正.xlsx');
    fs.writeFileSync(badFile, await rosterXlsx([good, bad]));
    fs.writeFileSync(fixedFile, await rosterXlsx([good, { ...bad, statusFrom: '2025-02-28' }]));
    const before = await countInBranch();

    const importPage = new ImportPage(page, baseUrl);
    await importPage.goto();
    await importPage.chooseOrg(DEMO_ORG_CODES.branch, branch.name);
    await importPage.upload(badFile);
    const preview = importPage.preview();
    await expect.poll(() => preview.innerText()).toContain('状态开始日期');
    expect(await preview.innerText()).toContain('2025-02-30');
    expect(await importPage.summary().innerText()).toMatch(/1/);
    expect(await importPage.confirmButton().isDisabled()).toBe(true);
    await screenshot(page, 'import-preview-bad-row');
    expect(await countInBranch()).toBe(before);

    await importPage.upload(fixedFile);
    await expect.poll(() => importPage.confirmButton().isDisabled()).toBe(false);
    await importPage.confirmButton().click();
    await page.getByTestId('import-success').waitFor();
    expect(await countInBranch()).toBe(before + 2);
    await screenshot(page, 'import-success');
  });
});
