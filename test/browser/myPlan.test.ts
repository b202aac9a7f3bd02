import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { api } from '../utils/http.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/** Ahmet Yılmaz's case; demo ids are random, so it is looked up once the server runs. */
let caseId = '';
const phone = { width: 360, height: 780 };
const desktop = { width: 1280, height: 900 };

/**
 * Stands in for the browser's speech synthesis (headless Chromium has no voices): keeps every
 * utterance, and `__speech.finish()` ends the one being spoken, as the end of speech would.
 */
function stubSpeech() {
  const spoken: SpeechSynthesisUtterance[] = [];
  const speech = {
    spoken,
    speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
    cancel: () => undefined,
    getVoices: () => [],
    finish: () => spoken.at(-1)?.onend?.(new Event('end') as SpeechSynthesisEvent),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  (window as unknown as { __speech: typeof speech }).__speech = speech;
}

describe.skipIf(!browserTestsEnabled)('the client’s own plan in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const newPage = async (viewport: { width: number; height: number }, username?: string) => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    if (username) await addSessionCookie(context, server, username);
    return context.newPage();
  };
  const openPlan = async (viewport = phone) => {
    const page = await newPage(viewport, 'ahmet');
    await page.goto(`${server.url}/mijn-plan`);
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    await page.getByRole('region', { name: 'Wie keek in mijn dossier' }).waitFor();
    await expect.poll(() => page.getByText('Bezig met laden…').count()).toBe(0);
    return page;
  };
  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
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

  it('shows the plan by life domain with whom to call, at 360 px and at desktop width', async () => {
    // Sevda opened the file, so the client sees who looked at it.
    await api(server, userIdOf(server, 'sevda'), 'GET', `/api/cases/${caseId}`);
    const page = await openPlan();
    await page
      .getByRole('region', { name: 'Wie keek in mijn dossier' })
      .getByText('Sevda Kaya')
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'Mijn contactpersoon' }).getByText('Sevda Kaya').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Zorg en gezondheid' }).waitFor();
    await page.getByRole('region', { name: 'Mijn plan als het minder gaat' }).waitFor();
    expect(await page.locator('.plan-domain h3 svg[aria-hidden="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.plan-goal a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.plan-goal .avatar').count()).toBeGreaterThan(0);
    // The self-hosted font is in use (no font CDN: the CSP would block it).
    expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
    await screenshot(page, 'my-plan-360.png');
    const { scrollWidth, clientWidth } = await noSidewaysScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    const wide = await openPlan(desktop);
    await screenshot(wide, 'my-plan-1280.png');
  });

  it('no client page scrolls sideways on a 360 px phone', async () => {
    const signedOut = await newPage(phone);
    const { token } = await server.services.accounts.invite(
      userIdOf(server, 'ahmet'),
      userIdOf(server, 'sevda'),
    );
    const pages: [name: string, page: Page, url: string][] = [
      ['login', signedOut, '/'],
      ['invitation', signedOut, `/invitation/${token}`],
      ['invitation-expired', signedOut, `/invitation/${'x'.repeat(43)}`],
      ['password', await newPage(phone, 'ahmet'), '/wachtwoord'],
      ['my-plan', await newPage(phone, 'ahmet'), '/mijn-plan'],
    ];
    for (const [name, page, url] of pages) {
      await page.goto(`${server.url}${url}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `client-360-${name}.png`);
      const { scrollWidth, clientWidth } = await noSidewaysScroll(page);
      expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }
  });

  it('a question and a face rating, made by keyboard, reach the coordinator’s board live', async () => {
    const board = await newPage(desktop, 'sevda');
    await board.goto(`${server.url}/cases/${caseId}`);
    const voice = board.getByRole('region', { name: 'Stem van de cliënt' });
    await voice.waitFor();

    const client = await openPlan();
    const question = 'Mag mijn zoon mee naar het overleg?';
    await client.getByLabel('Mijn vraag').focus();
    await client.keyboard.type(question);
    await client.keyboard.press('Tab');
    await client.keyboard.press('Enter');
    await client.getByText('Je vraag staat erbij. Je team ziet hem nu ook.').waitFor();
    await voice.getByText(question).waitFor({ timeout: 10_000 });

    // On a phone "Hoe gaat het?" is folded behind its heading: the client opens it first.
    await client.getByRole('button', { name: 'Hoe gaat het?', exact: true }).click();
    const housing = client.getByRole('group', { name: 'Hoe gaat het met: Wonen?' });
    await housing.getByRole('radio', { name: 'Heel slecht' }).focus();
    await client.keyboard.press('ArrowRight');
    expect(await housing.getByRole('radio', { name: 'Slecht', exact: true }).isChecked()).toBe(true);
    await client.keyboard.press('Tab');
    await client.keyboard.type('Het is te druk in huis.');
    await client.keyboard.press('Tab');
    await client.keyboard.press('Enter');
    const row = voice.locator('tr[data-domain="housing"]');
    await row.getByText('Slecht', { exact: true }).waitFor({ timeout: 10_000 });
    await row.getByText('“Het is te druk in huis.”').waitFor();

    // The team's own view sits beside it; a discussed question shows on the client's page.
    await voice.getByLabel('Oordeel van het team: Wonen').selectOption('4');
    await row.getByText('Cliënt en team verschillen 2 stappen').waitFor();
    await voice.getByRole('button', { name: `Markeer als besproken: ${question}` }).click();
    await client.getByText(/^Besproken op .* door Sevda Kaya$/).waitFor({ timeout: 10_000 });
    await screenshot(board, 'board-client-voice.png');
    await voice.screenshot({ path: path.join(screenshotDir, 'board-client-voice-panel.png') });
    await screenshot(client, 'my-plan-360-voice.png');
  });

  it('reads a section aloud in Dutch, highlighting each sentence as it is read', async () => {
    const page = await newPage(phone, 'ahmet');
    await page.addInitScript(stubSpeech);
    await page.goto(`${server.url}/mijn-plan`);
    const section = page.getByRole('region', { name: 'Mijn plan als het minder gaat' });
    // On a phone this part is folded behind its heading: opened, it can be read aloud.
    await section.getByRole('button', { name: 'Mijn plan als het minder gaat', exact: true }).click();
    await section.getByRole('button', { name: 'Lees voor: Mijn plan als het minder gaat' }).click();
    const current = section.locator('.reading[aria-current="true"]');
    const spoken = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __speech: { spoken: SpeechSynthesisUtterance[] } }).__speech;
        return s.spoken.map((u) => ({ text: u.text, lang: u.lang }));
      });
    await expect.poll(async () => (await spoken()).length).toBe(1);
    expect((await spoken())[0]).toEqual({ text: 'Mijn plan als het minder gaat', lang: 'nl-NL' });
    expect(await current.textContent()).toBe('Mijn plan als het minder gaat');

    await page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
    await expect.poll(async () => (await spoken()).length).toBe(2);
    const second = (await spoken())[1]!.text;
    expect(second).toBe('Soms gaat het minder goed.');
    await expect.poll(() => current.textContent()).toBe(second);
    await section.screenshot({ path: path.join(screenshotDir, 'my-plan-read-aloud.png') });

    await section.getByRole('button', { name: 'Stop met voorlezen' }).click();
    await expect.poll(() => current.count()).toBe(0);
    await section.getByRole('button', { name: 'Lees voor: Mijn plan als het minder gaat' }).waitFor();
  });

  it('prints a clean plan, and a crisis card the size of a bank card', async () => {
    // The width of an A4 page inside its margins, so the screenshot shows the printed layout.
    const page = await openPlan({ width: 718, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Wie keek in mijn dossier' }).isVisible()).toBe(false);
    // No controls on paper. A state of the signal plan has its heading as the button that folds it
    // on a screen; on paper that prints as the heading's text.
    const controls = page.locator('.my-plan button:visible, .my-plan form:visible');
    expect(
      await controls.evaluateAll((all) => all.filter((e) => !e.matches('.disclosure-heading > button'))),
    ).toEqual([]);
    await screenshot(page, 'my-plan-print.png');
    const plan = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(screenshotDir, 'my-plan.pdf'), plan);
    expect(pagesOf(plan)).toHaveLength(1);

    await page.evaluate(() => document.documentElement.classList.add('print-crisis-card'));
    const card = page.locator('.crisis-card');
    await card.getByText('Direct gevaar? Bel 112.').waitFor();
    await card.screenshot({ path: path.join(screenshotDir, 'crisis-card-print.png') });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(screenshotDir, 'crisis-card.pdf'), pdf);
    const [size] = pagesOf(pdf);
    expect(pagesOf(pdf)).toHaveLength(1);
    // 85.6 x 54 mm in PDF points (1 mm = 72 / 25.4 pt).
    expect(size!.width).toBeCloseTo((85.6 * 72) / 25.4, 0);
    expect(size!.height).toBeCloseTo((54 * 72) / 25.4, 0);
  });

  it('the crisis card button keeps the card-only layout until the browser has printed', async () => {
    const page = await openPlan();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('beforeprint', () => seen.push(document.documentElement.className));
    });
    await page.getByRole('button', { name: 'Print mijn crisiskaart' }).click();
    const seen = () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    await expect.poll(seen).toEqual(['print-crisis-card']);
    // Headless Chromium leaves its print dialog open: the layout holds until afterprint.
    expect(await page.evaluate(() => document.documentElement.className)).toBe('print-crisis-card');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
  });
});

/** The pages of a PDF, by their MediaBox (enough for Chromium's uncompressed page tree). */
function pagesOf(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [
    ...text.matchAll(
      /\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g,
    ),
  ].map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}
