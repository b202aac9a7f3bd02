import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../utils/accounts.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { caseTeam } from '../utils/caseTeam.js';
import type { CaseTeam, Person } from '../utils/caseTeam.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';

/**
 * Intake and a case's life in Chromium (SPEC CL1–CL7): the coordinator registers a client
 * through the form (a missing field named), a colleague registering the same client is warned
 * and asks the coordinator to add her, the coordinator corrects the client's details (CL9: the
 * BSN masked until "Toon BSN"), closing names whom the client calls and makes the board read-only,
 * also on the GP's board that was open meanwhile; a client who reads with difficulty gets
 * "Lees mijn plan voor" first.
 */
describe.skipIf(!browserTestsEnabled)('intake and closing a case in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let t: CaseTeam;
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const open = async (who: Person, url: string, initScript?: () => void) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const { cookie } = await signIn(server, who.userId);
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}${url}`);
    return page;
  };
  const fillClient = async (page: Page) => {
    await page.getByLabel('Naam', { exact: true }).fill('Fatma Yılmaz');
    await page.getByLabel('Geboortedatum').fill('1961-04-12');
    await page.getByLabel('Buurt').selectOption({ label: 'Testbuurt' });
    await page.getByLabel('Voorkeurstaal').selectOption('tr');
    await page.getByLabel('Reden van de aanmelding').selectOption('stroke');
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ clientDir });
    t = await caseTeam(server);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers a client, warns a colleague of the duplicate, and a closed case is read-only', async () => {
    // The coordinator goes from the caseload to "Nieuwe cliënt".
    const coordinator = await open(t.coordinator, '/');
    await coordinator.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await coordinator.getByRole('heading', { name: 'Nieuwe cliënt' }).waitFor();
    // Sent without a name: the form names the field.
    await coordinator.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await coordinator.getByText('Naam: vul dit in').waitFor();
    await shot(coordinator, 'intake-1-missing-name.png');

    await fillClient(coordinator);
    await coordinator.getByLabel('Leest moeilijk (laaggeletterd)').check();
    expect(await coordinator.getByRole('checkbox', { name: 'Laaggeletterd' }).isChecked()).toBe(true);
    await coordinator.getByLabel('BSN (niet verplicht)').fill('123');
    await coordinator.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await coordinator.getByText(/^BSN: dit is geen geldig BSN/).waitFor();
    await coordinator.getByLabel('BSN (niet verplicht)').fill('');
    // The first members: the GP writes, the pharmacist reads.
    await coordinator.getByLabel('Lid om toe te voegen').selectOption(t.gp.professionalId!);
    await coordinator.getByRole('button', { name: 'Lid toevoegen' }).click();
    await coordinator.getByLabel('Lid om toe te voegen').selectOption(t.pharmacist.professionalId!);
    await coordinator.getByRole('button', { name: 'Lid toevoegen' }).click();
    await coordinator.getByLabel('Toegang van Apotheker').selectOption('read');
    await shot(coordinator, 'intake-2-form.png');
    await coordinator.getByRole('button', { name: 'Cliënt aanmelden' }).click();

    // The new case opens on its empty board.
    await coordinator.getByRole('heading', { level: 1, name: 'Fatma Yılmaz' }).waitFor();
    await coordinator.locator('.board-status').getByText('Live verbonden').waitFor();
    const caseId = decodeURIComponent(new URL(coordinator.url()).pathname.split('/').pop()!);
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await shot(coordinator, 'intake-3-new-board.png');

    // [CL9] The Dossier panel shows the client's details; the coordinator corrects them and adds the BSN.
    const panel = coordinator.getByRole('region', { name: 'Dossier' });
    const details = panel.getByRole('region', { name: 'Cliëntgegevens' });
    await details.getByText('12 apr 1961').waitFor();
    await details.getByText('Leest moeilijk (laaggeletterd)').waitFor();
    await details.getByText('Turks').waitFor();
    await details.getByRole('button', { name: 'Gegevens aanpassen' }).click();
    await details.getByLabel('Telefoon').fill('bel me');
    await details.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await details.getByText('Telefoon: vul een telefoonnummer in').waitFor();
    await details.getByLabel('Telefoon').fill('038 123 4567');
    await details.getByLabel('Adres').fill('Dorpsstraat 1, Zwolle');
    await details.getByLabel('Nieuw BSN').fill('1112.22.333');
    await shot(coordinator, 'intake-3a-correct-client-details.png');
    await details.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await details.getByText('De cliëntgegevens zijn opgeslagen.').waitFor();
    await details.getByText('Dorpsstraat 1, Zwolle').waitFor();
    // Masked until "Toon BSN"; showing it is a read in the access log (never the number).
    await details.getByText('••••.••.•••').waitFor();
    expect(await coordinator.getByText('1112.22.333').count()).toBe(0);
    await shot(coordinator, 'intake-3b-client-details-masked.png');
    await details.getByRole('button', { name: 'Toon BSN' }).click();
    await details.getByText('1112.22.333').waitFor();
    await shot(coordinator, 'intake-3c-bsn-shown.png');
    const bsnReads = server.db
      .prepare("SELECT details FROM access_log WHERE event = 'api-read' AND case_id = ?")
      .all(caseId) as { details: string }[];
    expect(bsnReads.filter((r) => JSON.parse(r.details).resource === 'bsn')).toHaveLength(1);
    expect(JSON.stringify(server.db.prepare('SELECT details FROM access_log').all())).not.toContain(
      '111222333',
    );
    await details.getByRole('button', { name: 'Verberg BSN' }).click();
    await details.getByText('••••.••.•••').waitFor();

    // A colleague registers the same client: told who coordinates, no case, and asks to be added.
    const colleague = await open(t.teamMate, '/nieuwe-client');
    await fillClient(colleague);
    await colleague.getByLabel('Regievoerder').selectOption(t.coordinator.professionalId!);
    await colleague.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    const warning = colleague.getByRole('alert').filter({ hasText: 'Deze cliënt is misschien al aangemeld' });
    await warning.getByText('Regievoerder: Coördinator').waitFor();
    await colleague.getByRole('button', { name: 'Toch als nieuwe cliënt aanmelden' }).waitFor();
    await shot(colleague, 'intake-4-possible-duplicate.png');
    await colleague.getByRole('button', { name: 'Vraag Coördinator om mij toe te voegen' }).click();
    await colleague.getByText('Je vraag is verstuurd. Coördinator krijgt een melding.').waitFor();

    // The GP has the board open while the coordinator closes the case.
    const gp = await open(t.gp, `/cases/${caseId}`);
    await gp.locator('.board-status').getByText('Live verbonden').waitFor();
    expect(await gp.getByRole('button', { name: /^Nieuw doel bij/ }).count()).toBeGreaterThan(0);
    // A member who does not coordinate sees the details, masked, and cannot correct them.
    const gpDetails = gp.getByRole('region', { name: 'Cliëntgegevens' });
    await gpDetails.getByText('Dorpsstraat 1, Zwolle').waitFor();
    await gpDetails.getByText('••••.••.•••').waitFor();
    expect(await gpDetails.getByRole('button', { name: 'Gegevens aanpassen' }).count()).toBe(0);

    await panel.getByLabel('Reden van sluiten').selectOption({ label: 'Doelen bereikt' });
    await panel.getByLabel('Afsluitnotitie').fill('Weer zelfstandig thuis.');
    // Whom the client calls afterwards: the coordinator unless another member is chosen.
    const contactAfter = panel.getByLabel('Wie kan de cliënt daarna bellen?');
    expect(await contactAfter.inputValue()).toBe(t.coordinator.professionalId);
    await contactAfter.selectOption(t.gp.professionalId!);
    await shot(coordinator, 'intake-4a-close-contact-after.png');
    await panel.getByRole('button', { name: 'Dossier sluiten' }).click();
    await coordinator.getByText('Gesloten', { exact: true }).waitFor();
    await coordinator.getByText('De cliënt kan daarna bellen met: Huisarts').waitFor();
    expect(server.db.prepare('SELECT contact_after_id AS id FROM cases WHERE id = ?').get(caseId)).toEqual({
      id: t.gp.professionalId,
    });
    // Closed: nobody corrects the details any more.
    expect(await details.getByRole('button', { name: 'Gegevens aanpassen' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Dossier heropenen' }).waitFor();
    expect(await coordinator.getByRole('button', { name: /^Nieuw doel bij/ }).count()).toBe(0);
    await shot(coordinator, 'intake-5-closed-board.png');

    // The GP's open board follows: the banner, and no way to add or change a goal.
    await gp.getByText('Gesloten', { exact: true }).waitFor();
    await expect.poll(() => gp.getByRole('button', { name: /^Nieuw doel bij/ }).count()).toBe(0);
    await shot(gp, 'intake-6-closed-board-gp.png');

    // The caseload no longer lists it; the closed filter does.
    await coordinator.goto(`${server.url}/`);
    await coordinator.getByLabel('Dossiers').selectOption('closed');
    await coordinator.getByRole('link', { name: 'Fatma Yılmaz' }).waitFor();
    await shot(coordinator, 'intake-7-closed-filter.png');
  });

  it('[CL1] a client who reads with difficulty gets "Lees mijn plan voor" first, reading every section', async () => {
    server.db.prepare("UPDATE cases SET reading_level = 'low' WHERE id = ?").run(t.caseId);
    // Headless Chromium has no voices: a stand-in keeps what is spoken and ends an utterance on request.
    const page = await open(t.client, '/mijn-plan', () => {
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
    });
    const readAll = page.getByRole('button', { name: 'Lees mijn plan voor' });
    await readAll.waitFor();
    // It comes before every section's own "Lees voor".
    const buttons = await page.locator('button.read-aloud').allTextContents();
    expect(buttons[0]).toContain('Lees mijn plan voor');
    expect(buttons.length).toBeGreaterThan(2);
    await page.getByText('Is lezen lastig? Laat je plan voorlezen.').waitFor();
    await readAll.click();
    await page.getByRole('button', { name: 'Stop met voorlezen' }).first().waitFor();
    await expect.poll(() => page.locator('.my-plan .reading').count()).toBe(1);
    const first = await page.locator('.my-plan .reading').textContent();
    await page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
    await expect.poll(() => page.locator('.my-plan .reading').textContent()).not.toBe(first);
    await shot(page, 'intake-8-read-whole-plan.png');
    // It reads on across the sections: more sentences than one section has.
    const spoken = () =>
      page.evaluate(() => (window as unknown as { __speech: { spoken: unknown[] } }).__speech.spoken.length);
    for (let i = 0; i < 6; i++)
      await page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
    expect(await spoken()).toBeGreaterThan(6);
    await page.getByRole('button', { name: 'Stop met voorlezen' }).first().click();
    await page.getByRole('button', { name: 'Lees mijn plan voor' }).waitFor();
    expect(await page.locator('.my-plan .reading').count()).toBe(0);
  });
});
