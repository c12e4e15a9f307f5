import type { Page } from 'playwright-core';

/** The printed 会议记录本 of a branch and the org page's 年度计划 tab. */
export class LedgerPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  get records() {
    return this.page.getByTestId('ledger-record');
  }

  async goto(orgId: string, year: number) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}/ledger?year=${year}`);
    await this.page.getByTestId('ledger').waitFor();
  }

  /** Opens the ledger from the org page's 会议记录 tab, as a user would. */
  async openFromOrgPage(orgId: string) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}`);
    await this.page.getByRole('tab', { name: '会议记录' }).click();
    await this.page.getByTestId('ledger-open').click();
    await this.page.getByTestId('ledger').waitFor();
  }

  /** The whole document rendered for print (A4) as a PDF. */
  async printToPdf(path: string) {
    await this.page.emulateMedia({ media: 'print' });
    return this.page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: false });
  }

  async openPlanTab(orgId: string) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}`);
    await this.page.getByRole('tab', { name: '年度计划' }).click();
    await this.page.getByTestId('org-plan').waitFor();
  }
}
