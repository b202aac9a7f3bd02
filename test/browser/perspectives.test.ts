import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

const taggedGoal = 'Schulden in kaart brengen en adempauze aanvragen';
const observed = 'Ahmet was moe en had de post van deze week niet geopend.';

/**
 * Buttons in the perspective cards whose text does not fit on one line, or that stick out of their
 * card (issue 14, item 9: "Toon doele" cut off with five or more perspectives on).
 */
const clippedButtons = (page: Page) =>
  page.locator('.perspective-card button').evaluateAll((buttons) =>
    buttons
      .filter((b) => {
        const card = b.closest('.perspective-card')!.getBoundingClientRect();
        const box = b.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(b);
        const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        return b.scrollWidth > b.clientWidth || box.left < card.left || box.right > card.right || lines > 1;
      })
      .map((b) => b.textContent ?? ''),
  );

/**
 * Custom perspectives can be renamed and removed, never twice under one name; many perspectives
 * fit; an observation is recorded from the button next to the current state (issue 14, item 9).
 */
describe.skipIf(!browserTestsEnabled)('perspectives and recording an observation, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const perspectives = () => page.locator('#board-section-perspectives');

  const screenshot = (name: string) =>
    page.locator('#board-section-perspectives').screenshot({ path: path.join(screenshotDir, name) });

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, 'youssef');
    page = await context.newPage();
    await page.goto(`${server.url}/cases/${demoCaseId(server, 'Ahmet Yılmaz')}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a custom perspective and refuses a second one under an existing name', async () => {
    const section = perspectives();
    const name = section.getByLabel('Eigen perspectief');
    await name.fill('Mantelzorger');
    await section.getByRole('button', { name: 'Toevoegen' }).click();
    await section.getByRole('checkbox', { name: 'Mantelzorger', exact: true }).waitFor();
    expect(await section.getByRole('checkbox', { name: 'Mantelzorger', exact: true }).isChecked()).toBe(true);

    // Case and accents do not make a name new; the message names the perspective that exists.
    await name.fill('  mantelzörger ');
    await section.getByRole('button', { name: 'Toevoegen' }).click();
    await section.getByRole('alert').getByText('Er is al een perspectief Mantelzorger.').waitFor();
    await name.fill('patient');
    await section.getByRole('button', { name: 'Toevoegen' }).click();
    await section.getByRole('alert').getByText('Er is al een perspectief Patiënt.').waitFor();
    await screenshot('perspectives-duplicate.png');
    expect(await section.locator('.perspective-switches .switch').count()).toBe(7);
    await name.fill('');
  });

  it('renames the custom perspective, by the same rules', async () => {
    const section = perspectives();
    await section.getByRole('button', { name: 'Naam wijzigen: Mantelzorger' }).click();
    const rename = section.getByLabel('Nieuwe naam voor Mantelzorger');
    await expect.poll(() => rename.evaluate((e) => e === document.activeElement)).toBe(true);
    await rename.fill('schuldenaar');
    await section.getByRole('button', { name: 'Naam opslaan' }).click();
    await section.getByRole('alert').getByText('Er is al een perspectief Schuldenaar.').waitFor();
    await rename.fill('Mantelzorger (zoon Emre)');
    await section.getByRole('button', { name: 'Naam opslaan' }).click();
    await section.getByRole('checkbox', { name: 'Mantelzorger (zoon Emre)', exact: true }).waitFor();
    await section.getByRole('heading', { name: 'Mantelzorger (zoon Emre)', level: 3 }).waitFor();
    // A default perspective keeps its translated name and stays: it is only switched off.
    expect(
      await section.getByRole('button', { name: /^(Naam wijzigen|Verwijder perspectief): Patiënt/ }).count(),
    ).toBe(0);
  });

  it('with six perspectives on, every card shows its buttons in full at 1280 and 360 px', async () => {
    // The longest default name, and one card showing the longer "Alle doelen tonen".
    for (const id of ['unemployed', 'ex-detainee']) await page.locator(`#switch-${id}`).check();
    await expect.poll(() => page.locator('.perspective-card').count()).toBe(6);
    await perspectives().getByRole('button', { name: 'Toon doelen' }).last().click();
    await perspectives().getByRole('button', { name: 'Alle doelen tonen' }).waitFor();
    expect(await clippedButtons(page)).toEqual([]);
    await screenshot('perspectives-six-1280.png');

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await clippedButtons(page)).toEqual([]);
    const overflow = await page
      .locator('#board-section-perspectives')
      .evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot('perspectives-six-360.png');
    await page.setViewportSize({ width: 1280, height: 900 });
    await perspectives().getByRole('button', { name: 'Alle doelen tonen' }).click();
  });

  it('removes the custom perspective after saying how many goals lose it', async () => {
    const name = 'Mantelzorger (zoon Emre)';
    await page.getByRole('button', { name: `Bewerk doel: ${taggedGoal}` }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel(name, { exact: true }).check();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });

    await perspectives()
      .getByRole('button', { name: `Verwijder perspectief: ${name}` })
      .click();
    const confirm = perspectives().getByRole('group', {
      name: /^Perspectief Mantelzorger \(zoon Emre\) verwijderen\?/,
    });
    await confirm.getByText('Het wordt gehaald van 1 doel dat het dient.', { exact: false }).waitFor();
    await screenshot('perspectives-remove-confirm.png');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => perspectives().getByRole('checkbox', { name, exact: true }).count()).toBe(0);
    expect(await perspectives().getByRole('heading', { name, level: 3 }).count()).toBe(0);

    // The goal no longer serves it: its editor does not offer it.
    await page.getByRole('button', { name: `Bewerk doel: ${taggedGoal}` }).click();
    await editor.getByLabel('Schuldenaar', { exact: true }).waitFor();
    expect(await editor.getByLabel(name, { exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });
  });

  it('records an observation from the button next to the current state', async () => {
    const head = page.locator('.signal-plan-head');
    const unfold = page.getByRole('button', { name: 'Signaleringsplan tonen' });
    if (await unfold.count()) await unfold.click();
    await head.getByRole('button', { name: 'Observatie vastleggen' }).click();
    const form = page.getByRole('region', { name: 'Observatie vastleggen' });
    const first = form.getByRole('radio', { name: /^Groen/ });
    await expect.poll(() => first.evaluate((e) => e === document.activeElement)).toBe(true);

    // The form's own rules still hold: no note, no observation.
    await form.getByRole('radio', { name: /^Oranje/ }).check();
    await form.getByLabel('Wat heb je gezien?').fill('   ');
    await form.getByRole('button', { name: 'Observatie opslaan' }).click();
    await form.getByRole('alert').getByText('Schrijf op wat je hebt gezien.').waitFor();

    await form.getByLabel('Wat heb je gezien?').fill(observed);
    await page
      .locator('#board-section-signalPlan')
      .screenshot({ path: path.join(screenshotDir, 'record-observation.png') });
    await form.getByRole('button', { name: 'Observatie opslaan' }).click();
    await form.getByText('De observatie is vastgelegd.').waitFor();
    await page.locator('.current-signal').getByText('Oranje', { exact: true }).waitFor();

    await form.getByRole('button', { name: 'Observatie vastleggen sluiten' }).click();
    expect(await page.getByRole('region', { name: 'Observatie vastleggen' }).count()).toBe(0);
    expect(
      await head
        .getByRole('button', { name: 'Observatie vastleggen' })
        .evaluate((e) => e === document.activeElement),
    ).toBe(true);
  });
});
