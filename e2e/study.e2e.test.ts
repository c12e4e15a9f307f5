import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';
import { StudyPage } from './pages/study.page.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;

describe('study hours (EDU-001/002)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('a member sees their hours against the 32-hour threshold; short in the previous year', async () => {
    const { page } = browser;
    const dangyuan = account('dangyuan');
    const api = await apiSession(baseUrl, dangyuan.username, dangyuan.password);
    const me = await api.get<{ user: { personId: string } }>('/api/auth/me');
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(dangyuan.username, dangyuan.password);
    const study = new StudyPage(page, baseUrl);
    await study.openPersonStudy(me.user.personId, 2025);
    await expect.poll(() => study.required()).toBe(32);
    await expect.poll(() => study.status().innerText()).toContain('未达标');
    expect(await study.counted()).toBeLessThan(32);
    await screenshot(page, 'study-person');
  });

  it('a secretary adds a record for a member and the branch table lists everyone with the xlsx link', async () => {
    const { page } = browser;
    const shuji = account('shuji');
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    const member = (
      await (
        await apiSession(baseUrl, 'dangyuan', account('dangyuan').password)
      ).get<{
        user: { personId: string };
      }>('/api/auth/me')
    ).user.personId;
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    const study = new StudyPage(page, baseUrl);
    await study.openPersonStudy(member);
    const before = await study.counted();
    await study.addRecord(2.5, '专题学习（e2e）');
    await expect.poll(() => study.counted()).toBe(before + 2.5);
    const rows = await study.openOrgStudy(branch);
    expect(await rows.count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('org-study').innerText()).toContain('达标');
    expect(await page.getByTestId('study-xlsx').getAttribute('href')).toContain('/study.xlsx');
    await screenshot(page, 'study-branch-table');
  });

  it('a secretary sees the points ranking, pending claims and quarterly publications (EDU-007)', async () => {
    const { page } = browser;
    const shuji = account('shuji');
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    await page.goto(`${baseUrl}/orgs/${branch}`);
    await page.getByRole('tab', { name: '积分' }).click();
    const points = page.getByTestId('org-points');
    await points.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => points.innerText()).toContain('已于');
    expect(await points.innerText()).toContain('年度排名');
    await screenshot(page, 'study-points-ranking');
  });
});
