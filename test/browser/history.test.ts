import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, readBoard, updateGoal } from '../../shared/doc/board.js';
import { perspectiveText } from '../../shared/doc/perspectives.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { signIn } from '../utils/accounts.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { connectClient, synced } from '../utils/clients.js';
import type { SyncClient } from '../utils/clients.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/**
 * Sevda has Ahmet's board open; Youssef, the GP, changes a goal from his own screen. Sevda's
 * board says who changed it last, and the history panel tells her in a sentence (SPEC H3).
 */
describe.skipIf(!browserTestsEnabled)('history of the board in Chromium', () => {
  let caseId = '';
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let youssef: SyncClient;
  let goal: { id: string; title: string };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1800 } });
    await addSessionCookie(context, server, 'sevda');
    page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    youssef = connectClient(
      server.url,
      caseDocumentName(caseId),
      new Y.Doc(),
      (await signIn(server, userIdOf(server, 'youssef'))).headers,
    );
    await synced(youssef);
    const first = readBoard(youssef.doc).goals.find((g) => g.status !== 'stalled')!;
    goal = { id: first.id, title: first.title };
  });

  afterAll(async () => {
    youssef?.destroy();
    await browser?.close();
    await server?.close();
  });

  it("shows a colleague's change on the card and, in words, in the history panel", async () => {
    updateGoal(youssef.doc, goal.id, { status: 'stalled' });
    const card = page.locator(`[data-goal-id="${goal.id}"]`);
    await expect
      .poll(() => card.locator('.last-changed').textContent(), { timeout: 10_000 })
      .toMatch(/^Laatst gewijzigd door Youssef El Amrani, (zojuist|\d+ minuten? geleden)$/);

    // By keyboard: to the panel's summary, open it, and to the filter.
    const summary = page.locator('details.history > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Wijzigingen, nieuwste eerst' });
    const sentence = `Youssef El Amrani veranderde de status van ‘${goal.title}’`;
    await list.getByText(sentence).waitFor();

    await page.getByLabel('Wie', { exact: true }).selectOption({ label: 'Youssef El Amrani' });
    await page.getByLabel('Wat', { exact: true }).selectOption({ label: goal.title });
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await expect(list.locator('li').first().textContent()).resolves.toContain(sentence);

    // While the panel is open, a new change is offered, not fetched on its own (each read is logged).
    await page.getByLabel('Wie', { exact: true }).selectOption({ label: 'Iedereen' });
    await page.getByLabel('Wat', { exact: true }).selectOption({ label: 'Alles' });
    addStep(youssef.doc, goal.id, { text: 'Afspraak bij de schuldhulp' });
    const offer = page.getByRole('button', { name: 'Nieuwe wijzigingen tonen' });
    await offer.waitFor({ timeout: 10_000 });
    await offer.focus();
    await page.keyboard.press('Enter');
    await list.getByText(`Youssef El Amrani voegde een stap toe aan ‘${goal.title}’`).waitFor();
    await expect.poll(() => list.locator('li').count()).toBe(2);

    // The open panel passes the automated accessibility check.
    const axe = await new AxeBuilder({ page }).include('details.history').analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.locator('details.history').scrollIntoViewIfNeeded();
    await page.locator('details.history').screenshot({ path: path.join(screenshotDir, 'history-panel.png') });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(screenshotDir, 'history-card.png') });
  });

  it('a perspective says who changed it last', async () => {
    const lens = readBoard(youssef.doc).perspectives.find((p) => p.active)!;
    const text = perspectiveText(youssef.doc, lens.id, 'situation');
    text.insert(text.length, ' Slaapt slecht sinds het ontslag.');
    const card = page.locator('.perspective-card', { has: page.locator(`#perspective-${lens.id}-heading`) });
    await expect
      .poll(() => card.locator('.last-changed').textContent(), { timeout: 10_000 })
      .toMatch(/^Laatst gewijzigd door Youssef El Amrani, /);
    await card.screenshot({ path: path.join(screenshotDir, 'history-perspective.png') });
  });
});
