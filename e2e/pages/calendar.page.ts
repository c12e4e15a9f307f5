import type { Locator, Page } from 'playwright-core';

/** 工作台 (待办 + calendar preview), the org month calendar and 我的日历 (with the ICS feed card). */
export class CalendarPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  todoItems(): Locator {
    return this.page.getByTestId('todo-item');
  }

  meetings(): Locator {
    return this.page.getByTestId('month-calendar').first().getByTestId('cal-meeting');
  }

  deadlines(): Locator {
    return this.page.getByTestId('month-calendar').first().getByTestId('cal-deadline');
  }

  /** Waits until no calendar is still loading (its spinner dims the grid). */
  async settled() {
    await this.page
      .locator('[data-testid="month-calendar"] .ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached' });
  }

  drawer(): Locator {
    return this.page.locator('.ant-drawer-open');
  }

  /** Opens the 工作台 and waits for the 待办 list and the calendar preview to load. */
  async gotoHome() {
    await this.page.goto(`${this.baseUrl}/home`);
    await this.page.getByTestId('todo-list').waitFor();
    await this.todoItems().first().waitFor();
  }

  /** Opens an org's month calendar and waits until its meetings are drawn. */
  async gotoOrgCalendar(orgId: string, month: string) {
    await this.page.goto(`${this.baseUrl}/orgs/${orgId}/calendar?month=${month}`);
    await this.meetings().first().waitFor();
  }

  /** Opens 我的日历. */
  async gotoMine(month: string) {
    await this.page.goto(`${this.baseUrl}/me/calendar?month=${month}`);
    await this.page.getByTestId('feed-token-card').waitFor();
  }

  async openMeeting(id: string): Promise<Locator> {
    await this.page.locator(`[data-testid="cal-meeting"][data-meeting-id="${id}"]`).click();
    const detail = this.page.getByTestId('calendar-meeting-detail');
    await detail.waitFor();
    return detail;
  }
}
