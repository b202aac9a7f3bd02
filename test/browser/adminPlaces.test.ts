import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/seed.js';
import { withPassword } from '../utils/accounts.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { signInThroughForm } from './session.js';

/**
 * The functional administrator keeps places and people through the admin page, in Dutch, from an
 * empty database (SPEC PP1–PP13): a district with two neighbourhoods, a GP team and a
 * neighbourhood team, the organisations they work for, new colleagues with their one-time links, a refusal that names the field,
 * search, an edit, a leaver whose case then needs a new coordinator, and a password link.
 */
describe.skipIf(!browserTestsEnabled)('places and people, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ clientDir });
    const admin = await server.services.accounts.create({
      username: 'beheer',
      displayName: 'Beheer',
      role: 'admin',
    });
    await withPassword(server, admin, demoPassword);
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
    ).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin creates a district, two neighbourhoods and two teams; a refusal names the field', async () => {
    await signInThroughForm(page, server, 'beheer');
    await page.goto(`${server.url}/beheer`);
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();

    // An empty name is refused, in Dutch, naming the field; the field is marked.
    await page.getByRole('button', { name: 'Wijk toevoegen' }).click();
    await page.getByRole('alert').getByText('Naam van de nieuwe wijk: vul dit in').waitFor();
    expect(await page.getByLabel('Naam van de nieuwe wijk').getAttribute('aria-invalid')).toBe('true');
    await shot('admin-places-refused.png');

    await page.getByLabel('Naam van de nieuwe wijk').fill('Molenwijk');
    await page.getByRole('button', { name: 'Wijk toevoegen' }).click();
    await page.getByText('Wijk Molenwijk is toegevoegd.').waitFor();
    for (const name of ['Noord', 'Zuid']) {
      await page.getByLabel('Wijk van de nieuwe buurt').selectOption({ label: 'Molenwijk' });
      await page.getByLabel('Naam van de nieuwe buurt').fill(name);
      await page.getByRole('button', { name: 'Buurt toevoegen' }).click();
      await page.getByText(`Buurt ${name} is toegevoegd.`).waitFor();
    }
    const places = page.getByRole('table', { name: 'Wijken en buurten' });
    await places.getByRole('rowheader', { name: 'Zuid' }).waitFor();

    // Renamed by keyboard: the button, the new name, Enter.
    await page.getByRole('button', { name: 'Zuid hernoemen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Nieuwe naam voor Zuid').fill('Zuid-Oost');
    await page.keyboard.press('Enter');
    await places.getByRole('rowheader', { name: 'Zuid-Oost' }).waitFor();

    for (const [name, kind, neighbourhood] of [
      ['Huisartsenpraktijk Noord', 'primary-care', 'Noord (Molenwijk)'],
      ['Sociaal wijkteam Zuid', 'neighbourhood-team', 'Zuid-Oost (Molenwijk)'],
    ] as const) {
      await page.getByLabel('Naam van het nieuwe team').fill(name);
      await page.getByLabel('Soort team', { exact: true }).selectOption(kind);
      await page.getByLabel('Buurt van het team').selectOption({ label: neighbourhood });
      await page.getByRole('button', { name: 'Team toevoegen' }).click();
      await page.getByRole('table', { name: 'Teams' }).getByRole('rowheader', { name }).waitFor();
    }
    // An archived neighbourhood leaves the team picker.
    await page.getByRole('button', { name: 'Noord archiveren', exact: true }).click();
    await page.getByText('Noord is gearchiveerd.').waitFor();
    const options = await page.getByLabel('Buurt van het team').locator('option').allTextContents();
    expect(options).toEqual(['Zuid-Oost (Molenwijk)']);
    await page.getByRole('button', { name: 'Noord terugzetten', exact: true }).click();
    await page.getByText('Noord is weer in gebruik.').waitFor();
    await shot('admin-places-teams.png');
  });

  it('the admin adds organisations, which the professional form then offers; an archived one leaves it', async () => {
    const picker = page.locator('#new-professional-organisationId');
    // From an empty database the professional form has no organisation to offer yet.
    expect(await picker.locator('option').allTextContents()).toEqual(['— geen —']);

    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('alert').getByText('Naam van de nieuwe organisatie: vul dit in').waitFor();
    expect(await page.getByLabel('Naam van de nieuwe organisatie').getAttribute('aria-invalid')).toBe('true');
    for (const [name, kind] of [
      ['Huisartsenpraktijk Molenwijk', 'gp-practice'],
      ['Buurtzorg Molenwijk', 'home-care'],
    ] as const) {
      await page.getByLabel('Naam van de nieuwe organisatie').fill(name);
      await page.getByLabel('Soort van de nieuwe organisatie').selectOption(kind);
      await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
      await page.getByText(`Organisatie ${name} is toegevoegd.`).waitFor();
    }
    const organisations = page.getByRole('table', { name: 'Organisaties' });
    await organisations.getByRole('rowheader', { name: 'Buurtzorg Molenwijk' }).waitFor();

    // Renamed by keyboard: the button, the new name, Enter.
    await page.getByRole('button', { name: 'Organisatie Buurtzorg Molenwijk wijzigen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Naam van organisatie Buurtzorg Molenwijk').fill('Thuiszorg Molenwijk');
    await page.keyboard.press('Enter');
    await page.getByText('Organisatie Thuiszorg Molenwijk is opgeslagen.').waitFor();
    await expect
      .poll(() => picker.locator('option').allTextContents())
      .toEqual(['— geen —', 'Huisartsenpraktijk Molenwijk', 'Thuiszorg Molenwijk']);

    await page.getByRole('button', { name: 'Organisatie Thuiszorg Molenwijk archiveren' }).click();
    await page.getByText('Organisatie Thuiszorg Molenwijk is gearchiveerd.').waitFor();
    await page.getByRole('button', { name: 'Organisatie Thuiszorg Molenwijk terugzetten' }).waitFor();
    await expect
      .poll(() => picker.locator('option').allTextContents())
      .toEqual(['— geen —', 'Huisartsenpraktijk Molenwijk']);
    await shot('admin-organisations.png');

    // The admin's own account cannot be disabled from the other accounts.
    const accounts = page.getByRole('table', { name: 'Andere accounts' });
    await accounts
      .getByRole('row', { name: /Beheer/ })
      .getByText('Dit ben jij')
      .waitFor();
  });

  it('the admin creates professionals and reads their one-time links; a leaver is disabled', async () => {
    const links: Record<string, string> = {};
    for (const [name, roleTitle, side, team, username, organisation] of [
      [
        'Joke Visser',
        'Huisarts',
        'medical',
        'Huisartsenpraktijk Noord',
        'joke',
        'Huisartsenpraktijk Molenwijk',
      ],
      ['Samir Amrani', 'Wmo-consulent', 'social', 'Sociaal wijkteam Zuid', 'samir', '— geen —'],
    ] as const) {
      await page.locator('#new-professional-name').fill(name);
      await page.locator('#new-professional-roleTitle').fill(roleTitle);
      await page.locator('#new-professional-side').selectOption(side);
      await page.locator('#new-professional-teamId').selectOption({ label: team });
      await page.locator('#new-professional-organisationId').selectOption({ label: organisation });
      await page.locator('#new-professional-email').fill(`${username}@example.org`);
      await page.locator('#new-professional-username').fill(username);
      await page.getByRole('button', { name: 'Professional aanmaken' }).click();
      links[name] = await page.getByLabel(`Eenmalige link voor ${name}`).inputValue();
      expect(links[name]).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]{20,}$`));
    }
    await page.getByRole('button', { name: 'Link kopiëren' }).first().waitFor();

    // A bad phone number is refused naming the field in Dutch.
    await page.locator('#new-professional-name').fill('Fout Nummer');
    await page.locator('#new-professional-roleTitle').fill('Maatje');
    await page.locator('#new-professional-phone').fill('bel me');
    await page.locator('#new-professional-username').fill('fout');
    await page.getByRole('button', { name: 'Professional aanmaken' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Telefoon: moet een telefoonnummer zijn/)
      .waitFor();
    await shot('admin-professional-refused.png');

    const list = page.getByRole('table', { name: 'Professionals' });
    await page.getByLabel('Zoek een professional').fill('amrani');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).first().click();
    await page.getByText('1 professional gevonden').waitFor();
    await list.getByRole('rowheader', { name: 'Samir Amrani' }).waitFor();

    await page.getByRole('button', { name: 'Samir Amrani wijzigen' }).click();
    await page.locator('#edit-professional-roleTitle').fill('Schuldhulpverlener');
    await page.locator('#edit-professional-phone').fill('020-1234567');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De gegevens van Samir Amrani zijn opgeslagen.').waitFor();
    await list.getByRole('cell', { name: 'Schuldhulpverlener' }).waitFor();

    // Joke coordinates a case; once she leaves, it needs a new coordinator.
    const joke = server.db
      .prepare<[], { id: string }>("SELECT id FROM professionals WHERE name = 'Joke Visser'")
      .get()!.id;
    const neighbourhood = server.db
      .prepare<[], { id: string }>("SELECT id FROM neighbourhoods WHERE name = 'Noord'")
      .get()!.id;
    server.db
      .prepare(
        `INSERT INTO cases (id, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, created_at)
         VALUES ('case-browser', 'Ahmet Yılmaz', 1963, ?, ?, 'stroke', '2026-01-01T00:00:00Z')`,
      )
      .run(neighbourhood, joke);
    await page.getByLabel('Zoek een professional').fill('');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).first().click();
    await page.getByText('2 professionals gevonden').waitFor();
    await page.getByRole('button', { name: 'Account van Joke Visser blokkeren' }).click();
    await page
      .getByText(
        /Joke Visser is geblokkeerd en overal uitgelogd\. 1 casus heeft een nieuwe regievoerder nodig\./,
      )
      .waitFor();
    const orphans = page.getByRole('table', { name: 'Casussen die een nieuwe regievoerder nodig hebben' });
    await orphans.getByRole('rowheader', { name: 'A.Y. (1963)' }).waitFor();
    await shot('admin-leaver.png');
    await page.getByRole('button', { name: 'Account van Joke Visser weer toegang geven' }).click();
    await page.getByText('Joke Visser kan weer inloggen met het eigen wachtwoord.').waitFor();

    await page.getByRole('button', { name: 'Wachtwoordlink maken voor Samir Amrani' }).click();
    const reset = await page.getByLabel('Eenmalige wachtwoordlink voor Samir Amrani').inputValue();
    expect(reset).toMatch(/\/invitation\//);
    await shot('admin-password-link.png');

    // The password link works; Joke's first link stopped working when she was disabled (PP8).
    const newcomer = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await newcomer.goto(reset);
    await newcomer.getByRole('heading', { name: /Samir Amrani/ }).waitFor();
    await newcomer.goto(links['Joke Visser']!);
    await newcomer.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
    await newcomer.context().close();
  });
});
