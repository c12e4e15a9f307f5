import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { SCREENSHOTS, openBrowser, screenshot } from './browser.ts';
import { LedgerPage } from './pages/ledger.page.ts';
import { LoginPage } from './pages/login.page.ts';

/** Pages of a PDF (page objects, not the page-tree node). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('会议记录本 (print ledger) and 年度计划', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it("prints a branch's meeting records of the year: cover, contents, one record a page", async () => {
    const { page } = browser;
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji')!;
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    const ledger = new LedgerPage(page, baseUrl);
    await ledger.openFromOrgPage(branch);
    expect(new URL(page.url()).pathname).toBe(`/orgs/${branch}/ledger`);
    await ledger.goto(branch, 2026);
    await ledger.records.first().waitFor();
    const n = await ledger.records.count();
    expect(n).toBeGreaterThan(5);
    const text = await page.getByTestId('ledger').innerText();
    for (const s of [
      '会议记录本',
      '2026年度',
      '文学院教工第一党支部',
      '目 录',
      '主持人',
      '记录人',
      '应到人数',
      '议程',
      '第一议题',
    ])
      expect(text).toContain(s);
    // The minutes are indented 2em and set in a serif face.
    const indent = await page
      .locator('.zb-ledger-minutes p')
      .first()
      .evaluate((el) => getComputedStyle(el).textIndent);
    expect(indent).toMatch(/px$/);
    expect(Number.parseFloat(indent)).toBeGreaterThan(20);

    const pdfFile = path.join(SCREENSHOTS, 'ledger.pdf');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await ledger.printToPdf(pdfFile);
    expect(await page.getByTestId('ledger-print').isVisible()).toBe(false);
    await page.locator('#r1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ledger-print.png') });
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(n + 2);
    await page.emulateMedia({ media: null });
    await page.getByTestId('ledger').evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ledger-cover.png') });
  }, 240_000);

  it('a secretary generates the annual plan, saves and files it; the parent sees the filing', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    const shuji2 = DEMO_ACCOUNTS.find((a) => a.username === 'shuji2')!;
    const api = await apiSession(baseUrl, shuji2.username, shuji2.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch2);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji2.username, shuji2.password);
    const ledger = new LedgerPage(page, baseUrl);
    await ledger.openPlanTab(branch);
    const year = new Date().getFullYear() + 1;
    await page.getByTestId('org-plan').locator('.ant-input-number input').fill(String(year));
    await page.getByTestId('plan-generate').click();
    const editor = page.getByTestId('plan-editor');
    await editor.waitFor();
    expect(await editor.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(20);
    await editor.getByTestId('plan-theme').first().fill('1月支委会：研究年度工作计划');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-save').isDisabled(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'plan-draft-editor');
    await page.getByTestId('plan-file').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect
      .poll(() => page.getByTestId('plan-status').innerText(), { timeout: 30_000 })
      .toContain('已于');
    expect(await page.getByTestId('plan-table').innerText()).toContain('1月支委会：研究年度工作计划');
    await page.getByTestId('plan-timeline').waitFor();
    await screenshot(page, 'plan-filed-timeline');

    const zuzhibu = DEMO_ACCOUNTS.find((a) => a.username === 'zuzhibu')!;
    const orgApi = await apiSession(baseUrl, zuzhibu.username, zuzhibu.password);
    const root = await orgApi.orgId(zuzhibu.orgCode!);
    const filings = await orgApi.get<{ items: { orgId: string; status: string }[] }>(
      `/api/orgs/${root}/plans?year=${year}`,
    );
    expect(filings.items.find((r) => r.orgId === branch)?.status).toBe('filed');
    expect(filings.items.filter((r) => r.status === 'filed')).toHaveLength(1);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(zuzhibu.username, zuzhibu.password);
    await ledger.openPlanTab(root);
    const table = page.getByTestId('plan-filings');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.innerText()).toContain('报备期限');
    await screenshot(page, 'plan-filings');
  }, 240_000);
});
