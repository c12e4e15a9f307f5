import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { DEMO_LAPSE } from '../src/services/demo/member-lapse.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';

describe('participation in organizational life on the org page (LIFE-018, LIFE-019)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it("a secretary sees each member's attended/expected records, rate and streak, matching the API", async () => {
    const { page } = browser;
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji')!;
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    const data = await api.get<{ total: { attended: number; expected: number }; members: unknown[] }>(
      `/api/orgs/${branch}/participation?year=2026`,
    );
    expect(data.members.length).toBeGreaterThan(3);
    expect(data.total.expected).toBeGreaterThan(data.members.length);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    await page.goto(`${baseUrl}/orgs/${branch}`);
    await page.getByRole('tab', { name: '组织生活参与' }).click();
    const tab = page.getByTestId('org-participation');
    const rows = tab.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(data.members.length, 50));
    await expect
      .poll(() => page.getByTestId('participation-total').innerText())
      .toContain(`${data.total.attended}/${data.total.expected}`);
    expect(await tab.innerText()).toContain('未设定参与率目标');
    await screenshot(page, 'org-participation');
  });

  it('the organization department sees the demo non-participation case with its LIFE-018 level', async () => {
    const { page } = browser;
    const admin = DEMO_ACCOUNTS.find((a) => a.username === 'zuzhibu')!;
    const api = await apiSession(baseUrl, admin.username, admin.password);
    const org = await api.orgId(DEMO_LAPSE.org);
    const data = await api.get<{ members: { name: string; streakMonths: number; level: string | null }[] }>(
      `/api/orgs/${org}/participation?year=2026`,
    );
    const alerted = data.members.filter((m) => m.level !== null);
    expect(alerted.map((m) => [m.streakMonths, m.level])).toEqual([[DEMO_LAPSE.months, 'warn']]);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(admin.username, admin.password);
    await page.goto(`${baseUrl}/orgs/${org}`);
    await page.getByRole('tab', { name: '组织生活参与' }).click();
    const streak = page.getByTestId('participation-streak');
    await streak.first().waitFor();
    expect(await streak.count()).toBe(1);
    expect(await streak.innerText()).toContain('预警 · LIFE-018');
    // the streak column sorts descending by default: the case is the first row
    const first = page.getByTestId('org-participation').locator('tbody tr.ant-table-row').first();
    expect(await first.innerText()).toContain(alerted[0].name);
    await screenshot(page, 'org-participation-lapse');
  });
});
