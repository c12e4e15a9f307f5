import type { Page } from 'playwright-core';

/** The login page: fill, submit, land in the app. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByTestId('login-form').waitFor();
  }

  async login(username: string, password: string) {
    await this.goto();
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
    await this.page.getByTestId('main-nav').waitFor();
  }

  async logout() {
    await this.page.getByTestId('logout').click();
    await this.page.getByTestId('login-form').waitFor();
  }
}
