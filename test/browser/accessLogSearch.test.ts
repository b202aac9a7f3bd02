import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/seed.js';
import { addProfessional, withPassword } from '../utils/accounts.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { addCase } from '../utils/cases.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { signInThroughForm } from './session.js';

/**
 * The privacy officer's question "who exported Özlem's file?", asked without knowing an id: the
 * admin types part of the client's name, picks her, picks a person by name and the event, and
 * sees only those lines of the access log.
 */
describe.skipIf(!browserTestsEnabled)('the access-log search by name and event, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ozlemCase: string;
  let otherCase: string;
  const people = { emile: '', sevda: '' };

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
    ozlemCase = addCase(server.db, { clientName: 'Özlem Yılmaz' });
    otherCase = addCase(server.db, { clientName: 'Jan de Vries' });
    people.emile = addProfessional(server, { name: 'Émile Dubois' }).userId;
    people.sevda = addProfessional(server, { name: 'Sevda Kaya' }).userId;
    const line = (event: 'export' | 'api-read', caseId: string, userId: string) =>
      server.services.audit.record({
        event,
        caseId,
        userId,
        role: 'professional',
        authorization: 'membership:write',
      });
    await line('api-read', ozlemCase, people.emile);
    await line('export', ozlemCase, people.emile);
    await line('export', ozlemCase, people.sevda);
    await line('export', otherCase, people.emile);
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const log = () => page.getByRole('table', { name: 'Toegangslog' });
  /** The case and user id of every line the table shows. */
  const shownLines = async () =>
    log()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const cells = [...row.querySelectorAll('td')];
          return `${cells[1]?.textContent} ${cells[2]?.textContent} ${cells[3]?.querySelector('span')?.title}`;
        }),
      );

  it('picks a client by part of the name with the keyboard, then an event', async () => {
    await signInThroughForm(page, server, 'beheer');
    await page.goto(`${server.url}/beheer`);
    await log().getByRole('cell', { name: 'Export' }).first().waitFor();

    const client = page.getByRole('combobox', { name: 'Cliënt (naam of casus-id)' });
    await client.fill('ozlem');
    const option = page.getByRole('listbox', { name: 'Gevonden cliënten' }).getByRole('option');
    await option.filter({ hasText: 'Özlem Yılmaz' }).waitFor();
    expect(await option.count()).toBe(1);
    expect(await client.getAttribute('aria-expanded')).toBe('true');
    await client.press('ArrowDown');
    expect(await client.getAttribute('aria-activedescendant')).toBe(await option.first().getAttribute('id'));
    await page.locator('section[aria-labelledby="log-heading"]').screenshot({
      path: path.join(screenshotDir, 'access-log-picker.png'),
    });
    await client.press('Enter');
    expect(await client.inputValue()).toBe('Özlem Yılmaz');
    await page.getByText(`Gekozen: ${ozlemCase}`).waitFor();

    await page.getByLabel('Gebeurtenis').selectOption({ label: 'Export' });
    await page.getByRole('button', { name: 'Zoeken in het toegangslog' }).click();
    await page.getByRole('status').getByText('2 regels').waitFor();
    expect((await shownLines()).sort()).toEqual(
      [`Export ${ozlemCase} ${people.emile}`, `Export ${ozlemCase} ${people.sevda}`].sort(),
    );
    await page.screenshot({ path: path.join(screenshotDir, 'access-log-by-name.png'), fullPage: true });
  });

  it('narrows to a person picked by name with the mouse', async () => {
    const person = page.getByRole('combobox', { name: 'Persoon (naam of gebruikers-id)' });
    await person.fill('EMILE');
    await page
      .getByRole('listbox', { name: 'Gevonden personen' })
      .getByRole('option', { name: /Émile Dubois/ })
      .click();
    await page.getByRole('button', { name: 'Zoeken in het toegangslog' }).click();
    await page.getByRole('status').getByText('1 regel', { exact: true }).waitFor();
    expect(await shownLines()).toEqual([`Export ${ozlemCase} ${people.emile}`]);
  });

  it('still searches a pasted id', async () => {
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByRole('combobox', { name: /Cliënt/ }).fill(otherCase);
    await page.getByLabel('Gebeurtenis').selectOption('export');
    await page.getByRole('button', { name: 'Zoeken in het toegangslog' }).click();
    await page.getByRole('status').getByText('1 regel', { exact: true }).waitFor();
    expect(await shownLines()).toEqual([`Export ${otherCase} ${people.emile}`]);
  });
});
