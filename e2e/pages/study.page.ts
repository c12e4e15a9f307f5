import type { Page } from 'playwright-core';

/** 学习学时 tabs: the person page summary and records, the org page table. */
export class StudyPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  summary() {
    return this.page.getByTestId('study-summary');
  }

  async openPersonStudy(personId: string, year?: number) {
    await this.page.goto(`${this.baseUrl}/people/${personId}`);
    await this.page.getByRole('tab', { name: '学习学时' }).click();
    await this.summary().waitFor();
    if (year) await this.setYear(year);
  }

  async setYear(year: number) {
    const input = this.page.getByTestId('person-study').locator('.ant-input-number input').first();
    await input.fill(String(year));
    await input.press('Enter');
    await input.blur();
  }

  async counted(): Promise<number> {
    return Number(await this.page.getByTestId('study-counted').innerText());
  }

  async required(): Promise<number> {
    return Number(await this.page.getByTestId('study-required').innerText());
  }

  status() {
    return this.page.getByTestId('study-status');
  }

  /** Adds a record through the form (today's date). */
  async addRecord(hours: number, title: string) {
    await this.page.getByTestId('study-add').click();
    const form = this.page.getByTestId('study-form');
    await form.waitFor();
    await this.page.getByTestId('study-hours').fill(String(hours));
    await form.getByLabel('内容').fill(title);
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await form.waitFor({ state: 'detached' });
  }

  async openOrgStudy(orgId: string) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}`);
    await this.page.getByRole('tab', { name: '学习学时' }).click();
    const rows = this.orgRows();
    await rows.first().waitFor();
    return rows;
  }

  orgRows() {
    return this.page.getByTestId('org-study').locator('tbody tr.ant-table-row');
  }
}
