import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';

/** Words of the other language: a refusal must not mix them in (issue 14, item 12). */
const englishWords = /\b(username|password|wrong|not|signed|the|try|server's)\b/i;
const dutchWords = /\b(gebruikersnaam|wachtwoord|klopt|niet|het|de|probeer)\b/i;

/**
 * A signed-out browser, as everyone meets the app first: the page loads without an error in the
 * console, and a refused sign-in says why in one language, the page's own.
 */
describe.skipIf(!browserTestsEnabled)('signed out, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** A page in a fresh browser, in English when asked; its console errors are collected. */
  const newPage = async (language: 'nl' | 'en' = 'nl') => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (language === 'en')
      await context.addInitScript(() => localStorage.setItem('veelzijdig.language', 'en'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };
  const signIn = async (page: Page, labels: { username: string; password: string; submit: string }) => {
    await page.getByLabel(labels.username).fill('samira');
    await page.getByLabel(labels.password, { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: labels.submit }).click();
    return (await page.getByRole('alert').textContent()) ?? '';
  };
  const dutch = { username: 'Gebruikersnaam', password: 'Wachtwoord', submit: 'Inloggen' };
  const english = { username: 'Username', password: 'Password', submit: 'Sign in' };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a signed-out page loads without an error in the console', async () => {
    const { page, errors } = await newPage();
    const session = page.waitForResponse((r) => r.url().endsWith('/api/session'));
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect((await session).status()).toBe(200);
    expect(errors).toEqual([]);
  });

  it('a wrong password is refused in whole Dutch on the Dutch page', async () => {
    const { page } = await newPage('nl');
    await page.goto(`${server.url}/`);
    const refusal = await signIn(page, dutch);
    expect(refusal).toBe('De gebruikersnaam of het wachtwoord klopt niet.');
    expect(refusal).not.toMatch(englishWords);
  });

  it('a wrong password is refused in whole English on the English page', async () => {
    const { page } = await newPage('en');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const refusal = await signIn(page, english);
    expect(refusal).toBe('The username or password is not right.');
    expect(refusal).not.toMatch(dutchWords);
  });

  it("a sign-in that cannot reach the server says so in Dutch, without the browser's English", async () => {
    const { page } = await newPage('nl');
    await page.goto(`${server.url}/`);
    await page.route('**/api/session', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    const refusal = await signIn(page, dutch);
    expect(refusal).toBe('De server is niet bereikbaar. Kijk of je verbinding hebt en probeer het opnieuw.');
    expect(refusal).not.toMatch(englishWords);
  });
});
