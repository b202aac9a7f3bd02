import fs from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/seed.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/**
 * Signing in as a person does it in Chromium (SPEC AS2, AS4, AS6, AS7): the password strength
 * meter, the wait in words after too many tries, and two-step verification from set-up (scanning
 * is replaced by reading the key off the page) to the second step of the next sign-in.
 */
describe.skipIf(!browserTestsEnabled)('signing in, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' };
  const newPage = async () => (await browser.newContext(contextOptions)).newPage();
  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const code = (secret: string, steps = 0) =>
    generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
  const signInForm = async (page: Page, username: string, password = demoPassword) => {
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    // Production's rule: whoever reads client data signs in with a second step.
    server = await startTestServer({ demoData: true, clientDir, twoFactor: { required: true } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a new password shows its strength in a bar and in words, and why a weak one is weak', async () => {
    const context = await browser.newContext(contextOptions);
    await addSessionCookie(context, server, 'ahmet'); // a client: two-step verification is his choice
    const page = await context.newPage();
    await page.goto(`${server.url}/wachtwoord`);
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }).waitFor();
    const newPassword = page.getByLabel('Nieuw wachtwoord');
    const words = page.locator('#new-strength');

    await newPassword.fill('aaaaaaaaaaaa');
    await expect
      .poll(() => words.textContent())
      .toMatch(/Heel zwak: meteen te raden\. Steeds hetzelfde teken/);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('aaaaaaaaaaaa');
    await page.getByLabel('Je huidige wachtwoord').fill(demoPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('alert').getByText('Dit wachtwoord is te makkelijk te raden.').waitFor();
    await screenshot(page, 'password-weak.png');

    await newPassword.fill('ahmetyilmaz');
    await expect.poll(() => words.textContent()).toMatch(/te kort/);
    await newPassword.fill('ahmetyilmaz1963');
    await expect.poll(() => words.textContent()).toMatch(/eigen naam/);

    await newPassword.fill('de kat slaapt op de vensterbank');
    await expect.poll(() => words.textContent()).toMatch(/Heel sterk/);
    expect(await page.locator('.strength-bar').getAttribute('data-level')).toBe('4');
    await screenshot(page, 'password-strong.png');
    await page.getByRole('heading', { name: 'Overal uitloggen' }).waitFor();
  });

  it('after too many wrong passwords the page says in words how long to wait', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    for (let i = 0; i < 10; i++) {
      await signInForm(page, 'samira', `niet-haar-wachtwoord-${i}`);
      await page.getByRole('alert').getByText('De gebruikersnaam of het wachtwoord klopt niet.').waitFor();
    }
    await signInForm(page, 'samira', demoPassword);
    await page
      .getByRole('alert')
      .getByText(/te vaak .* Probeer het over 15 minuten opnieuw\./)
      .waitFor();
    await screenshot(page, 'login-wait.png');
  });

  it('a professional sets up two-step verification before anything else, and signs in with the code next time', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await signInForm(page, 'youssef');
    // The password alone opens only the set-up: no caseload, no menu.
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
    await page.getByText('Stel daarom eerst tweestapsverificatie in').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await page.goto(`${server.url}/acties`);
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();

    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    const secret = (await page.getByLabel('Sleutel voor de app').textContent())!.replace(/\s/g, '');
    await screenshot(page, 'two-factor-setup.png');
    await page.getByLabel(/Typ de code van 6 cijfers/).fill('000000');
    await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click();
    await page.getByRole('alert').getByText('Deze code klopt niet.', { exact: false }).waitFor();
    await page.getByLabel(/Typ de code van 6 cijfers/).fill(code(secret));
    await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click();
    const codes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    await screenshot(page, 'two-factor-recovery-codes.png');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    // Now the page he asked for opens, and the menu is there.
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();

    // Next time: the password, then the code from the app.
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await signInForm(page, 'youssef');
    await page.getByRole('heading', { level: 1, name: 'Code uit je app' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code');
    await page.getByLabel('Code', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').getByText('Deze code klopt niet.', { exact: false }).waitFor();
    await screenshot(page, 'login-second-step.png');
    await page.getByLabel('Code', { exact: true }).fill(code(secret, 1));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
  });
});
