import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/** Where the others are typing in a shared text shows, with their name (issue 14 #10). */
describe.skipIf(!browserTestsEnabled)('carets of the others in shared text, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, username);
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    return page;
  };

  it('a colleague’s caret shows in the goal’s title with her name, and goes when she leaves the field', async () => {
    const goal = await server.sync.registry.use(caseDocumentName(caseId), (doc) => readBoard(doc).goals[0]!);
    const [youssef, nadia] = await Promise.all([open('youssef'), open('nadia')]);
    for (const page of [youssef, nadia]) {
      await page.getByRole('button', { name: `Bewerk doel: ${goal.title}` }).click();
      await page.getByRole('dialog').waitFor();
    }
    const title = (page: Page) => page.getByRole('dialog').getByLabel('Doel (zoals het team het noemt)');

    // Nadia puts her caret at the start of the title and types there.
    await title(nadia).focus();
    await title(nadia).press('Home');
    await title(nadia).pressSequentially('Nu: ', { delay: 20 });
    const dialog = youssef.getByRole('dialog');
    await dialog.getByText('Nadia Haddou typt hier mee').waitFor();
    const caret = dialog.locator('.remote-caret-name', { hasText: 'Nadia Haddou' });
    await caret.waitFor();
    // Her caret sits after what she typed: left of most of the title, inside the field.
    const field = (await title(youssef).boundingBox())!;
    const at = (await dialog.locator('.remote-caret').boundingBox())!;
    expect(at.x).toBeGreaterThan(field.x);
    expect(at.x).toBeLessThan(field.x + field.width / 2);
    await youssef.screenshot({ path: path.join(screenshotDir, 'carets-goal-title.png') });

    // Youssef types at the end meanwhile: his field keeps its focus and both edits are kept.
    await title(youssef).focus();
    await title(youssef).press('End');
    await title(youssef).pressSequentially(' (gepland)', { delay: 20 });
    expect(
      await youssef.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
      ),
    ).toBeTruthy();
    await expect.poll(() => title(youssef).inputValue()).toBe(`Nu: ${goal.title} (gepland)`);
    await nadia.getByRole('dialog').getByText('Youssef El Amrani typt hier mee').waitFor();

    // Nadia leaves the field: her caret and her name go from his screen.
    await nadia.getByRole('dialog').getByLabel('Status').focus();
    await dialog.getByText('Nadia Haddou typt hier mee').waitFor({ state: 'detached' });
    expect(await dialog.locator('.remote-caret').count()).toBe(0);
    await youssef.context().close();
    await nadia.context().close();
  });
});
