import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';

describe('standard parameters on the org page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('an org admin overrides a parameter for a college with a reason; it shows as a local adjustment', async () => {
    const { page } = browser;
    const zuzhibu = DEMO_ACCOUNTS.find((a) => a.username === 'zuzhibu')!;
    const api = await apiSession(baseUrl, zuzhibu.username, zuzhibu.password);
    const college = await api.orgId(DEMO_ORG_CODES.college);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(zuzhibu.username, zuzhibu.password);
    await page.goto(`${baseUrl}/orgs/${college}`);
    await page.getByRole('tab', { name: '标准参数' }).click();
    const table = page.getByTestId('org-parameters');
    const row = table.locator('tr', { hasText: 'org.branch.maxMembers' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /调\s*整/ }).click();
    await page.locator('.ant-modal input').first().fill('40');
    await page.locator('.ant-modal textarea').fill('学院支部规模从严掌握，便于开展组织生活');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => row.innerText()).toContain('本地调整');
    expect(await row.innerText()).toContain('40');
    await screenshot(page, 'org-parameters-override');
    const after = await api.get<{ items: { key: string; value: unknown; packValue: unknown }[] }>(
      `/api/orgs/${college}/parameters`,
    );
    expect(after.items.find((i) => i.key === 'org.branch.maxMembers')).toMatchObject({
      value: 40,
      packValue: 50,
    });
  });
});
