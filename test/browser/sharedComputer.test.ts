import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/doc/board.js';
import { sqliteDocumentStore } from '../../server/db/documentStore.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/**
 * A shared computer keeps nothing of a client after its person signs out (issue "Close the
 * holes", 8): what is not on the server yet is saved first or the person is told, and another
 * person signing in never finds the previous person's copies.
 */
const keptDocuments = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => /^(case|meeting):/.test(n)),
  );

describe.skipIf(!browserTestsEnabled)('a shared computer', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseId: string;

  /** Signs in as a browser that keeps its cookie would be; the app then reads the session. */
  const signInAs = async (username: string) => {
    await addSessionCookie(context, server, username);
    await page.goto(`${server.url}/`);
    await page.getByText(/^Ingelogd als /).waitFor();
  };
  const openBoard = async () => {
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
  };
  const boardOnServer = () => {
    const doc = new Y.Doc();
    for (const u of sqliteDocumentStore(server.db).load(`case:${caseId}:shared`)) Y.applyUpdate(doc, u);
    return readBoard(doc);
  };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = server.db
      .prepare<[string], { id: string }>('SELECT id FROM cases WHERE client_name = ?')
      .get('Ahmet Yılmaz')!.id;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1800 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signing out wipes every board this browser kept', async () => {
    await signInAs('sevda');
    await openBoard();
    expect(await keptDocuments(page)).toContain(`case:${caseId}:shared`);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    await expect.poll(() => keptDocuments(page)).toEqual([]);
  });

  it('work not on the server yet is named at sign-out, saved when the person tries again, then wiped', async () => {
    await signInAs('sevda');
    await openBoard();
    const goal = boardOnServer().goals[0]!;
    // The server goes away (a restart, a lost network): the page keeps working on its own copy.
    const port = server.port;
    await server.close();
    await page
      .locator('.board-status')
      .getByText(/Offline/)
      .waitFor();
    await page.getByRole('button', { name: `Bewerk doel: ${goal.title}` }).click();
    const title = page.getByRole('dialog').getByLabel('Doel (zoals het team het noemt)');
    await title.click();
    await title.press('End');
    await title.pressSequentially(' (offline)');
    await page.getByRole('dialog').getByRole('button', { name: 'Klaar' }).click();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    const warning = page.getByRole('alertdialog');
    await warning.getByText('Nog niet alles is bewaard').waitFor({ timeout: 20_000 });
    expect(await warning.textContent()).toMatch(/\d borden? /);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'sign-out-unsaved.png') });
    // Still signed in, with the work still on the screen.
    expect(await page.getByText(/^Ingelogd als /).count()).toBe(1);
    expect(await page.locator(`[data-goal-id="${goal.id}"] .card-title`).textContent()).toBe(
      `${goal.title} (offline)`,
    );

    server = await startTestServer({
      demoData: true,
      clientDir: server.config.clientDir,
      dataDir: server.dataDir,
      port,
    });
    await warning.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor({ timeout: 30_000 });
    expect(boardOnServer().goals.find((g) => g.id === goal.id)?.title).toBe(`${goal.title} (offline)`);
    await expect.poll(() => keptDocuments(page)).toEqual([]);
  });

  it('after a session ended by itself, the next person to sign in finds nothing of the previous one', async () => {
    await signInAs('sevda');
    await openBoard();
    expect(await keptDocuments(page)).not.toEqual([]);
    // The session ends on the server (expiry, or signed out everywhere).
    server.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userIdOf(server, 'sevda'));
    await page.goto(`${server.url}/`);
    await page.getByLabel('Gebruikersnaam').waitFor();
    await signInAs('youssef');
    await expect.poll(() => keptDocuments(page)).toEqual([]);
  });
});
