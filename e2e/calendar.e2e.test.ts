import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { CalendarPage } from './pages/calendar.page.ts';
import { LoginPage } from './pages/login.page.ts';

/** Signs in through the API and records a meeting (a draft, not submitted) for the branch. */
async function recordDraft(baseUrl: string, username: string, password: string, orgId: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/orgs/${orgId}/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      tags: ['committee_meeting'],
      topic: '日历验收：研究年底工作',
      heldAt: '2026-11-23T19:00:00+08:00',
      place: '党员活动室',
    }),
  });
  if (res.status !== 201) throw new Error(`record: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe('calendar and 待办 (issue 3)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('a branch officer sees the month calendar with meetings and the 待办 list', async () => {
    const { page } = browser;
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji')!;
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    const draft = await recordDraft(baseUrl, shuji.username, shuji.password, branch);
    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(shuji.username, shuji.password);
    const cal = new CalendarPage(page, baseUrl);

    await cal.gotoHome();
    const draftTodo = cal.todoItems().filter({ hasText: '日历验收：研究年底工作' });
    await draftTodo.waitFor();
    expect(await draftTodo.innerText()).toMatch(/记录未提交/);
    await cal.meetings().first().waitFor();
    await cal.settled();
    await screenshot(page, 'calendar-home-todos');

    await cal.gotoOrgCalendar(branch, '2026-11');
    expect(await cal.meetings().count()).toBeGreaterThan(1);
    expect(await cal.deadlines().count()).toBeGreaterThan(0);
    await cal.settled();
    await screenshot(page, 'calendar-org-month');
    const detail = await cal.openMeeting(draft);
    await expect.poll(() => detail.innerText()).toContain('日历验收：研究年底工作');
    await expect.poll(() => cal.drawer().innerText()).toContain('出席');
    await screenshot(page, 'calendar-meeting-drawer');

    await cal.gotoMine('2026-11');
    await page.getByTestId('feed-create').click();
    const url = await page.getByTestId('feed-url').inputValue();
    expect(url).toMatch(/\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:${draft}@zhibu`);
    await screenshot(page, 'calendar-mine-feed');
  });
});
