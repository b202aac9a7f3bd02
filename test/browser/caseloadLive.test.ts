import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { api } from '../utils/http.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/**
 * The coordinator's caseload is live (SPEC CL10): when a colleague records a red
 * observation on a board, the open caseload's row changes to red without a reload, and is
 * marked as just updated.
 */
describe.skipIf(!browserTestsEnabled)('a live caseload in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let sevda: Page;

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir, projectionDebounceMs: 50 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, 'sevda');
    sevda = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a red observation on a board turns that row red on the open caseload, marked, without a reload', async () => {
    await sevda.goto(`${server.url}/`);
    const row = sevda.locator('tr').filter({ has: sevda.getByRole('link', { name: 'Ahmet Yılmaz' }) });
    await row.waitFor();
    const before = await row.locator('td').first().textContent();
    expect(before).not.toContain('Rood');
    let reloads = 0;
    sevda.on('framenavigated', () => reloads++);

    // Nadia, on another computer, records what she saw on Ahmet's board.
    const caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const recorded = await api(
      server,
      userIdOf(server, 'nadia'),
      'POST',
      `/api/cases/${caseId}/observations`,
      {
        state: 'red',
        note: 'Slaapt niet, zegt afspraken af',
      },
    );
    expect(recorded.status).toBe(201);

    await expect.poll(() => row.locator('td').first().textContent(), { timeout: 10_000 }).toContain('Rood');
    await row.getByText('Net bijgewerkt').waitFor();
    expect(reloads).toBe(0);
    // The other rows are not marked.
    expect(await sevda.locator('tr.is-updated').count()).toBe(1);
    await sevda.screenshot({ path: path.join(screenshotDir, 'caseload-live.png'), fullPage: true });
  });
});
