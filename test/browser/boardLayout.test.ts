import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../shared/attention.js';
import { readBoard } from '../../shared/doc/board.js';
import type { Goal } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/**
 * The board comes first (issue 14 #8): the grid right under the header, a jump menu to every part
 * below it, parts that fold away and stay folded, a count per cell and filters over the cards.
 */
describe.skipIf(!browserTestsEnabled)('the board page, grid first, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';
  let goals: Goal[] = [];

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    goals = await server.sync.registry.use(caseDocumentName(caseId), (doc) => readBoard(doc).goals);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (width: number, height = 900): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'nl-NL' });
    await addSessionCookie(context, server, 'youssef');
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    return page;
  };
  const cards = (page: Page) => page.locator('.board-grid .goal-card');

  it('shows the grid on the first screen and reaches its cards before any other part', async () => {
    const page = await open(1280);
    const grid = await page.locator('#board-grid').boundingBox();
    expect(grid!.y).toBeLessThan(450);
    const perspectives = await page.locator('#board-section-perspectives').boundingBox();
    expect(perspectives!.y).toBeGreaterThan(grid!.y);

    // Tab from the top: the first card comes before anything of the perspectives or the signal plan.
    await page.locator('body').focus();
    let presses = 0;
    let where = '';
    while (presses < 60) {
      await page.keyboard.press('Tab');
      presses++;
      where = await page.evaluate(() => {
        const el = document.activeElement;
        if (el?.closest('.goal-card')) return 'card';
        if (el?.closest('#board-section-perspectives, #board-section-signalPlan')) return 'panel';
        return '';
      });
      if (where) break;
    }
    expect(where).toBe('card');
    // The menu before it grew by three links (social map, referrals, shared terms) since this was 48 presses.
    expect(presses).toBeLessThan(35);

    // The jump menu's "Doelen" lands in the grid: one Tab further is a card.
    await page
      .getByRole('navigation', { name: 'Onderdelen van het bord' })
      .getByRole('link', { name: 'Doelen' })
      .press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.board-grid'))).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'board-grid-first.png') });
    await page.context().close();
  });

  it('counts the cards per cell and filters them by owner, status and overdue steps', async () => {
    const page = await open(1280, 1400);
    expect(await cards(page).count()).toBe(goals.length);
    const first = goals[0]!;
    const inCell = goals.filter((g) => g.domain === first.domain && g.phase === first.phase).length;
    const cell = page.locator(`[data-cell="${first.domain}|${first.phase}"]`);
    expect(await cell.locator('.cell-count').textContent()).toBe(
      inCell === 1 ? '1 doel' : `${inCell} doelen`,
    );

    const filters = page.getByRole('group', { name: 'Doelen tonen' });
    const youssefs = goals.filter((g) => g.ownerId === 'prof-youssef-el-amrani');
    expect(youssefs.length).toBeGreaterThan(0);
    await filters.getByLabel('Eigenaar').selectOption({ label: 'Youssef El Amrani' });
    await expect.poll(() => cards(page).count()).toBe(youssefs.length);
    await filters.getByRole('status').getByText(`${youssefs.length} van ${goals.length} doelen`).waitFor();
    const shownIds = await cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-goal-id')));
    expect(shownIds.sort()).toEqual(youssefs.map((g) => g.id).sort());

    await filters.getByRole('button', { name: 'Alle doelen tonen' }).click();
    await expect.poll(() => cards(page).count()).toBe(goals.length);

    const today = localToday();
    const overdue = goals.filter((g) =>
      g.steps.some((s) => !s.done && s.dueDate !== null && s.dueDate < today),
    );
    await filters.getByLabel('Alleen met stappen te laat').check();
    await expect.poll(() => cards(page).count()).toBe(overdue.length);
    await filters.getByLabel('Alleen met stappen te laat').uncheck();

    const active = goals.filter((g) => g.status === 'active');
    await filters.getByLabel('Status').selectOption({ label: 'Actief' });
    await expect.poll(() => cards(page).count()).toBe(active.length);
    await page.screenshot({ path: path.join(screenshotDir, 'board-filtered.png') });
    await page.context().close();
  });

  it('a folded part stays folded after a reload, and the jump menu opens it again', async () => {
    const page = await open(1280);
    const section = page.locator('#board-section-perspectives');
    const heading = section.getByRole('heading', { name: 'Perspectieven', level: 2 });
    await heading.waitFor();
    await section.getByRole('button', { name: 'Perspectieven inklappen' }).click();
    await heading.waitFor({ state: 'hidden' });
    await page.reload();
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    await section.getByRole('button', { name: 'Perspectieven tonen' }).waitFor();
    expect(await heading.isVisible()).toBe(false);

    await page
      .getByRole('navigation', { name: 'Onderdelen van het bord' })
      .getByRole('link', { name: 'Perspectieven' })
      .click();
    await heading.waitFor();
    await page.context().close();
  });

  it('at 360 px the grid still comes right after the header', async () => {
    const page = await open(360, 780);
    const grid = await page.locator('#board-grid').boundingBox();
    const perspectives = await page.locator('#board-section-perspectives').boundingBox();
    expect(grid!.y).toBeLessThan(perspectives!.y);
    // On a phone the filters wait under their summary, one tap away.
    const fold = page.locator('.board-filters-fold');
    expect(await fold.getAttribute('open')).toBeNull();
    await fold.locator('summary').click();
    await page.getByRole('group', { name: 'Doelen tonen' }).getByLabel('Eigenaar').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'board-grid-first-360.png'), fullPage: false });
    await page.context().close();
  });
});
