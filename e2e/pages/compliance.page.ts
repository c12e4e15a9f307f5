import type { Locator, Page } from 'playwright-core';

/** The compliance dashboard, the branch scorecard and the findings list. */
export class CompliancePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  heatmap(): Locator {
    return this.page.getByTestId('compliance-heatmap');
  }

  /** Opens the dashboard and waits until the heat map has drawn on its canvas. */
  async gotoDashboard(query = '') {
    await this.page.goto(`${this.baseUrl}/compliance${query}`);
    await this.page.locator('[data-testid="compliance-heatmap"][data-ready="true"] canvas').first().waitFor();
    await this.page.getByTestId('compliance-trend').locator('canvas').first().waitFor();
  }

  /** Clicks heat-map row `row` (0 = top) in its last (current) column, using the layout the chart exposes. */
  async clickRow(row: number) {
    const map = this.heatmap();
    const attr = async (name: string) => Number(await map.getAttribute(`data-${name}`));
    const [rowHeight, top, left, right, columns] = await Promise.all(
      ['row-height', 'grid-top', 'grid-left', 'grid-right', 'columns'].map(attr),
    );
    const box = await map.boundingBox();
    if (!box) throw new Error('heat map not visible');
    const cellWidth = (box.width - left - right) / columns;
    await map.scrollIntoViewIfNeeded();
    await map.click({
      position: { x: left + cellWidth * (columns - 0.5), y: top + rowHeight * (row + 0.5) },
    });
  }

  /** Waits for the scorecard of the branch named `name`. */
  async waitForScorecard(name: string) {
    await this.page.getByTestId('scorecard-title').filter({ hasText: name }).waitFor();
    await this.page.getByTestId('scorecard-tree').waitFor();
  }

  statusTags(status: string): Locator {
    return this.page.locator(
      `[data-testid="scorecard-tree"] [data-testid="indicator-status"][data-status="${status}"]`,
    );
  }

  /** Opens the findings list and waits for its first row. */
  async gotoFindings(query = '') {
    await this.page.goto(`${this.baseUrl}/compliance/findings${query}`);
    await this.page.getByTestId('findings-row').first().waitFor();
  }

  /** Opens the "why" drawer of the first finding row and returns it. */
  async openFirstWhy(): Promise<Locator> {
    await this.page.getByTestId('finding-why-open').first().click();
    const why = this.page.getByTestId('finding-why');
    await why.waitFor();
    // the drawer slides in from the right: wait until it has stopped moving
    const viewport = this.page.viewportSize()?.width ?? 0;
    for (let i = 0; i < 50; i++) {
      const box = await why.boundingBox();
      if (box && box.x + box.width <= viewport) break;
      await this.page.waitForTimeout(100);
    }
    await this.page.waitForTimeout(300);
    return why;
  }

  /** Opens a standard pack's page. */
  async gotoPack(id: string): Promise<Locator> {
    await this.page.goto(`${this.baseUrl}/standards/${id}`);
    const doc = this.page.getByTestId('pack-doc');
    await doc.waitFor();
    return doc;
  }
}
