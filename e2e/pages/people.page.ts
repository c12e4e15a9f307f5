import type { Page } from 'playwright-core';

/** People list and person page. */
export class PeoplePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  rows() {
    return this.page.getByTestId('people-row');
  }

  async gotoList() {
    await this.page.goto(`${this.baseUrl}/people`);
    await this.rows().first().waitFor();
  }

  async openPerson(id: string) {
    await this.page.goto(`${this.baseUrl}/people/${id}`);
  }

  async editPhone(phone: string) {
    await this.page.getByTestId('person-edit').click();
    const form = this.page.getByTestId('person-edit-form');
    await form.waitFor();
    await this.page.getByTestId('person-phone').fill(phone);
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await form.waitFor({ state: 'detached' });
  }

  async openAuditTab() {
    await this.page.getByRole('tab', { name: '审计日志' }).click();
    await this.page.getByTestId('audit-table').waitFor();
    return this.page.getByTestId('audit-table');
  }
}
