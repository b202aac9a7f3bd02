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
const clientName = 'Ahmet Yılmaz';
const amberSign = 'Laat de post ongeopend liggen.';
const movedGoal = 'Fysiotherapie aan huis na ontslag, gericht op buiten lopen';
const observed = 'Ahmet sliep slecht, vergat twee keer zijn medicijnen en liet de post liggen.';

describe.skipIf(!browserTestsEnabled)('signal plan, observations and the caseload in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** Sevda coordinates Ahmet's case; Youssef, his GP, leads the patient perspective. */
  let coordinator: Page;
  let gp: Page;
  let beforeObservation: string;

  const contextOptions = { viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' };
  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const openPlan = async (page: Page) => {
    const details = page.locator('details.signal-plan-details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  };

  const openObservations = async (page: Page) => {
    const details = page.locator('.observations > details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
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

  it('the coordinator writes the signal plan and records amber; a colleague sees both live and is told', async () => {
    coordinator = await (await browser.newContext(contextOptions)).newPage();
    await signInThroughForm(coordinator, server, 'sevda');
    // The caseload is the home page, and a client's name leads to their board.
    await coordinator.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await coordinator.getByRole('link', { name: clientName }).click();
    await coordinator.locator('.board-status').getByText('Live verbonden').waitFor();

    const gpContext = await browser.newContext(contextOptions);
    await addSessionCookie(gpContext, server, 'youssef');
    gp = await gpContext.newPage();
    await gp.goto(`${server.url}/cases/${caseId}`);
    await gp.locator('.board-status').getByText('Live verbonden').waitFor();

    // Typing in the plan reaches the other browser at once.
    await openPlan(coordinator);
    await openPlan(gp);
    const signs = coordinator.getByLabel('Oranje: Signalen');
    await signs.click();
    await coordinator.keyboard.press('Control+End');
    await coordinator.keyboard.type(` ${amberSign}`);
    await expect.poll(() => gp.getByLabel('Oranje: Signalen').inputValue()).toContain(amberSign);

    await coordinator.getByLabel('Oranje: Naam').fill('Emre Yılmaz (zoon)');
    await coordinator.getByLabel('Oranje: Telefoonnummer').fill('06-4455 6677');
    await expect.poll(() => gp.getByLabel('Oranje: Telefoonnummer').inputValue()).toBe('06-4455 6677');
    // A number the server would refuse is never sent, and says why.
    await coordinator.getByLabel('Rood: Telefoonnummer').fill('bel Emre');
    await coordinator.getByText('Een telefoonnummer bevat alleen cijfers').waitFor();
    await coordinator.getByLabel('Rood: Telefoonnummer').fill('');

    // An amber observation; the state gets worse, so a goal can go back as part of a relapse.
    // One button next to the current state opens the form, with the focus on the first choice.
    await openObservations(gp);
    await coordinator
      .locator('.signal-plan-head')
      .getByRole('button', { name: 'Observatie vastleggen' })
      .click();
    const observations = coordinator.getByRole('region', { name: 'Observatie vastleggen' });
    await expect
      .poll(() =>
        observations.getByRole('radio', { name: /^Groen/ }).evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await observations.getByRole('radio', { name: /^Oranje/ }).check();
    await observations.getByLabel('Wat heb je gezien?').fill(observed);
    await observations.getByLabel('Dit is een terugval').check();
    await observations.getByLabel('Terug naar fase').selectOption('treatment');
    await observations.getByLabel(movedGoal).check();
    await observations.screenshot({ path: path.join(screenshotDir, 'observation-relapse.png') });
    beforeObservation = new Date().toISOString();
    await observations.getByRole('button', { name: 'Observatie opslaan' }).click();
    await observations.getByText('De observatie is vastgelegd.').waitFor();

    // The other member sees the new state and the observation without reloading, and is told.
    await gp.locator('.current-signal').getByText('Oranje', { exact: true }).waitFor();
    await gp.getByRole('region', { name: 'Observaties' }).getByText(observed).waitFor();
    await gp.getByText(`Doel “${movedGoal}” van Overgang naar thuis naar Tijdens behandeling`).waitFor();
    // Youssef may have older notices from the demo; this one is new and on top.
    const bell = gp.getByRole('button', { name: /^Meldingen, \d+ ongelezen melding/ });
    await bell.waitFor();
    await bell.click();
    const notices = gp.getByRole('dialog', { name: 'Meldingen' });
    const newest = notices.getByRole('listitem').first();
    await newest.getByRole('link', { name: clientName }).waitFor();
    await newest.getByText(observed).waitFor();
    await newest.getByText('Nieuw', { exact: true }).waitFor();
    await screenshot(gp, 'notifications.png');
    await notices.getByRole('button', { name: 'Alles gelezen' }).click();
    await gp.getByRole('button', { name: 'Meldingen', exact: true }).waitFor();
    await gp.keyboard.press('Escape');

    await coordinator.locator('.current-signal').getByText('Oranje', { exact: true }).waitFor();
    await screenshot(coordinator, 'board-signal-plan.png');
  });

  it('the caseload shows the client on amber, with the reasons for the risk and what changed', async () => {
    // As if Sevda last looked at her caseload just before the observation (the server keeps the
    // previous visit for ten minutes, so reloading below does not move it).
    server.db
      .prepare('UPDATE caseload_visits SET previous_visit_at = ?, visited_at = ? WHERE user_id = ?')
      .run(beforeObservation, new Date().toISOString(), userIdOf(server, 'sevda'));
    await coordinator.getByRole('navigation').getByRole('link', { name: 'Cliënten' }).click();
    const row = coordinator
      .getByRole('row')
      .filter({ has: coordinator.getByRole('link', { name: clientName }) });
    // The caseload reads a summary the server writes shortly after the board changed.
    await expect
      .poll(
        async () => {
          await coordinator.reload();
          await row.waitFor();
          return row.textContent();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain('Signaalfase oranje');
    expect(await row.textContent()).toContain('Oranje');
    // What changed since the last visit is marked in words, not only in colour.
    expect(await row.getAttribute('class')).toContain('is-changed');
    expect(await row.locator('.badge-changed').textContent()).toContain('Gewijzigd');
    const other = coordinator
      .getByRole('row')
      .filter({ has: coordinator.getByRole('link', { name: 'Fatima Ouali' }) });
    expect(await other.locator('.badge-changed').count()).toBe(0);

    // Filtering on a state narrows the list to the clients in it.
    await coordinator.getByLabel('Signaalfase', { exact: true }).selectOption('amber');
    await row.waitFor();
    await coordinator.getByLabel('Zoek op naam').fill('Ahmet');
    await expect.poll(() => coordinator.getByRole('row').count()).toBe(2);
    await coordinator.getByLabel('Zoek op naam').fill('');
    await coordinator.getByRole('button', { name: 'Filters wissen' }).click();
    await screenshot(coordinator, 'caseload.png');

    // English is the second language: the reasons read as sentences there too.
    await coordinator.getByRole('button', { name: 'EN', exact: true }).click();
    await row.getByText('Signal state orange').waitFor();
    await screenshot(coordinator, 'caseload-en.png');
    await coordinator.getByRole('button', { name: 'NL', exact: true }).click();
  });

  it('a member who only reads sees the plan and its history, but cannot change it', async () => {
    const context = await browser.newContext(contextOptions);
    await addSessionCookie(context, server, 'linh');
    const reader = await context.newPage();
    await reader.goto(`${server.url}/cases/${caseId}`);
    await reader.locator('.board-status').getByText('Live verbonden').waitFor();
    await openPlan(reader);
    await openObservations(reader);
    await expect.poll(() => reader.getByLabel('Oranje: Signalen').inputValue()).toContain(amberSign);
    expect(await reader.getByLabel('Oranje: Signalen').isDisabled()).toBe(true);
    await reader.getByRole('region', { name: 'Observaties' }).getByText(observed).waitFor();
    expect(await reader.getByText('Observatie vastleggen').count()).toBe(0);
    await context.close();
  });

  it('the client reads their signal plan in plain words, with the current state', async () => {
    const client = await (await browser.newContext(contextOptions)).newPage();
    await signInThroughForm(client, server, 'ahmet');
    const plan = client.getByRole('region', { name: 'Mijn plan als het minder gaat' });
    await screenshot(client, 'my-plan-signal-plan.png');
    await expect.poll(() => plan.locator('.my-signal-now-word').textContent()).toContain('Let op');
    await plan.getByText(amberSign, { exact: false }).waitFor();
    await plan.getByRole('link', { name: 'Bel Emre Yılmaz (zoon): 06-4455 6677' }).waitFor();
    expect(await plan.locator('a[href="tel:0644556677"]').count()).toBe(1);
    await screenshot(client, 'my-plan-signal-plan.png');
  });
});
