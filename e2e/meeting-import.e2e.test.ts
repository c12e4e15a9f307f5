import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { type MeetingSheetRow, meetingXlsx } from '../test/meeting-xlsx.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';
import { MeetingImportModal } from './pages/meeting-import.page.ts';

describe('importing meeting records from a spreadsheet (LIFE-015: gaps kept, marked incomplete)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibu-meeting-import-'));
  const sheet = async (name: string, rows: MeetingSheetRow[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await meetingXlsx(rows));
    return file;
  };
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // A past year, so the demo's current-year checks and ledgers are untouched.
  const row: MeetingSheetRow = {
    heldAt: '2024-05-10 14:30',
    endedAt: '16:00',
    tags: '主题党日',
    place: '党员活动室',
    topic: '历史记录补录',
    agenda: '【第一议题】学习讲话精神',
    minutes: '会议纪要',
  };

  it('shows row/column errors in red, then imports a record lacking 记录人 as incomplete', async () => {
    const { page } = browser;
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji')!;
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    await page.goto(`${baseUrl}/orgs/${branch}`);
    await page.getByRole('tab', { name: '会议记录' }).click();
    const modal = new MeetingImportModal(page);
    await modal.open();

    await modal.upload(
      await sheet('bad.xlsx', [row, { ...row, heldAt: '2024-05-20 14:30', tags: '座谈会' }]),
    );
    expect(await modal.summary().innerText()).toContain('1 行有错误');
    expect(await modal.preview().innerText()).toContain('第 3 行 会议类型');
    expect(await modal.confirmButton().isDisabled()).toBe(true);
    await screenshot(page, 'meeting-import-errors');

    await modal.upload(await sheet('ok.xlsx', [row]));
    expect(await modal.preview().innerText()).toContain('缺少');
    expect(await modal.preview().innerText()).toContain('记录人');
    await screenshot(page, 'meeting-import-preview');
    await modal.confirmButton().click();
    await modal.done().waitFor();
    expect(await modal.done().innerText()).toContain('已新增 1 条');
  });
});
