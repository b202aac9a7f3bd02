import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/doc/board.js';
import type { Goal } from '../../shared/doc/board.js';
import { sqliteDocumentStore } from '../../server/db/documentStore.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { eventually } from '../utils/eventually.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/**
 * Undo takes back only one's own changes, and what someone deleted comes back from a version the
 * board kept by itself, as a new change both screens show (issue "No edit is ever lost", 7).
 */
describe.skipIf(!browserTestsEnabled)('undo and restore in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let sevda: Page;
  let youssef: Page;
  let caseId = '';
  let goals: Goal[];

  const titleOn = (page: Page, goalId: string) => page.locator(`[data-goal-id="${goalId}"] .card-title`);
  const openEditor = async (page: Page, goal: Goal) => {
    await page.getByRole('button', { name: `Bewerk doel: ${goal.title}` }).click();
    return page.getByRole('dialog');
  };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const doc = new Y.Doc();
    for (const u of sqliteDocumentStore(server.db).load(`case:${caseId}:shared`)) Y.applyUpdate(doc, u);
    goals = readBoard(doc).goals;
    browser = await launchChromium();
    const contexts = await Promise.all(
      [0, 1].map(() => browser.newContext({ viewport: { width: 1500, height: 2400 } })),
    );
    [sevda, youssef] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    await addSessionCookie(contexts[0]!, server, 'sevda');
    await addSessionCookie(contexts[1]!, server, 'youssef');
    for (const page of [sevda, youssef]) {
      await page.goto(`${server.url}/cases/${caseId}`);
      await page.locator('.board-status').getByText('Live verbonden').waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Ctrl+Z takes back my typing on both screens and leaves a colleague’s; Ctrl+Shift+Z brings it back', async () => {
    const [mine, theirs] = goals as [Goal, Goal];
    const myEditor = await openEditor(sevda, mine);
    const myTitle = myEditor.getByLabel('Doel (zoals het team het noemt)');
    await myTitle.click();
    await myTitle.press('End');
    await myTitle.pressSequentially(' nu');
    const theirEditor = await openEditor(youssef, theirs);
    const theirTitle = theirEditor.getByLabel('Doel (zoals het team het noemt)');
    await theirTitle.click();
    await theirTitle.press('End');
    await theirTitle.pressSequentially(' ook');
    await eventually(async () =>
      expect(await titleOn(sevda, theirs.id).textContent()).toBe(`${theirs.title} ook`),
    );

    await myTitle.press('Control+z');
    await eventually(async () => expect(await titleOn(youssef, mine.id).textContent()).toBe(mine.title));
    expect(await titleOn(sevda, theirs.id).textContent()).toBe(`${theirs.title} ook`);
    await myTitle.press('Control+Shift+z');
    await eventually(async () =>
      expect(await titleOn(youssef, mine.id).textContent()).toBe(`${mine.title} nu`),
    );
    // The buttons do the same.
    await sevda.getByRole('dialog').getByRole('button', { name: 'Klaar' }).click();
    await sevda.getByRole('button', { name: 'Ongedaan maken' }).click();
    await eventually(async () => expect(await titleOn(youssef, mine.id).textContent()).toBe(mine.title));
    await youssef.getByRole('dialog').getByRole('button', { name: 'Klaar' }).click();
  });

  it('a goal deleted by mistake comes back from an earlier version, on both screens', async () => {
    const goal = goals[2]!;
    sevda.once('dialog', (dialog) => void dialog.accept());
    const editor = await openEditor(sevda, goal);
    await editor.getByRole('button', { name: 'Doel verwijderen' }).click();
    await eventually(async () =>
      expect(await youssef.locator(`[data-goal-id="${goal.id}"]`).count()).toBe(0),
    );

    const panel = sevda.locator('details.versions');
    await panel.locator('summary').click();
    await panel
      .getByRole('button', { name: /Vanzelf bewaard/ })
      .first()
      .click();
    const restore = panel.getByRole('button', { name: `Zet terug: Doel ‘${goal.title}’ (verwijderd)` });
    await restore.waitFor();
    fs.mkdirSync(screenshotDir, { recursive: true });
    await panel.screenshot({ path: path.join(screenshotDir, 'board-versions-restore.png') });
    await restore.click();
    await panel
      .getByRole('status')
      .getByText(/Teruggezet/)
      .waitFor();
    await eventually(async () => expect(await titleOn(youssef, goal.id).textContent()).toBe(goal.title));
    await sevda.screenshot({ path: path.join(screenshotDir, 'board-after-restore.png') });
  });

  it('a read-only member sees the versions but no button to restore', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 2000 } });
    const page = await context.newPage();
    // Demo: the pharmacist may read Ahmet's board only.
    const reader = server.db
      .prepare<[string], { username: string }>(
        `SELECT u.username FROM users u JOIN case_members m ON m.professional_id = u.professional_id
         WHERE m.case_id = ? AND m.access = 'read' LIMIT 1`,
      )
      .get(caseId);
    expect(reader, 'the demo has a read-only member on this case').toBeTruthy();
    await addSessionCookie(context, server, reader!.username);
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    expect(await page.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0);
    const panel = page.locator('details.versions');
    await panel.locator('summary').click();
    await panel
      .getByRole('button', { name: /Vanzelf bewaard/ })
      .first()
      .click();
    await panel.locator('.version-detail h3, .version-detail p').first().waitFor();
    expect(await panel.getByRole('button', { name: /^Zet terug/ }).count()).toBe(0);
    await context.close();
  });
});
