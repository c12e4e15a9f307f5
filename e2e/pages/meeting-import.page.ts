import type { Page } from 'playwright-core';

/** 导入会议记录 modal on the org page's 会议记录 tab: upload, preview per row, confirm. */
export class MeetingImportModal {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByTestId('meeting-import').click();
    await this.modal().waitFor();
  }

  modal() {
    return this.page.getByTestId('meeting-import-modal');
  }

  async upload(file: string) {
    await this.modal().locator('input[type=file]').setInputFiles(file);
    await this.summary().waitFor();
  }

  summary() {
    return this.page.getByTestId('meeting-import-summary');
  }

  preview() {
    return this.page.getByTestId('meeting-import-preview');
  }

  confirmButton() {
    return this.page.getByTestId('meeting-import-confirm');
  }

  done() {
    return this.page.getByTestId('meeting-import-done');
  }
}
