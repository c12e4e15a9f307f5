import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';
import { MeetingsPage } from './pages/meetings.page.ts';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
/** Yesterday in Beijing (the server refuses meetings in the future). */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const PHOTO = {
  name: '会议现场.png',
  mimeType: 'image/png',
  buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256)]),
};
const SIGN_IN = {
  name: '签到表.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n% sign-in\n%%EOF\n'),
};

describe('issue 3, acceptance 1: a 支委会 record from entry to lock and revision', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let branchId: string;
  let roster: { personId: string; name: string }[];
  beforeAll(async () => {
    browser = await openBrowser();
    const shuji = account('shuji');
    const api = await apiSession(baseUrl, shuji.username, shuji.password);
    branchId = await api.orgId(DEMO_ORG_CODES.branch);
    roster = (
      await api.get<{ items: { personId: string; name: string }[] }>(
        `/api/orgs/${branchId}/meetings/roster?date=${yesterday()}`,
      )
    ).items;
  });
  afterAll(() => browser?.close());

  /** Waits for the record page to show a status (writes may queue behind a compliance refresh). */
  const statusIs = (m: MeetingsPage, status: string) =>
    expect
      .poll(
        () =>
          m
            .status()
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toBe(status);

  const as = async (username: string) => {
    const { page } = browser;
    await page.context().clearCookies();
    const a = account(username);
    await new LoginPage(page, baseUrl).login(a.username, a.password);
    return new MeetingsPage(page, baseUrl);
  };

  it('secretary records and submits, parent returns, secretary resubmits, parent locks, secretary revises', async ({
    onTestFailed,
  }) => {
    const { page } = browser;
    onTestFailed(async () => {
      await screenshot(page, 'meeting-workflow-failure');
    });
    expect(roster.length).toBeGreaterThan(3);
    const [host, recorder, away] = roster;

    // 1. the branch secretary records last night's 支委会; without a recorder the submission is refused
    let m = await as('shuji');
    await page.setViewportSize({ width: 390, height: 844 }); // on a phone
    await m.gotoNew(branchId);
    await m.chooseTags('支委会');
    await m.fill({
      topic: '研究11月支部工作',
      heldAt: `${yesterday()} 19:30`,
      endedAt: `${yesterday()} 21:00`,
      place: '文学院党员活动室',
      host: host.name,
      agenda: '第一议题：学习习近平总书记重要讲话精神',
      minutes: '传达学习上级会议精神，研究发展党员工作。',
      decision: '同意确定发展对象人选',
    });
    await m.attendanceRow(away.name).waitFor();
    await m.markAway(away.name, '请假', '外出参加学术会议');
    // a 重大事项 with its speaking order (LIFE-016): the recorder spoke first, the host (secretary) last
    await m.markMajor([recorder.name, host.name]);
    await m.submitForm();
    const refused = page.getByTestId('submit-refused');
    // the first write on a freshly started server may wait for its initial compliance run
    await refused.waitFor({ timeout: 120_000 });
    expect(await refused.innerText()).toMatch(/支委会缺少：.*记录人/);
    await screenshot(page, 'meeting-workflow-1-refused');

    // the secretary adds the recorder and submits again from the same form
    await m.chooseRecorder(recorder.name);
    await m.submitForm();
    await statusIs(m, '待审核');
    const id = m.recordId();
    const shuji = account('shuji');
    const saved = await (await apiSession(baseUrl, shuji.username, shuji.password)).get<{
      agenda: { major?: boolean; speakers?: string[] }[];
    }>(`/api/meetings/${id}`);
    expect(saved.agenda[0]).toMatchObject({ major: true, speakers: [recorder.personId, host.personId] });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await page.getByTestId('meeting-detail-body').innerText()).toContain(
      `${away.name}（外出参加学术会议）`,
    );

    // 2. the parent org (组织部 org admin) finds it in 待审核 and returns it with a comment
    m = await as('zuzhibu');
    await m.gotoReviewQueue();
    const queued = page
      .getByTestId('review-queue')
      .locator('tr', { has: page.locator(`a[href="/meetings/${id}"]`) });
    await queued.waitFor();
    expect(await queued.innerText()).toMatch(/文学院教工第一党支部[\s\S]*支委会[\s\S]*研究11月支部工作/);
    await screenshot(page, 'meeting-workflow-review-queue');
    await queued.getByRole('link', { name: '查看' }).click();
    await m.status().waitFor();
    expect(m.recordId()).toBe(id);
    await m.review('return', '请上传会议签到表并补充表决情况');
    await statusIs(m, '已退回');

    // 3. the secretary sees the comment, corrects (adds the 签到表) and resubmits
    m = await as('shuji');
    await m.gotoRecord(id);
    expect(await page.getByTestId('review-comment-view').innerText()).toContain('请上传会议签到表');
    await m.uploadAttachment('签到表', SIGN_IN);
    await page.getByTestId('meeting-edit').click();
    await m.form.waitFor();
    await page
      .getByTestId('meeting-minutes')
      .fill('传达学习上级会议精神，研究发展党员工作。全体支委一致同意。');
    await m.submitForm();
    await statusIs(m, '待审核');

    // 4. the parent locks it
    m = await as('zuzhibu');
    await m.gotoRecord(id);
    await m.review('lock');
    await statusIs(m, '已审核锁定');

    // 5. the secretary can only revise, with a reason of at least 5 characters
    m = await as('shuji');
    await m.gotoRecord(id);
    expect(await page.getByTestId('meeting-edit').count()).toBe(0);
    await page.getByTestId('meeting-revise').click();
    await m.form.waitFor();
    await page.getByTestId('meeting-place').fill('文学院302会议室');
    await page.getByTestId('meeting-save-revision').click();
    await m.giveReason('改地点');
    await page.getByText('请写明修订理由（至少 5 个字）').waitFor();
    await m.giveReason('会议地点记录有误，按签到表更正');
    await statusIs(m, '已审核锁定');
    const history = page.getByTestId('meeting-revisions');
    await expect
      .poll(() => history.innerText(), { timeout: 30_000 })
      .toContain('会议地点记录有误，按签到表更正');
    expect(await page.getByTestId('meeting-detail-body').innerText()).toContain('文学院302会议室');
    // a photo added to the locked record is a revision too, with its own reason
    await m.uploadAttachment('照片', PHOTO, '补充会议现场照片');
    await expect.poll(() => history.innerText(), { timeout: 30_000 }).toContain('补充会议现场照片');
    await screenshot(page, 'meeting-workflow-2-revised');

    // the revision shows in the audit log of this record
    await page.getByTestId('meeting-audit-link').click();
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.innerText(), { timeout: 30_000 }).toContain('修订');
    const text = await audit.innerText();
    for (const action of ['新建', '提交审核', '审核退回', '添加附件', '审核通过并锁定'])
      expect(text).toContain(action);
    await screenshot(page, 'meeting-workflow-3-audit');
  }, 300_000);
});
