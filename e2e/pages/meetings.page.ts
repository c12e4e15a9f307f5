import type { Locator, Page } from 'playwright-core';

/** The meeting recording form, the record page with its workflow actions, and the review queue. */
export class MeetingsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  get form() {
    return this.page.getByTestId('meeting-form');
  }

  async gotoNew(orgId: string) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}/meetings/new`);
    await this.form.waitFor();
  }

  async gotoRecord(id: string) {
    await this.page.goto(`${this.baseUrl}/meetings/${id}`);
    await this.page.getByTestId('meeting-status').waitFor();
  }

  /** The id of the record page currently shown. */
  recordId(): string {
    const m = /\/meetings\/([0-9a-f-]{36})$/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not on a record page: ${this.page.url()}`);
    return m[1];
  }

  private async pickOption(select: Locator, text: string) {
    await select.click();
    await this.page.keyboard.type(text);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
  }

  async chooseTags(...labels: string[]) {
    for (const l of labels) await this.pickOption(this.page.getByTestId('meeting-tags'), l);
    await this.page.keyboard.press('Escape');
  }

  async setTime(testId: 'meeting-held-at' | 'meeting-ended-at', value: string) {
    const el = this.page.getByTestId(testId);
    const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first();
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  async fill(v: {
    topic: string;
    heldAt: string;
    endedAt: string;
    place: string;
    host?: string;
    recorder?: string;
    agenda: string;
    minutes: string;
    decision: string;
  }) {
    await this.page.getByTestId('meeting-topic').fill(v.topic);
    await this.setTime('meeting-held-at', v.heldAt);
    await this.setTime('meeting-ended-at', v.endedAt);
    await this.page.getByTestId('meeting-place').fill(v.place);
    if (v.host) await this.pickOption(this.page.getByTestId('meeting-host'), v.host);
    if (v.recorder) await this.pickOption(this.page.getByTestId('meeting-recorder'), v.recorder);
    await this.page.getByTestId('agenda-title').first().fill(v.agenda);
    await this.page.getByTestId('meeting-minutes').fill(v.minutes);
    await this.page.getByRole('button', { name: /添加决议/ }).click();
    await this.page.getByTestId('decision').last().fill(v.decision);
  }

  /** Flags the first agenda item a 重大事项 and records who spoke, in order (LIFE-016, 支委会 only). */
  async markMajor(speakers: string[]) {
    await this.page.getByTestId('agenda-major').first().check();
    const select = this.page.getByTestId('agenda-speakers').first();
    for (const name of speakers) await this.pickOption(select, name);
    await this.page.keyboard.press('Escape');
  }

  async chooseRecorder(name: string) {
    await this.pickOption(this.page.getByTestId('meeting-recorder'), name);
  }

  attendanceRow(name: string) {
    return this.page.getByTestId('attendance-row').filter({ hasText: name });
  }

  /** Marks a person absent or on leave with a reason. */
  async markAway(name: string, status: '缺席' | '请假', reason: string) {
    const row = this.attendanceRow(name);
    await row.getByText(status, { exact: true }).click();
    await row.locator('input[type="text"]').fill(reason);
  }

  async submitForm() {
    await this.page.getByTestId('meeting-submit').click();
  }

  status() {
    return this.page.getByTestId('meeting-status');
  }

  async review(action: 'return' | 'lock', comment?: string) {
    await this.page.getByTestId(action === 'return' ? 'meeting-return' : 'meeting-lock').click();
    const modal = this.page.getByTestId('review-modal');
    if (comment) await modal.getByTestId('review-comment').fill(comment);
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
  }

  /** Confirms the revision modal with a reason. */
  async giveReason(reason: string) {
    const modal = this.page.getByTestId('revision-modal');
    await modal.getByTestId('revision-reason').fill(reason);
    await modal.locator('.ant-btn-primary').click();
  }

  /** Uploads a file; on a locked record `reason` answers the revision modal first. */
  async uploadAttachment(
    kind: '照片' | '签到表',
    file: { name: string; mimeType: string; buffer: Buffer },
    reason?: string,
  ) {
    const panel = this.page.getByTestId('meeting-attachments');
    await panel.locator('.ant-select').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: kind })
      .click();
    await panel.locator('input[type="file"]').setInputFiles(file);
    if (reason) await this.giveReason(reason);
    await panel.getByText(file.name).waitFor();
  }

  async gotoReviewQueue() {
    await this.page.goto(`${this.baseUrl}/meetings/review`);
    await this.page.getByTestId('review-queue').waitFor();
  }
}
