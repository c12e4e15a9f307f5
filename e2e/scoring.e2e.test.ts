import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG_CODES } from '../src/services/demo/demo-accounts.ts';
import type { ScorecardResponse, ScoreNode } from '../src/shared/contracts/compliance.contract.ts';
import { apiSession } from './api.ts';
import { openBrowser, screenshot } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';
import { ScoringPage } from './pages/scoring.page.ts';
import { E2E_AS_OF } from './setup.ts';

/**
 * NB.2.6 组织生活会 (SEMI, LIFE-008): the demo packs give the branches only the national baseline, whose
 * human-scored indicators are SEMI (check + confirmation); the 考评 confirms it with a meeting as evidence.
 */
const INDICATOR = 'NB.2.6';

const leaf = (card: ScorecardResponse, id: string): ScoreNode | undefined => {
  const walk = (ns: ScoreNode[]): ScoreNode | undefined => {
    for (const n of ns) {
      if (n.id === id) return n;
      const hit = n.children && walk(n.children);
      if (hit) return hit;
    }
  };
  return walk(card.sections.flatMap((s) => s.indicators));
};

describe('indicator scoring on the scorecard', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('an org admin scores an indicator of a demo branch with a meeting as evidence; the total follows', async () => {
    const { page } = browser;
    const zuzhibu = DEMO_ACCOUNTS.find((a) => a.username === 'zuzhibu')!;
    const api = await apiSession(baseUrl, zuzhibu.username, zuzhibu.password);
    const branch = await api.orgId(DEMO_ORG_CODES.branch);
    const cardUrl = `/api/compliance/scorecard/${branch}?asOf=${E2E_AS_OF}`;
    const before = await api.get<ScorecardResponse>(cardUrl);
    expect(leaf(before, INDICATOR)?.scoring).toMatchObject({ final: null, canFinal: true, period: '2026' });

    await page.context().clearCookies();
    await new LoginPage(page, baseUrl).login(zuzhibu.username, zuzhibu.password);
    const scoring = new ScoringPage(page, baseUrl);
    await scoring.goto(branch, E2E_AS_OF);
    expect(await scoring.row(INDICATOR).innerText()).toContain('待确认');
    expect(await page.getByTestId('scorecard-total').innerText()).toContain('项待评分');

    const drawer = await scoring.openDrawer(INDICATOR);
    expect(await drawer.innerText()).toContain('自评');
    await drawer.getByTestId('score-confirmed').getByText('达标', { exact: true }).click();
    await drawer.locator('textarea').fill('会前谈心谈话、问题清单和整改清单齐全');
    const meeting = await scoring.addFirstMeeting(drawer);
    expect(await drawer.getByTestId('evidence-item').innerText()).toContain('会议记录');
    await screenshot(page, 'scoring-drawer');
    await scoring.save(drawer);

    await expect.poll(() => scoring.row(INDICATOR).innerText()).toContain('达标 · 证据 1');
    const after = await api.get<ScorecardResponse>(cardUrl);
    const scored = leaf(after, INDICATOR)!;
    expect(scored.scoring?.final).toMatchObject({ confirmed: true, scoredBy: expect.any(String) });
    expect(scored.scoring?.final?.evidence).toMatchObject([{ type: 'meeting', kind: 'meeting_record' }]);
    expect(meeting).toContain(scored.scoring!.final!.evidence[0].title.slice(11));
    expect(scored.points?.value).toBe(scored.status === 'not_met' ? 0 : 100);
    expect(after.total!.pending).toBe(before.total!.pending - 1);
    expect(await scoring.total().innerText()).toBe(`${after.total!.value} 分`);
    await scoring.row(INDICATOR).scrollIntoViewIfNeeded();
    await screenshot(page, 'scoring-scorecard');
  });
});
