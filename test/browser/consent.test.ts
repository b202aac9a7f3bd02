import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../shared/doc/compartment.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/**
 * Consent belongs to the client (SPEC A7), in Chromium: the social worker's open board offers her
 * no way to give herself the GP's notes; Ahmet gives that consent in his own plan and her board
 * opens the medical compartment live; he stops it and it closes again.
 */
describe.skipIf(!browserTestsEnabled)('consent in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';
  const gpNote = 'Bloeddruk goed ingesteld; slaapt slecht sinds de brief over de huurschuld.';
  /** A picture of the part of the page under test (a whole board page is too tall to read). */
  const screenshot = (part: Locator, name: string) =>
    part.screenshot({ path: path.join(screenshotDir, name) });
  const open = async (username: string, url: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, username);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}${url}`);
    return page;
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    // The GP's note in the medical compartment, as Youssef would have typed it.
    const youssef = userIdOf(server, 'youssef');
    await server.sync.registry.use(
      caseDocumentName(caseId, 'medical'),
      (doc) => addNote(doc, 'prof-youssef-el-amrani', gpNote),
      { userId: youssef, role: 'professional' },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the client gives the GP’s notes to the social worker in his plan; her open board follows live', async () => {
    // Nadia (social) on Ahmet's board: the medical compartment is not hers, and the consent form
    // offers her only the social notes, for the medical side — never the medical ones for herself.
    const nadia = await open('nadia', `/cases/${caseId}`);
    await nadia.locator('.board-status').getByText('Live verbonden').waitFor();
    const consents = nadia.getByRole('region', { name: 'Team rond deze cliënt' });
    await consents.getByRole('heading', { name: 'Toestemming vastleggen namens de cliënt' }).waitFor();
    expect(await nadia.locator('#consent-compartment option').allTextContents()).toEqual([
      'Sociale notities',
    ]);
    expect(await nadia.getByRole('region', { name: /^Medisch \(alleen zichtbaar/ }).count()).toBe(0);
    await screenshot(nadia.locator('section.consents'), 'consent-board-social-worker.png');

    // Ahmet, in his own plan, in plain words.
    const ahmet = await open('ahmet', '/');
    const section = ahmet.getByRole('region', { name: 'Wie mag wat weten?' });
    await section.getByText('Je hebt nog niets gedeeld.').waitFor();
    await section.getByLabel('Wat de huisarts en andere zorgverleners over je weten').check();
    await section.getByLabel('Met één persoon').check();
    await section
      .getByLabel('Persoon', { exact: true })
      .selectOption({ label: 'Nadia Haddou (Schuldhulpverlener)' });
    await section.getByText('Mag de huisarts dit delen met Nadia Haddou (Schuldhulpverlener)?').waitFor();
    await screenshot(section, 'consent-my-plan-question.png');
    await section.getByRole('button', { name: 'Ja, dit mag' }).click();
    await section.getByText('De huisarts mag dit delen met Nadia Haddou (Schuldhulpverlener).').waitFor();
    await section.getByText(/^Jij gaf toestemming op /).waitFor();
    await screenshot(section, 'consent-my-plan-given.png');

    // Nadia's open board: the consent is listed as Ahmet's own, and the GP's notes open, live.
    const table = nadia.getByRole('table', { name: 'Toestemming om te delen' });
    await table.getByRole('cell', { name: 'Door de cliënt zelf, in de app' }).waitFor();
    await table.getByRole('cell', { name: 'Ahmet Yılmaz (de cliënt)' }).waitFor();
    const medical = nadia.getByRole('region', { name: /^Medisch \(alleen zichtbaar/ });
    await medical.getByText('Live verbonden').waitFor();
    await expect.poll(() => medical.locator('textarea').first().inputValue()).toBe(gpNote);
    // She may not withdraw what was given to her: that is for Ahmet, the coordinator or the GP's side.
    expect(await table.getByRole('button', { name: /^Toestemming intrekken/ }).count()).toBe(0);
    await screenshot(nadia.locator('section.consents'), 'consent-board-list-live.png');
    await screenshot(medical, 'consent-board-compartment-open.png');

    // Ahmet stops it: Nadia's compartment closes and her list says it no longer holds.
    await section
      .getByRole('button', { name: /^Stoppen: De huisarts deelt niet meer met Nadia Haddou/ })
      .click();
    await section.getByText(/^Gestopt\. De huisarts deelt dit niet meer/).waitFor();
    await section.getByText(/Gestopt op /).waitFor();
    await table.getByText(/^Ingetrokken op .* door Ahmet Yılmaz$/).waitFor();
    await medical.getByText(/^Je hebt geen toegang meer tot deze notities\./).waitFor();
    // Only the notes are closed off, not the board, and the header says so.
    expect(await medical.locator('.connection').textContent()).toBe('Geen toegang tot deze notities.');
    expect(await nadia.locator('.board-status .connection').textContent()).toBe('Live verbonden');
    expect(await medical.locator('textarea').count()).toBe(0);
    expect(await table.getByText('Geldt', { exact: true }).count()).toBe(0);
    await screenshot(nadia.locator('section.consents'), 'consent-board-withdrawn.png');
    await screenshot(medical, 'consent-board-compartment-closed.png');
    await screenshot(section, 'consent-my-plan-stopped.png');
    await nadia.context().close();
    await ahmet.context().close();
  });

  it('the GP records a consent for the client with how, when and until when', async () => {
    const youssef = await open('youssef', `/cases/${caseId}`);
    await youssef.locator('.board-status').getByText('Live verbonden').waitFor();
    expect(await youssef.locator('#consent-compartment option').allTextContents()).toEqual([
      'Medische notities',
    ]);
    await youssef.getByLabel('Schriftelijk (getekend)').check();
    await youssef.getByLabel('Met één persoon').check();
    await youssef
      .getByLabel('Persoon', { exact: true })
      .selectOption({ label: 'Nadia Haddou (Schuldhulpverlener)' });
    await youssef.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const table = youssef.getByRole('table', { name: 'Toestemming om te delen' });
    await table.getByRole('cell', { name: 'Schriftelijk' }).waitFor();
    await table
      .getByRole('button', { name: /^Toestemming intrekken: Medische notities gedeeld met Nadia/ })
      .waitFor();
    await screenshot(youssef.locator('section.consents'), 'consent-board-gp-recorded.png');
    await youssef.context().close();
  });

  it('the admin makes a recovery link for a client; the coordinator only sees that the client has an account', async () => {
    const sevda = await open('sevda', `/cases/${caseId}`);
    const invitation = sevda.locator('section.client-invitation');
    await invitation.getByText('Ahmet Yılmaz heeft al een account.', { exact: false }).waitFor();
    expect(await invitation.locator('form').count()).toBe(0);
    await screenshot(invitation, 'consent-board-client-has-account.png');
    await sevda.context().close();

    const admin = await open('beheer', '/beheer');
    const users = admin.locator('section.admin-section').filter({ has: admin.locator('#users-heading') });
    await users.getByRole('button', { name: 'Herstel-link maken voor Ahmet Yılmaz' }).click();
    await users.getByLabel('Eenmalige herstel-link voor Ahmet Yılmaz').waitFor();
    await users.getByText(/^Ahmet Yılmaz is overal uitgelogd/).waitFor();
    await screenshot(users, 'admin-recovery-link.png');
    await admin.context().close();
  });
});
