import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/** How many updates y-indexeddb holds for a document in this browser. */
const storedUpdates = (page: Page, name: string) =>
  page.evaluate(
    (dbName) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
    name,
  );

describe.skipIf(!browserTestsEnabled)('working while the server is down', () => {
  let server: TestServer;
  let browser: Browser;
  let a: Page;
  let b: Page;
  let caseId: string;

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    // Sevda coordinates this case and Nadia works on it; sessions live in the database, so they
    // survive the server's restart below.
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    const pageOf = async (username: string) => {
      const context = await browser.newContext();
      await addSessionCookie(context, server, username);
      return context.newPage();
    };
    a = await pageOf('sevda');
    b = await pageOf('nadia');
    for (const page of [a, b]) {
      await page.goto(`${server.url}/cases/${caseId}`);
      await page.locator('.board-status').getByText('Live verbonden').waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits made offline show at once, are kept in the browser and merge when the server is back', async () => {
    const switchOf = (page: Page) => page.locator('#switch-refugee');
    const before = await switchOf(a).isChecked();
    const name = `case:${caseId}:shared`;
    const port = server.port;
    await server.close();
    await a
      .locator('.board-status')
      .getByText('Offline: wijzigingen worden in deze browser bewaard')
      .waitFor();

    const storedBefore = await storedUpdates(a, name);
    await switchOf(a).click();
    await expect.poll(() => switchOf(a).isChecked()).toBe(!before);
    await expect.poll(() => storedUpdates(a, name)).toBeGreaterThan(storedBefore);
    expect(await switchOf(b).isChecked()).toBe(before);

    // The goal editor and its "who helps" are fetched after the board showed (bench/bundle.ts):
    // with the server gone they still open, in Dutch, and close again.
    await a.getByRole('button', { name: 'Bewerk doel: Zinvolle dagbesteding na de revalidatie' }).click();
    const editor = a.getByRole('dialog', { name: 'Doel bewerken' });
    await editor.waitFor();
    await editor.getByText('Wie helpt', { exact: true }).first().waitFor();
    await editor.getByRole('button', { name: 'Klaar' }).click();
    await editor.waitFor({ state: 'hidden' });

    server = await startTestServer({
      demoData: true,
      clientDir: server.config.clientDir,
      dataDir: server.dataDir,
      port,
    });
    await a.locator('.board-status').getByText('Live verbonden').waitFor({ timeout: 15_000 });
    await expect.poll(() => switchOf(b).isChecked(), { timeout: 15_000 }).toBe(!before);
  });
});
