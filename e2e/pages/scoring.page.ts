import type { Locator, Page } from 'playwright-core';

/** The scorecard of one org with its 评分 drawer (MANUAL/SEMI indicators). */
export class ScoringPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(orgId: string, asOf: string) {
    await this.page.goto(`${this.baseUrl}/compliance/orgs/${orgId}?asOf=${asOf}`);
    await this.page.getByTestId('scorecard-tree').waitFor();
  }

  /** The table row of an indicator. */
  row(indicatorId: string): Locator {
    return this.page.locator(`[data-testid="scorecard-row"][data-id="${indicatorId}"]`).first();
  }

  total(): Locator {
    return this.page.getByTestId('scorecard-total-value');
  }

  /** Opens the 评分 drawer of an indicator and returns it. */
  async openDrawer(indicatorId: string): Promise<Locator> {
    await this.row(indicatorId).getByTestId('score-button').click();
    const drawer = this.page.getByTestId('score-drawer');
    await drawer.waitFor();
    return drawer;
  }

  /** Adds the first meeting record of the year offered by the drawer's meeting select. */
  async addFirstMeeting(drawer: Locator): Promise<string> {
    await drawer.getByRole('button', { name: /添加会议记录/ }).click();
    await drawer.getByTestId('evidence-meeting').click();
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const label = (await option.innerText()).trim();
    await option.click();
    await drawer.getByTestId('evidence-meeting').filter({ hasText: label }).waitFor();
    await drawer
      .getByRole('button', { name: /添\s*加/ })
      .last()
      .click();
    await drawer.getByTestId('evidence-item').first().waitFor();
    return label;
  }

  /** Saves the drawer and waits until it has closed. */
  async save(drawer: Locator) {
    await this.page.getByTestId('score-save').click();
    await drawer.waitFor({ state: 'detached' });
  }
}
