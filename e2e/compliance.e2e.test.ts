import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_IMPERFECTIONS } from '../src/services/demo/demo-accounts.ts';
import type { DashboardResponse } from '../src/shared/contracts/compliance.contract.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { E2E_AS_OF } from './setup.ts';
import { CompliancePage } from './pages/compliance.page.ts';
import { LoginPage } from './pages/login.page.ts';

const account = (username: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
};

describe('compliance dashboard in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('an org admin sees the heat map of the university and clicks through to a branch scorecard', async () => {
    const { page } = browser;
    const zuzhibu = account('zuzhibu');
    const api = await apiSession(baseUrl, zuzhibu.username, zuzhibu.password);
    const root = await api.orgId('U');
    const query = `orgId=${root}&asOf=${E2E_AS_OF}&granularity=quarter&periods=4`;
    const started = performance.now();
    const dash = await api.get<DashboardResponse>(`/api/compliance/dashboard?${query}`);
    const eightStarted = performance.now();
    await api.get<DashboardResponse>(`/api/compliance/dashboard?${query.replace('periods=4', 'periods=8')}`);
    console.info(
      `dashboard on the demo (${dash.totalRows} branches): 4 quarters ${Math.round(eightStarted - started)} ms, 8 quarters ${Math.round(performance.now() - eightStarted)} ms`,
    );
    expect(dash.rows[0].cells.at(-1)!.violation).toBeGreaterThan(0);
    const flagged = new Set(dash.totalsByRule.map((t) => t.ruleId));
    for (const imperfection of Object.values(DEMO_IMPERFECTIONS))
      expect(flagged).toContain(imperfection.ruleId);

    await new LoginPage(page, baseUrl).login(zuzhibu.username, zuzhibu.password);
    const compliance = new CompliancePage(page, baseUrl);
    await compliance.gotoDashboard(`?asOf=${E2E_AS_OF}`);
    const text = await page.getByTestId('compliance-page').innerText();
    expect(text).toContain('合规看板');
    expect(text).toContain('各党支部问题热力图');
    expect(await page.getByTestId('main-nav').innerText()).toContain('标准包');
    expect(await compliance.heatmap().getAttribute('data-rows')).toBe(String(dash.rows.length));
    expect(await page.getByTestId('compliance-by-rule').innerText()).toContain('ORG-015');
    await screenshot(page, 'compliance-dashboard');

    await compliance.clickRow(0);
    await compliance.waitForScorecard(dash.rows[0].name);
    expect(page.url()).toContain(`asOf=${E2E_AS_OF}`);
    await expect.poll(() => compliance.statusTags('not_met').count()).toBeGreaterThan(0);
    expect(await compliance.statusTags('not_automated').count()).toBeGreaterThan(0);
    const card = await page.getByTestId('scorecard-page').innerText();
    expect(card).toContain('未达标');
    expect(card).toContain('适用标准包');
    await screenshot(page, 'compliance-scorecard');
  });

  it('an auditor reads why a finding was raised (pack parameter and source) and a pack as its document', async () => {
    const { page } = browser;
    const ducha = account('ducha');
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(ducha.username, ducha.password);
    const compliance = new CompliancePage(page, baseUrl);
    const oversized = DEMO_IMPERFECTIONS.oversized;
    await compliance.gotoFindings(`?asOf=${E2E_AS_OF}&ruleId=${oversized.ruleId}&severity=warn`);
    const table = await page.getByTestId('findings-table').innerText();
    expect(table).toContain(oversized.ruleId);
    expect(table).toContain(oversized.description.split('：')[0]);
    expect(table).toContain('提醒');
    const why = await compliance.openFirstWhy();
    const text = await why.innerText();
    expect(text).toContain('参数取值');
    expect(text).toMatch(/org\.branch\.max/);
    expect(text).toContain('人数上限');
    expect(await page.getByTestId('findings-export').getAttribute('href')).toContain('findings.xlsx');
    await screenshot(page, 'compliance-finding-why');

    const doc = await compliance.gotoPack('nwnu-2019-standardization');
    const docText = await doc.innerText();
    expect(docText).toContain('西北师范大学');
    expect(docText).toContain('002_4218fa479c637482.txt');
    expect(await page.getByTestId('pack-tree').innerText()).toContain('来源待核实');
    await page.getByRole('tab', { name: '参数' }).click();
    const params = await page.getByTestId('pack-params').innerText();
    expect(params).toContain('org.branch.maxMembersByCategory');
    expect(params).toContain('national-baseline');
    await screenshot(page, 'standards-pack-doc');
  });
});
