import type { Page } from 'playwright-core';

/** The org tree and org page. */
export class OrgsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/orgs`);
    await this.page.getByTestId('org-tree').waitFor();
    await this.node(/./).first().waitFor();
  }

  node(name: string | RegExp) {
    return this.page.getByTestId('org-tree-node').filter({ hasText: name });
  }

  /** Expands the tree node whose title contains `name` (no-op when already open). */
  async expand(name: string) {
    const treeNode = this.page.locator('.ant-tree-treenode', { has: this.node(name) }).first();
    const switcher = treeNode.locator('.ant-tree-switcher');
    if (await switcher.evaluate((el) => el.classList.contains('ant-tree-switcher_open'))) return;
    await switcher.click();
  }

  async open(name: string) {
    await this.node(name).first().click();
    await this.page.getByTestId('org-name').filter({ hasText: name }).waitFor();
  }

  async search(text: string) {
    await this.page.getByTestId('org-search').locator('input').fill(text);
    await this.page.getByTestId('org-search-hit').first().waitFor();
  }
}
