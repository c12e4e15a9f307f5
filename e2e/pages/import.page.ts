import type { Page } from 'playwright-core';

/** The roster import page: choose a target org, upload, preview, confirm. */
export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/import`);
    await this.page.getByTestId('import-org').waitFor();
  }

  async chooseOrg(search: string, name: string) {
    await this.page.getByTestId('import-org').click();
    await this.page.keyboard.type(search);
    await this.page.locator('.ant-select-item-option', { hasText: name }).first().click();
  }

  async upload(file: string) {
    await this.page.locator('input[type=file]').setInputFiles(file);
    await this.page.getByTestId('import-summary').waitFor();
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  summary() {
    return this.page.getByTestId('import-summary');
  }

  confirmButton() {
    return this.page.getByTestId('import-confirm');
  }
}
