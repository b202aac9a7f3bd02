import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { api } from '../utils/http.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

const nadiaId = 'prof-nadia-haddou';

/** Nadia's referral of Ahmet, on a page's "Verwijzingen". */
const ahmetsReferral = (page: Page, list: 'Aan mij' | 'Door mij'): Locator =>
  page
    .getByRole('region', { name: new RegExp(`^${list}`) })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Ahmet Yılmaz' }) })
    .filter({ hasText: 'Nadia Haddou' });

describe.skipIf(!browserTestsEnabled)('a referral to a person closes its loop (SPEC RF1–RF7)', () => {
  let server: TestServer;
  let browser: Browser;
  const pages: Record<'youssef' | 'nadia' | 'sevda' | 'ahmet', Page> = {} as never;
  let caseId: string;

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    // Sevda coordinates Ahmet Yılmaz and Youssef, his GP, is on the team. The demo has Nadia (debt
    // help) on it too: she leaves first, so the referral is what brings her in.
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const removed = await api(
      server,
      userIdOf(server, 'sevda'),
      'DELETE',
      `/api/cases/${caseId}/members/${nadiaId}`,
    );
    expect(removed.status).toBeLessThan(300);
    browser = await launchChromium();
    fs.mkdirSync(screenshotDir, { recursive: true });
    for (const who of ['youssef', 'nadia', 'sevda', 'ahmet'] as const) {
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await addSessionCookie(context, server, who);
      pages[who] = await context.newPage();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the GP refers from the board; the social worker's open inbox shows it without a reload", async () => {
    const { youssef, nadia } = pages;
    await nadia.goto(`${server.url}/verwijzingen`);
    await nadia.getByRole('heading', { name: 'Verwijzingen', level: 1 }).waitFor();
    await nadia.getByText('Niemand heeft je een cliënt doorverwezen.').waitFor();

    await youssef.goto(`${server.url}/cases/${caseId}`);
    const panel = youssef.getByRole('region', { name: 'Verwijzingen' });
    await panel.getByRole('button', { name: 'Verwijs door' }).click();
    await panel.getByLabel('Zoek een persoon').fill('nadia');
    await panel.getByLabel('Naar wie?').selectOption(nadiaId);
    await panel.getByLabel('Waarom verwijs je door?').fill('Schulden door de brief van de woningcorporatie.');
    await panel.getByLabel('Wat is je vraag aan deze persoon?').fill('Kun je een betalingsregeling maken?');
    await panel.getByRole('radio', { name: 'Binnenkort' }).check();
    // No consent of Ahmet shares his medical notes with Nadia: they cannot be sent along.
    await panel.getByText('Er is geen toestemming van de cliënt die dit deelt met Nadia Haddou.').waitFor();
    await expect(panel.getByRole('radio', { name: 'Medische notities' }).isDisabled()).resolves.toBe(true);
    // [LT3] The GP's standard letter to the neighbourhood team, filled in from the form, then edited.
    await panel
      .getByLabel('Standaardbrief')
      .selectOption({ label: 'Huisarts verwijst naar het sociaal wijkteam' });
    const letter = panel.getByLabel('De brief (pas hem aan voor je verstuurt)');
    await expect.poll(() => letter.inputValue()).toContain('Betreft: Ahmet Yılmaz');
    await expect(letter.inputValue()).resolves.toContain('Kun je een betalingsregeling maken?');
    await letter.fill(`${await letter.inputValue()}\n\nPS: hij is dinsdag thuis.`);
    await panel.screenshot({ path: path.join(screenshotDir, 'referral-form.png') });
    await panel.getByRole('button', { name: 'Verstuur verwijzing' }).click();
    await panel.getByText('Verwijzing naar Nadia Haddou is verstuurd.').waitFor();
    await panel.getByRole('link', { name: /Nadia Haddou/ }).waitFor();

    const item = ahmetsReferral(nadia, 'Aan mij');
    await item.waitFor();
    await expect(
      item.locator('.referral-facts').getByText('Kun je een betalingsregeling maken?').count(),
    ).resolves.toBe(1);
    await expect(item.getByText('Binnenkort').count()).resolves.toBe(1);
    // The letter as sent, with the edit, is with the referral.
    await item.getByText('Brief', { exact: true }).click();
    await item.locator('.letter-sheet').getByText('PS: hij is dinsdag thuis.').waitFor();
    await item.getByText('Op basis van: Huisarts verwijst naar het sociaal wijkteam').waitFor();
    await shot(nadia, 'referrals-inbox');
    await nadia.setViewportSize({ width: 360, height: 800 });
    await shot(nadia, 'referrals-inbox-phone');
    await nadia.setViewportSize({ width: 1280, height: 900 });
  });

  it("the receiver accepts and records first contact; the referrer's open page follows live", async () => {
    const { youssef, nadia } = pages;
    await youssef.goto(`${server.url}/verwijzingen`);
    const outgoing = ahmetsReferral(youssef, 'Door mij');
    await outgoing.getByText('Nieuw', { exact: true }).waitFor();

    const incoming = ahmetsReferral(nadia, 'Aan mij');
    await incoming.getByRole('button', { name: 'Accepteren' }).click();
    await outgoing.getByText('Geaccepteerd', { exact: true }).first().waitFor();

    await incoming.getByLabel('Notitie (mag leeg blijven)').fill('Gebeld, afspraak dinsdag.');
    await incoming.getByRole('button', { name: 'Eerste contact gehad' }).click();
    await outgoing.getByText('Contact gehad', { exact: true }).waitFor();
    await outgoing.getByText('Gebeld, afspraak dinsdag.').waitFor();
    // The referrer may only call it off now.
    await expect(outgoing.getByRole('button', { name: 'Accepteren' }).count()).resolves.toBe(0);
    await outgoing.getByRole('button', { name: 'Intrekken' }).waitFor();
  });

  it('the coordinator adds the receiver to the team in one step', async () => {
    const { sevda } = pages;
    await sevda.goto(`${server.url}/verwijzingen`);
    const item = ahmetsReferral(sevda, 'Door mij');
    await item.getByRole('button', { name: 'Voeg Nadia Haddou toe aan het team' }).click();
    await item.getByText('Nadia Haddou staat in het team.').waitFor();
    await sevda.goto(`${server.url}/cases/${caseId}`);
    await sevda
      .getByRole('region', { name: 'Team rond deze cliënt' })
      .getByRole('rowheader', { name: /Nadia Haddou/ })
      .waitFor();
  });

  it("the client's plan says whom they were referred to and when there was contact", async () => {
    const { ahmet } = pages;
    await ahmet.goto(`${server.url}/mijn-plan`);
    const section = ahmet.getByRole('region', { name: 'Waar je bent aangemeld' });
    await section.getByText(/Je had contact met Nadia Haddou op \d{1,2} [a-z]+ \d{4}\./).waitFor();
    await section.getByRole('link', { name: /Bel Nadia Haddou/ }).waitFor();
    await section.screenshot({ path: path.join(screenshotDir, 'referrals-plan.png') });
    await ahmet.setViewportSize({ width: 360, height: 800 });
    await section.screenshot({ path: path.join(screenshotDir, 'referrals-plan-phone.png') });
  });
});
