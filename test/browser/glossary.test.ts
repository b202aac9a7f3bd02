import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, goalText } from '../../shared/doc/board.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

const shared = 'De wijkagent kent de straat en meldt zorgen vroeg bij het sociaal wijkteam.';

describe.skipIf(!browserTestsEnabled)('shared terms in Chromium (SPEC GL1, GL5, GL8)', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';
  const contexts: BrowserContext[] = [];

  const newPage = async (username: string, viewport = { width: 1280, height: 1200 }) => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    await addSessionCookie(context, server, username);
    return context.newPage();
  };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const addTermAsAdmin = async (page: Page) => {
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Begrippen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Begrippen van de wijk' }).waitFor();
    await page.getByRole('button', { name: 'Begrip toevoegen' }).click();
    await page.getByLabel('Begrip', { exact: true }).fill('Wijkagent');
    await page
      .getByLabel('Wat het betekent aan de medische kant')
      .fill('Iemand van de politie die belt als het mis is.');
    await page
      .getByLabel('Wat het betekent aan de sociale kant')
      .fill('De agent die de buurt kent en zorgen signaleert.');
    await page.getByLabel('Samen afgesproken betekenis').fill(shared);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText('Wijkagent is toegevoegd.').waitFor();
    await page.getByRole('row', { name: /Wijkagent/ }).waitFor();
  };

  it('[GL1][GL5] the admin adds a term; the GP’s open board underlines its plural in a goal title and shows the agreed meaning', async () => {
    await addTermAsAdmin(await newPage('beheer'));

    const page = await newPage('youssef');
    let termReads = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/glossary') termReads += 1;
    });
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    // A colleague writes a goal whose title has the plural, while the GP looks at the board.
    const title = 'Contact met de WIJKAGENTEN over de overlast, ook ’s avonds';
    const goalId = await server.sync.registry.use(caseDocumentName(caseId), (doc) => {
      const id = createGoal(doc, { title: '', domain: 'housing', phase: 'rebuilding' });
      goalText(doc, id, 'title').insert(0, title);
      return id;
    });
    const card = page.locator(`[data-goal-id="${goalId}"]`);
    const word = card.locator('.card-title dfn.glossary-term');
    await expect.poll(() => word.count()).toBe(1);
    expect(await word.textContent()).toBe('WIJKAGENTEN');
    // Every text on the board shares one read of the terms: the new card read nothing again.
    expect(termReads).toBe(1);
    // The text itself is unchanged: the title reads (and copies) exactly as written.
    expect(await card.locator('.card-title').textContent()).toBe(title);
    // Its agreed meaning is its accessible description, also before it is shown.
    const tooltip = page.locator(`[id="${await word.getAttribute('aria-describedby')}"]`);
    expect(await tooltip.getAttribute('role')).toBe('tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(false);

    await word.hover();
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain(shared);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.isVisible()).toBe(false);

    await page.mouse.move(0, 0);
    await word.focus();
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/screenshots/glossary-board.png' });

    // In the goal's editor: the field keeps the text, the underline is a picture of it, and the
    // list under the field names the term for the keyboard.
    await card.locator('.card-bottom button').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const field = dialog.locator('input[data-collab]').first();
    expect(await field.inputValue()).toBe(title);
    await expect
      .poll(() => dialog.locator('.glossary-underlines .glossary-mark').first().textContent())
      .toBe('WIJKAGENTEN');
    expect(
      await dialog
        .locator('.glossary-underlines')
        .first()
        .evaluate((el) => getComputedStyle(el).pointerEvents),
    ).toBe('none');
    const listed = dialog.getByRole('list', { name: 'Begrippen in dit veld' }).locator('dfn').first();
    expect(await listed.textContent()).toBe('Wijkagent');
    await listed.focus();
    await expect.poll(() => page.locator('[role="tooltip"]:visible').first().textContent()).toContain(shared);
  });

  it('[GL8] a professional finds a term on the terms page with its meanings side by side', async () => {
    const page = await newPage('nadia', { width: 360, height: 800 });
    await page.goto(`${server.url}/begrippen`);
    await page.getByRole('heading', { level: 1, name: 'Begrippen van de wijk' }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('WIJKAGENT');
    const entry = page.locator('.glossary-entry', { has: page.getByRole('heading', { name: 'Wijkagent' }) });
    await entry.waitFor();
    expect(await entry.locator('.is-shared dd').textContent()).toBe(shared);
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('bestaat-niet-xyz');
    await page.getByText('Geen begrippen gevonden.').waitFor();
  });
});
