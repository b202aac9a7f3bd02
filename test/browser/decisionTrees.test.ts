import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

const treeTitle = 'Wie verwijst naar wie? (LESA-verdeling)';
const newFirstQuestion = 'Waar gaat de vraag van de cliënt vooral over?';

/** The walker and the trees admin are mounted by the pages (the lead's part), not by this test. */
function checkMounted(): void {
  const has = (file: string, name: string) => fs.readFileSync(path.resolve(file), 'utf8').includes(name);
  const missing = [
    ['client/src/pages/AdminPage.tsx', 'TreesAdmin'],
    ['client/src/board/GoalHelp.tsx', 'TreeWalker'],
  ].filter(([file, name]) => !has(file!, name!));
  if (missing.length > 0)
    throw new Error(
      `decision trees are not mounted yet: ${missing.map(([f, n]) => `${f} does not use ${n}`).join('; ')}`,
    );
}

describe.skipIf(!browserTestsEnabled)('referral decision trees in the browser (SPEC DT1–DT4)', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId: string;

  const pageOf = async (who: string, width = 1280): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await addSessionCookie(context, server, who);
    return context.newPage();
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    checkMounted();
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    fs.mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator edits the demo tree, is told what is missing, saves version 2 and previews it', async () => {
    const page = await pageOf('beheer');
    await page.goto(`${server.url}/beheer`);
    const section = page.getByRole('region', { name: 'Beslisbomen' });
    await section.getByText('Versie 1,', { exact: false }).waitFor();
    await section.getByRole('button', { name: `Bewerk ${treeTitle}` }).click();
    const editor = section.getByRole('region', { name: 'Beslisboom bewerken' });
    const problems = editor.getByRole('complementary', { name: 'Wat moet nog' });
    await problems.getByText('Alles klopt: deze beslisboom kan worden opgeslagen.').waitFor();

    const first = editor.getByRole('group', { name: /^Vraag 1 \(begin\)/ });
    await first.getByLabel('Vraag', { exact: true }).fill(newFirstQuestion);
    await first.getByRole('button', { name: 'Antwoord toevoegen' }).click();
    await first.getByLabel('Antwoord 4', { exact: true }).fill('Iets anders');
    // A new answer leads nowhere until it is chosen: said next to the outline, and nothing is saved.
    await problems.getByText('Vraag 1: antwoord 4 leidt nergens heen.').waitFor();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.getByText('Nog niet op te slaan', { exact: false }).waitFor();

    await first.getByLabel('Antwoord 4 leidt naar').selectOption({ label: '+ nieuw advies' });
    await problems.getByText('Advies 6: de tekst is leeg.').waitFor();
    const advice = editor.getByRole('group', { name: /^Advies 6 na „Iets anders”/ });
    await advice.getByLabel('Advies', { exact: true }).fill('Bespreek het in het casusoverleg.');
    await advice.getByLabel('Gebied').selectOption({ label: 'Samen' });
    await problems.getByText('Alles klopt: deze beslisboom kan worden opgeslagen.').waitFor();
    // An advice an answer leads to cannot be removed, and the reason is said.
    await advice.getByRole('button', { name: 'Verwijder Advies 6' }).click();
    await advice
      .getByText('Advies 6 kan niet weg: antwoord „Iets anders” van Vraag 1 leidt hierheen.')
      .waitFor();

    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.getByText('Versie 2 opgeslagen.').waitFor();
    await section.getByText('Versie 2,', { exact: false }).waitFor();
    await shot(page, 'trees-editor');

    // The preview walks the draft without a case.
    await editor.getByRole('button', { name: 'Voorbeeld' }).click();
    const preview = editor.locator('.tree-preview');
    await preview.getByRole('heading', { name: newFirstQuestion }).waitFor();
    await preview.getByRole('button', { name: 'Iets anders' }).click();
    await preview.getByText('Bespreek het in het casusoverleg.').waitFor();
    await preview.getByText('Samen', { exact: true }).waitFor();
    await preview.getByRole('button', { name: 'Terug' }).click();
    await preview.getByRole('button', { name: 'Iets anders' }).waitFor();

    // Version 1 stays readable as it was, and cannot be changed.
    await editor.getByRole('button', { name: 'Bekijk versie 1' }).click();
    await editor.getByText('Je bekijkt versie 1.', { exact: false }).waitFor();
    const old = editor
      .getByRole('group', { name: /^Vraag 1 \(begin\)/ })
      .getByLabel('Vraag', { exact: true });
    await expect(old.inputValue()).resolves.toBe('Waar gaat de vraag vooral over?');
    await expect(old.isDisabled()).resolves.toBe(true);
    await editor.getByRole('button', { name: 'Terug naar bewerken' }).click();
    await expect(first.getByLabel('Vraag', { exact: true }).inputValue()).resolves.toBe(newFirstQuestion);

    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'trees-editor-phone');
    await page.context().close();
  });

  it('the GP walks the tree from a goal to named people and starts a referral to one of them', async () => {
    const page = await pageOf('youssef');
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('[data-goal-id] .card-bottom button').first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('button', { name: 'Wie verwijst naar wie?' }).click();
    const walker = dialog.getByRole('region', { name: /^Wie verwijst naar wie\?/ });
    // The latest version is the one walked: the first question as the administrator changed it.
    await walker.getByRole('heading', { name: newFirstQuestion }).waitFor();
    await walker.getByRole('button', { name: 'Wonen, geld, werk of meedoen' }).click();
    const second = walker.getByRole('heading', { name: 'Zijn er schulden of betalingsachterstanden?' });
    await second.waitFor();
    // The focus moves to the next question, for who uses the keyboard or a screen reader.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Zijn er schulden of betalingsachterstanden?');
    await walker.getByText('Je antwoorden').waitFor();
    await walker.getByRole('button', { name: 'Nee', exact: true }).click();
    await walker.getByText('Sociaal gebied', { exact: true }).waitFor();
    await walker
      .getByText('verwijs naar een professional van het sociaal wijkteam', { exact: false })
      .waitFor();
    const refer = walker.getByRole('button', { name: 'Verwijs naar Senait Tesfay' });
    await refer.waitFor();
    await walker.screenshot({ path: path.join(screenshotDir, 'trees-walker.png') });
    await page.setViewportSize({ width: 360, height: 800 });
    await walker.screenshot({ path: path.join(screenshotDir, 'trees-walker-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    await refer.click();
    const to = dialog.getByLabel('Naar wie?');
    await to.waitFor();
    await expect(to.locator('option:checked').textContent()).resolves.toContain('Senait Tesfay');
    await expect(dialog.getByLabel('Waarom verwijs je door?').inputValue()).resolves.toContain(
      'Zijn er schulden of betalingsachterstanden? Nee.',
    );
    await page.context().close();
  });
});
