import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/doc/board.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import * as Y from 'yjs';
import { sqliteDocumentStore } from '../../server/db/documentStore.js';
import { addSessionCookie, signInThroughForm } from './session.js';

/** The cell (`domain|phase`) a goal card is shown in on this page. */
const cellOf = (page: Page, goalId: string) =>
  page
    .locator(`[data-goal-id="${goalId}"]`)
    .evaluate((el) => el.closest('[data-cell]')?.getAttribute('data-cell'));

describe.skipIf(!browserTestsEnabled)('case board in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let pages: Page[];
  let caseId: string;
  let goalIds: string[];

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    // Sevda coordinates this case and Youssef, the GP, is a member who may write.
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const doc = new Y.Doc();
    for (const u of sqliteDocumentStore(server.db).load(`case:${caseId}:shared`)) Y.applyUpdate(doc, u);
    goalIds = readBoard(doc).goals.map((g) => g.id);
    browser = await launchChromium();
    // Two separate browser contexts: two people, no shared storage between them.
    const contexts = await Promise.all(
      [0, 1].map(() => browser.newContext({ viewport: { width: 1600, height: 2600 } })),
    );
    pages = await Promise.all(contexts.map((c) => c.newPage()));
    await signInThroughForm(pages[0]!, server, 'sevda');
    await addSessionCookie(contexts[1]!, server, 'youssef');
    for (const page of pages) {
      await page.goto(`${server.url}/cases/${caseId}`);
      await page.locator('.board-status').getByText('Live verbonden').waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the board with every goal of the client', async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    await pages[0]!.screenshot({ path: path.join(screenshotDir, 'board.png'), fullPage: true });
    for (const id of goalIds)
      await expect(pages[0]!.locator(`[data-goal-id="${id}"]`).count()).resolves.toBe(1);
  });

  it('a card dragged by mouse in one browser moves in the other', async () => {
    const [a, b] = pages as [Page, Page];
    const goalId = goalIds[0]!;
    const from = await cellOf(a, goalId);
    const target = from === 'housing|rebuilding' ? 'work|sustaining' : 'housing|rebuilding';
    // The grid sits below the panels; bring it to the top of the window so every cell is reachable.
    await a.locator('.board-grid').evaluate((grid) => grid.scrollIntoView({ block: 'start' }));
    const card = (await a.locator(`[data-goal-id="${goalId}"] .card-title`).boundingBox())!;
    await a.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await a.mouse.down();
    // Like a person, steer towards where the target cell is now: cells grow and shrink while a
    // card is carried over them.
    const steps = 15;
    let x = card.x + card.width / 2;
    let y = card.y + card.height / 2;
    for (let i = 1; i <= steps; i++) {
      const cell = (await a.locator(`[data-cell="${target}"]`).boundingBox())!;
      const [tx, ty] = [cell.x + cell.width / 2, cell.y + cell.height / 2];
      x += (tx - x) / (steps - i + 1);
      y += (ty - y) / (steps - i + 1);
      await a.mouse.move(x, y);
    }
    await a.mouse.up();
    await expect.poll(() => cellOf(a, goalId)).toBe(target);
    await expect.poll(() => cellOf(b, goalId), { timeout: 5_000 }).toBe(target);
  });

  it('a card moved by keyboard in one browser moves in the other', async () => {
    const [a, b] = pages as [Page, Page];
    const goalId = goalIds[1]!;
    const from = (await cellOf(a, goalId))!;
    const [domain, phase] = from.split('|');
    const phases = ['treatment', 'transition', 'rebuilding', 'sustaining'];
    const direction = phase === 'sustaining' ? 'ArrowLeft' : 'ArrowRight';
    const expected = `${domain}|${phases[phases.indexOf(phase!) + (direction === 'ArrowRight' ? 1 : -1)]}`;
    await a.locator(`[data-goal-id="${goalId}"] .drag-handle`).focus();
    const liveRegion = a.locator('[id^="DndLiveRegion"]');
    await a.keyboard.press('Space');
    // A screen-reader user hears the card was picked up before moving it.
    await expect.poll(() => liveRegion.textContent()).toContain('opgepakt');
    await a.keyboard.press(direction);
    await expect.poll(() => liveRegion.textContent()).toContain('is nu bij');
    await a.keyboard.press('Space');
    await expect.poll(() => liveRegion.textContent()).toContain('neergezet');
    await expect.poll(() => cellOf(a, goalId)).toBe(expected);
    await expect.poll(() => cellOf(b, goalId), { timeout: 5_000 }).toBe(expected);
  });

  it('a card moved down in its own cell by keyboard keeps its new place, in both browsers', async () => {
    const [a, b] = pages as [Page, Page];
    const orderIn = (page: Page, cell: string) =>
      page
        .locator(`[data-cell="${cell}"] .goal-card`)
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-goal-id')));
    const cells = await a
      .locator('[data-cell]')
      .evaluateAll((els) =>
        els.filter((el) => el.querySelectorAll('.goal-card').length >= 2).map((el) => el.dataset.cell!),
      );
    const cell = cells[0]!;
    const [first, second, ...rest] = await orderIn(a, cell);
    await a.locator(`[data-goal-id="${first}"] .drag-handle`).focus();
    const liveRegion = a.locator('[id^="DndLiveRegion"]');
    await a.keyboard.press('Space');
    await expect.poll(() => liveRegion.textContent()).toContain('opgepakt');
    await a.keyboard.press('ArrowDown');
    await expect.poll(() => liveRegion.textContent()).toContain('is nu bij');
    await a.keyboard.press('Space');
    await expect.poll(() => liveRegion.textContent()).toContain('neergezet');
    const expected = [second, first, ...rest];
    await expect.poll(() => orderIn(a, cell)).toEqual(expected);
    await expect.poll(() => orderIn(b, cell), { timeout: 5_000 }).toEqual(expected);
  });

  it('a step added by keyboard takes the focus, so a typed sentence becomes one step (issue 14, item 7)', async () => {
    const b = pages[1]!;
    const goalId = goalIds[2]!;
    const boardNow = () =>
      server.sync.registry.use(`case:${caseId}:shared`, (doc) =>
        readBoard(doc).goals.find((g) => g.id === goalId)!,
      );
    const before = await boardNow();
    await b.getByRole('button', { name: `Bewerk doel: ${before.title}` }).click();
    await b.getByRole('button', { name: /Stap toevoegen/ }).focus();
    await b.keyboard.press('Enter');
    await b.keyboard.type('Bel de huisarts op maandag');
    const index = before.steps.length + 1;
    await expect
      .poll(() => b.getByLabel(`Stap ${index}`, { exact: true }).inputValue())
      .toBe('Bel de huisarts op maandag');
    await expect
      .poll(async () => (await boardNow()).steps.map((step) => step.text))
      .toEqual([...before.steps.map((step) => step.text), 'Bel de huisarts op maandag']);
    await b.getByRole('button', { name: 'Klaar' }).click();
  });

  it('quick add in a cell: Escape leaves nothing behind, Enter makes a goal and opens the next (issue 14, item 6)', async () => {
    const [a, b] = pages as [Page, Page];
    const cell = 'Werk en dagbesteding, Volhouden';
    const titles = () =>
      server.sync.registry.use(`case:${caseId}:shared`, (doc) => readBoard(doc).goals.map((g) => g.title));
    const before = await titles();
    await a.getByRole('button', { name: `Nieuw doel bij ${cell}` }).click();
    await a.getByLabel(`Titel van het nieuwe doel bij ${cell}`).waitFor();
    await a.keyboard.press('Escape');
    await a.getByRole('button', { name: `Nieuw doel bij ${cell}` }).waitFor();
    expect(await titles()).toEqual(before);

    await a.getByRole('button', { name: `Nieuw doel bij ${cell}` }).click();
    await a.keyboard.type('Twee ochtenden vrijwilligerswerk');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Een vaste werkplek in de buurt');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Escape');
    const made = ['Twee ochtenden vrijwilligerswerk', 'Een vaste werkplek in de buurt'];
    await expect.poll(async () => (await titles()).sort()).toEqual([...before, ...made].sort());
    // The other person sees both cards, titled as typed (no placeholder text left in them).
    for (const title of made) await b.getByRole('button', { name: `Bewerk doel: ${title}` }).waitFor();
  });
});
