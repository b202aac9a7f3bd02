import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, signInThroughForm, userIdOf } from './session.js';

/** Ahmet Yılmaz's case; demo ids are random, so it is looked up once the server runs. */
let caseId = '';
const hiddenGoal = 'Zinvolle dagbesteding na de revalidatie';
const hiddenGoalWords = 'Ik wil niet alleen maar thuis op de bank zitten.';
const visibleGoalWords = 'Ik wil weer naar de moskee kunnen lopen.';

describe.skipIf(!browserTestsEnabled)('pages for each role in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** Sevda, the coordinator of Ahmet's case; stays open so the client's plan can follow her edits. */
  let coordinator: Page;

  const contextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' };
  const newPage = async () => (await browser.newContext(contextOptions)).newPage();
  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const setVisibleToClient = async (page: Page, title: string, visible: boolean) => {
    await page.getByRole('button', { name: `Bewerk doel: ${title}` }).click();
    await page.getByLabel('Zichtbaar voor de cliënt').setChecked(visible);
    await page.getByRole('button', { name: 'Klaar' }).click();
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator keeps teams and accounts, and a new colleague signs up with the link', async () => {
    const admin = await newPage();
    await signInThroughForm(admin, server, 'beheer');
    await admin.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    const teams = admin.getByRole('table', { name: 'Teams' });
    await teams.getByRole('rowheader', { name: 'Eerstelijnsteam Molenwijk' }).waitFor();
    await admin.getByLabel('Zoek een professional').fill('sevda');
    await admin.getByRole('button', { name: 'Zoeken', exact: true }).first().click();
    await admin
      .getByRole('table', { name: 'Professionals' })
      .getByRole('rowheader', { name: 'Sevda Kaya' })
      .waitFor();

    await admin.locator('#team-name').fill('Buurtteam Noord');
    await admin.getByLabel('Soort team', { exact: true }).selectOption('neighbourhood-team');
    await admin.getByRole('button', { name: 'Team toevoegen' }).click();
    await teams.getByRole('rowheader', { name: 'Buurtteam Noord' }).waitFor();

    await admin.locator('#new-professional-name').fill('Lisa de Wit');
    await admin.locator('#new-professional-roleTitle').fill('Ergotherapeut');
    await admin.locator('#new-professional-side').selectOption('medical');
    await admin.locator('#new-professional-teamId').selectOption({ label: 'Eerstelijnsteam Molenwijk' });
    await admin.locator('#new-professional-phone').fill('06-12345678');
    await admin.locator('#new-professional-email').fill('lisa@example.org');
    await admin.locator('#new-professional-username').fill('lisa.dewit');
    await admin.getByRole('button', { name: 'Professional aanmaken' }).click();
    const link = await admin.getByLabel('Eenmalige link voor Lisa de Wit').inputValue();
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
    await admin.getByLabel('Zoek een professional').fill('lisa');
    await admin.getByRole('button', { name: 'Zoeken', exact: true }).first().click();
    await admin
      .getByRole('table', { name: 'Professionals' })
      .getByRole('rowheader', { name: 'Lisa de Wit' })
      .waitFor();

    // Everything the administrator did is in the access log, and a filter narrows it to them.
    await admin.getByLabel('Gebruikers-id').fill(userIdOf(server, 'beheer'));
    await admin.getByRole('button', { name: 'Zoeken in het toegangslog' }).click();
    const log = admin.getByRole('table', { name: 'Toegangslog' });
    await log.getByRole('cell', { name: 'Account aangemaakt' }).waitFor();
    expect(await log.getByRole('cell', { name: 'Functioneel beheer' }).count()).toBeGreaterThan(0);
    await screenshot(admin, 'admin.png');

    // The link is made with the server's public address: the one this test server listens on.
    expect(link.startsWith(`${server.url}/invitation/`)).toBe(true);
    const invitation = link;
    const newcomer = await newPage();
    await newcomer.goto(invitation);
    await newcomer.getByRole('heading', { name: 'Welkom, Lisa de Wit' }).waitFor();
    await newcomer.getByText('lisa.dewit', { exact: true }).waitFor();
    await newcomer.getByLabel('Kies een wachtwoord').fill('een lange zin als wachtwoord');
    await newcomer.getByLabel('Herhaal het nieuwe wachtwoord').fill('een andere zin als wachtwoord');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await newcomer.getByText('De twee nieuwe wachtwoorden zijn niet hetzelfde.').waitFor();
    await screenshot(newcomer, 'invitation.png');
    await newcomer.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lange zin als wachtwoord');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await newcomer.getByText('Ingelogd als Lisa de Wit').waitFor();
    await newcomer.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();

    await newcomer.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await newcomer.getByLabel('Je huidige wachtwoord').fill('niet mijn wachtwoord');
    await newcomer.getByLabel('Nieuw wachtwoord').fill('nog een lange zin als wachtwoord');
    await newcomer.getByLabel('Herhaal het nieuwe wachtwoord').fill('nog een lange zin als wachtwoord');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.getByText('Je huidige wachtwoord klopt niet.').waitFor();
    await newcomer.getByLabel('Je huidige wachtwoord').fill('een lange zin als wachtwoord');
    await newcomer.getByLabel('Nieuw wachtwoord').fill('nog een lange zin als wachtwoord');
    await newcomer.getByLabel('Herhaal het nieuwe wachtwoord').fill('nog een lange zin als wachtwoord');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.getByText('Je wachtwoord is gewijzigd.').waitFor();
    await screenshot(newcomer, 'password.png');

    // The link works once.
    await newcomer.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await newcomer.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await newcomer.goto(invitation);
    await newcomer.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
  });

  it('the coordinator sees the team, records consent, and a compartment follows that consent', async () => {
    coordinator = await newPage();
    coordinator.on('dialog', (dialog) => void dialog.accept());
    await signInThroughForm(coordinator, server, 'sevda');
    await coordinator.getByRole('link', { name: 'Ahmet Yılmaz' }).click();
    await coordinator.locator('.board-status').getByText('Live verbonden').waitFor();
    // One goal is for the team only (the client's plan must not show it).
    await setVisibleToClient(coordinator, hiddenGoal, false);

    const team = coordinator.getByRole('region', { name: 'Team rond deze cliënt' });
    await team.getByRole('button', { name: 'Youssef El Amrani', exact: true }).waitFor();
    expect(await coordinator.getByLabel('Toegang van Linh Nguyen').inputValue()).toBe('read');
    await team.getByRole('heading', { name: 'Cliënt uitnodigen' }).waitFor();

    // Sevda works in the social domain: she gets the social compartment, not the medical one.
    const social = coordinator.getByRole('region', { name: /^Sociaal \(alleen zichtbaar/ });
    await social.getByText('Live verbonden').waitFor();
    expect(await coordinator.getByRole('region', { name: /^Medisch \(alleen zichtbaar/ }).count()).toBe(0);
    await social.getByRole('button', { name: 'Sociale notitie toevoegen' }).click();
    // The new note has the focus, so typing goes straight into it.
    const note = social.getByRole('textbox', { name: /^Notitie van Sevda Kaya/ });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await coordinator.keyboard.type('Ahmet wil niet dat zijn schulden met de huisarts besproken worden.');

    // Youssef, the GP, does not receive the social notes until Ahmet consents.
    const gp = await (async () => {
      const context = await browser.newContext(contextOptions);
      await addSessionCookie(context, server, 'youssef');
      return context.newPage();
    })();
    await gp.goto(`${server.url}/cases/${caseId}`);
    await gp.locator('.board-status').getByText('Live verbonden').waitFor();
    await gp.getByRole('region', { name: /^Medisch \(alleen zichtbaar/ }).waitFor();
    expect(await gp.getByRole('region', { name: /^Sociaal \(alleen zichtbaar/ }).count()).toBe(0);

    // Sevda records Ahmet's spoken consent for him: the social notes are hers to share, never the
    // medical ones (her own side would receive them, SPEC A7).
    expect(await coordinator.locator('#consent-compartment option').allTextContents()).toEqual([
      'Sociale notities',
    ]);
    await coordinator.getByLabel('Mondeling').check();
    await coordinator.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const consents = coordinator.getByRole('table', { name: 'Toestemming om te delen' });
    await consents.getByRole('cell', { name: 'iedereen in het medische domein', exact: true }).waitFor();

    // The GP's open board follows at once (the consent list is live), without a reload.
    const shared = gp.getByRole('region', { name: /^Sociaal \(alleen zichtbaar/ });
    await shared.getByText('Live verbonden').waitFor();
    await expect
      .poll(() => shared.locator('textarea').first().inputValue())
      .toContain('schulden met de huisarts');

    await screenshot(coordinator, 'board-team.png');

    // Withdrawing the consent closes the GP's compartment at once.
    await consents.getByRole('button', { name: /^Toestemming intrekken: Sociale notities/ }).click();
    await consents.getByText(/^Ingetrokken op .* door Sevda Kaya$/).waitFor();
    await shared.getByText('Geen toegang tot deze notities.').waitFor();
    expect(await shared.locator('textarea').count()).toBe(0);
    await screenshot(gp, 'board-compartment-withdrawn.png');
    await gp.context().close();
  });

  it('the client reads their plan in their own words, live, and sees who looked at their file', async () => {
    const client = await newPage();
    await signInThroughForm(client, server, 'ahmet');
    await client.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();

    const contact = client.getByRole('region', { name: 'Mijn contactpersoon' });
    await contact.getByText('Sevda Kaya', { exact: true }).waitFor();
    await contact.locator('a[href="tel:0631928374"]').waitFor();

    await client.getByRole('heading', { level: 4, name: visibleGoalWords }).waitFor();
    await client.getByRole('heading', { level: 3, name: 'Zorg en gezondheid' }).waitFor();
    expect(await client.getByText(hiddenGoalWords).count()).toBe(0);
    expect(await client.getByText(hiddenGoal).count()).toBe(0);

    const log = client.getByRole('region', { name: 'Wie keek in mijn dossier' });
    await log.getByText('Sevda Kaya', { exact: true }).first().waitFor();
    await screenshot(client, 'my-plan.png');

    // The client's own words reach the team's board.
    const goal = client.locator('.plan-goal').filter({ hasText: 'Klinische revalidatie afronden' });
    await goal.getByRole('heading', { name: 'Ik wil naar huis, naar mijn vrouw.' }).waitFor();
    await goal.getByRole('button', { name: 'Verander je woorden' }).click();
    await goal
      .getByLabel('In mijn eigen woorden')
      .fill('Ik wil naar huis, naar mijn vrouw en kleinkinderen.');
    await goal.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await goal.getByText('Opgeslagen. Je team ziet dit nu ook.').waitFor();
    await client
      .getByRole('heading', { name: 'Ik wil naar huis, naar mijn vrouw en kleinkinderen.' })
      .waitFor();
    await coordinator.getByRole('button', { name: /^Bewerk doel: Klinische revalidatie/ }).click();
    await expect
      .poll(() => coordinator.getByLabel('In de woorden van de cliënt').inputValue())
      .toBe('Ik wil naar huis, naar mijn vrouw en kleinkinderen.');
    await coordinator.getByRole('button', { name: 'Klaar' }).click();

    // When the team shows a goal to the client, the open plan follows without a reload.
    await setVisibleToClient(coordinator, hiddenGoal, true);
    await client.getByRole('heading', { level: 4, name: hiddenGoalWords }).waitFor({ timeout: 10_000 });
  });
});
