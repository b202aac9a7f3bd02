import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/** A member who may only read a board opens a goal by a button named for what it does (issue 14, item 12). */
describe.skipIf(!browserTestsEnabled)('a goal card for who may only read, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("'Bekijken' is called 'Bekijk doel: …', not 'Bewerk doel: …'", async () => {
    const caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const reader = server.db
      .prepare<[string], { username: string }>(
        `SELECT u.username FROM users u JOIN case_members m ON m.professional_id = u.professional_id
         WHERE m.case_id = ? AND m.access = 'read' LIMIT 1`,
      )
      .get(caseId);
    expect(reader, 'the demo has a read-only member on this case').toBeTruthy();
    const context = await browser.newContext({ viewport: { width: 1400, height: 2000 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, reader!.username);
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();

    const view = page.getByRole('button', { name: /^Bekijk doel: / }).first();
    await view.waitFor();
    expect(await view.textContent()).toBe('Bekijken');
    expect(await page.getByRole('button', { name: /^Bewerk doel/ }).count()).toBe(0);
    await view.click();
    await page.getByRole('dialog').waitFor();
  });
});
