import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';

describe('meeting records on the org page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it("a secretary sees the branch's records of the year and opens one", async () => {
    const { page } = browser;
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji')!;
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    await page.goto(`${baseUrl}/orgs/${branch}`);
    await page.getByRole('tab', { name: '会议记录' }).click();
    const rows = page.getByTestId('org-meetings').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    await rows.first().click();
    const drawer = page.getByTestId('meeting-detail');
    await expect.poll(() => drawer.innerText()).toContain('议程');
    await screenshot(page, 'meeting-record-detail');
  });
});
