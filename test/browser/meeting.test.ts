import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionsAnswer } from '../../shared/meetingApi.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, signInThroughForm } from './session.js';

/**
 * A case meeting in three browsers: Sevda chairs, Youssef (GP, on both cases) and Nadia (debt
 * counsellor, on Ahmet's case only) attend.
 */
describe.skipIf(!browserTestsEnabled)('a case meeting with a chair and two attendees in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let chair: Page;
  let youssef: Page;
  let nadia: Page;
  let meetingUrl = '';
  /** Ahmet Yılmaz on the agenda: initials and birth year. */
  let ahmet = '';

  /**
   * Per page: while `hold` is on, what the server sends over sync sockets waits (what this browser
   * sends still goes), as on a slow line where a change of access reaches the server first.
   */
  const lines = new Map<Page, { hold: boolean; release(): void }>();
  const open = async (username: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, username);
    const waiting: (() => void)[] = [];
    const line = {
      hold: false,
      release() {
        line.hold = false;
        for (const send of waiting.splice(0)) send();
      },
    };
    await context.routeWebSocket(/\/sync\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => {
        if (line.hold) waiting.push(() => ws.send(message));
        else ws.send(message);
      });
    });
    const page = await context.newPage();
    lines.set(page, line);
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const caseHeading = (page: Page) => page.locator('#meeting-case-heading');

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir, projectionDebounceMs: 50 });
    browser = await launchChromium();
    const { birthYear } = server.db
      .prepare<[], { birthYear: number }>(
        "SELECT birth_year AS birthYear FROM cases WHERE client_name = 'Ahmet Yılmaz'",
      )
      .get()!;
    ahmet = `A.Y. (${birthYear})`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the chair plans the meeting and puts two cases on the agenda', async () => {
    chair = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
    ).newPage();
    await signInThroughForm(chair, server, 'sevda');
    await chair.getByRole('link', { name: 'Overleg' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Casusoverleg' }).waitFor();
    await chair.getByLabel('Buurt').selectOption({ label: 'Molenwijk' });
    await chair.getByLabel('Datum en tijd').fill('2026-12-01T14:00');
    await chair.getByLabel('Zoek een collega').fill('youssef');
    await chair.getByRole('checkbox', { name: /Youssef El Amrani/ }).check();
    await chair.getByLabel('Zoek een collega').fill('nadia');
    await chair.getByRole('checkbox', { name: /Nadia Haddou/ }).check();
    await chair.getByRole('button', { name: 'Overleg plannen' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Casusoverleg Molenwijk' }).waitFor();
    meetingUrl = chair.url();

    for (const [client, question] of [
      ['Ahmet Yılmaz', 'Kan hij weer aan het werk?'],
      ['Fatima Ouali', 'Is de woning nog veilig?'],
    ] as const) {
      await chair.getByLabel('Casus', { exact: true }).selectOption({ label: client });
      await chair.getByLabel('Vraag aan het overleg').fill(question);
      await chair.getByLabel('Minuten', { exact: true }).fill('15');
      await chair.getByRole('button', { name: 'Op de agenda' }).click();
      await chair.getByRole('button', { name: new RegExp(`^Bekijk ${client[0]}\\.`) }).waitFor();
    }
    const aliases = await chair.locator('.agenda-alias').allTextContents();
    expect(aliases).toEqual([ahmet, expect.stringMatching(/^F\.O\. \(\d{4}\)$/)]);
  });

  it('attendees follow the chair through the agenda until they look elsewhere', async () => {
    youssef = await open('youssef');
    nadia = await open('nadia');
    await Promise.all([youssef.goto(meetingUrl), nadia.goto(meetingUrl)]);
    await youssef.getByText('Je volgt de voorzitter.').waitFor();

    await chair.getByRole('button', { name: 'Volgende casus' }).click();
    for (const page of [youssef, nadia]) {
      await expect.poll(() => caseHeading(page).textContent()).toContain('Ahmet Yılmaz');
      await page.getByText(`De voorzitter bespreekt ${ahmet}.`).waitFor();
    }

    await chair.getByRole('button', { name: 'Volgende casus' }).click();
    // Youssef is on Fatima's case; Nadia is not, so she sees the agenda line only.
    await expect.poll(() => caseHeading(youssef).textContent()).toContain('Fatima Ouali');
    await expect.poll(() => caseHeading(nadia).textContent()).toMatch(/^F\.O\./);
    await nadia.getByText(/Je bent geen lid van deze casus/).waitFor();
    expect(await nadia.locator('.meeting-case').textContent()).not.toContain('Fatima Ouali');
    await shot(nadia, 'meeting-agenda-line-only.png');

    // Youssef looks back at Ahmet; the chair moving on no longer moves his screen.
    await youssef.getByRole('button', { name: `Bekijk ${ahmet}` }).click();
    await youssef.getByText('Je kijkt zelf rond.').waitFor();
    await chair.getByRole('button', { name: `Bekijk ${ahmet}` }).click();
    await chair.getByRole('button', { name: `Bespreek ${ahmet}` }).click();
    await expect.poll(() => caseHeading(nadia).textContent()).toContain('Ahmet Yılmaz');
    await youssef.getByRole('button', { name: 'Volg de voorzitter' }).click();
    await youssef.getByText('Je volgt de voorzitter.').waitFor();
    await expect.poll(() => caseHeading(youssef).textContent()).toContain('Ahmet Yılmaz');
    // The item's clock runs against its slot.
    await expect
      .poll(() => chair.locator('.agenda-line.is-current .item-timer').textContent())
      .toMatch(/^\d+:\d\d van 15 min/);
  });

  it('notes typed at the same time by two attendees are both kept', async () => {
    const notes = (page: Page) => page.locator('#meeting-notes');
    await Promise.all([notes(youssef).waitFor(), notes(nadia).waitFor()]);
    await Promise.all([
      notes(youssef).pressSequentially('Huisarts: slaapt beter. ', { delay: 15 }),
      notes(nadia).pressSequentially('Schulden: aflossing loopt. ', { delay: 15 }),
    ]);
    for (const page of [chair, youssef, nadia]) {
      await expect.poll(() => notes(page).inputValue()).toContain('Huisarts: slaapt beter.');
      await expect.poll(() => notes(page).inputValue()).toContain('Schulden: aflossing loopt.');
    }
  });

  it('an action created by one attendee appears for its owner', async () => {
    await nadia.getByLabel('Wat moet er gebeuren?').fill('Medicatie en slaap bespreken');
    await nadia
      .getByLabel('Eigenaar', { exact: true })
      .selectOption({ label: 'Youssef El Amrani (Huisarts)' });
    await nadia.getByLabel('Uiterlijk', { exact: true }).fill('2026-12-15');
    await nadia.getByRole('button', { name: 'Actie toevoegen' }).click();

    await expect
      .poll(() => youssef.getByLabel('Actie 1', { exact: true }).inputValue())
      .toBe('Medicatie en slaap bespreken');
    expect(await youssef.getByLabel('Eigenaar van actie 1').inputValue()).toBe('prof-youssef-el-amrani');
    await expect
      .poll(async () =>
        (
          (await (await youssef.request.get(`${server.url}/api/actions/mine`)).json()) as ActionsAnswer
        ).actions.map((a) => a.text),
      )
      .toContain('Medicatie en slaap bespreken');

    // One move makes it a step of a goal on the board.
    const goal = await youssef.locator('select[id$="-step"] option').nth(1).textContent();
    await youssef.locator('select[id$="-step"]').selectOption({ index: 1 });
    await youssef.getByText(`Stap bij: ${goal}`).waitFor();
    await Promise.all([shot(chair, 'meeting-chair.png'), shot(youssef, 'meeting-attendee.png')]);
  });

  it('a case one attendee puts on the agenda leaves the others’ pickers at once and opens for its members', async () => {
    const picker = (page: Page) => page.getByLabel('Casus', { exact: true });
    const offered = (page: Page) => picker(page).locator('option').allTextContents();
    await expect.poll(() => offered(nadia)).toContain('Sharon Pinas');
    await picker(youssef).selectOption({ label: 'Sharon Pinas' });
    await youssef.getByLabel('Vraag aan het overleg').fill('Lukt het afbouwen?');
    await youssef.getByRole('button', { name: 'Op de agenda' }).click();

    // Nadia's page, without a reload: on her agenda, gone from her picker, open to her as a member.
    const sharon = nadia.getByRole('button', { name: /^Bekijk S\.P\./ });
    await sharon.waitFor();
    await expect.poll(() => offered(nadia)).not.toContain('Sharon Pinas');
    await sharon.click();
    await expect.poll(() => caseHeading(nadia).textContent()).toContain('Sharon Pinas');
    await nadia.locator('.meeting-question').getByText('Lukt het afbouwen?').waitFor();
    // Back to Ahmet, following the chair again, for the close below.
    await nadia.getByRole('button', { name: `Bekijk ${ahmet}` }).click();
    await nadia.getByRole('button', { name: 'Volg de voorzitter' }).click();
    await expect.poll(() => caseHeading(nadia).textContent()).toContain('Ahmet Yılmaz');
  });

  it('the chair closes the meeting: open pages turn closed and read-only at once, and a note the server dropped is shown as not saved, never as part of the minutes', async () => {
    const notes = (page: Page) => page.locator('#meeting-notes');
    // The field while it can be typed in, the text once it is read-only.
    const notesText = (page: Page) =>
      notes(page).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')));
    await youssef.getByText('Iedereen typt tegelijk mee.').waitFor();
    // Nadia's line is slow: the close reaches her browser only after she typed on.
    lines.get(nadia)!.hold = true;
    chair.once('dialog', (dialog) => void dialog.accept());
    await chair.getByRole('button', { name: 'Overleg sluiten' }).click();
    await chair.waitForURL(/\/verslag$/);

    // Youssef's open page follows without a reload: closed, read-only, the hint gone.
    await youssef.getByText('Dit overleg is gesloten. Je kunt alles nog lezen.').waitFor({ timeout: 3_000 });
    await youssef.getByText('Gesloten', { exact: false }).first().waitFor();
    expect(await youssef.locator('textarea#meeting-notes').count()).toBe(0);
    expect(await youssef.getByText('Iedereen typt tegelijk mee.').count()).toBe(0);

    // Nadia types after the close; the server drops it. When the word arrives her screen shows
    // the note as not saved, and the notes as the minutes have them.
    await notes(nadia).pressSequentially(' Te laat getypt.', { delay: 10 });
    lines.get(nadia)!.release();
    await nadia.getByText('Dit overleg is gesloten. Je kunt alles nog lezen.').waitFor({ timeout: 3_000 });
    const notSaved = nadia.getByRole('region', { name: 'Niet bewaard' });
    await notSaved.getByText('Te laat getypt.', { exact: false }).waitFor({ timeout: 5_000 });
    await expect.poll(() => notesText(nadia)).not.toContain('Te laat getypt.');
    expect(await notesText(nadia)).toContain('Huisarts: slaapt beter.');
    await shot(nadia, 'meeting-closed-not-saved.png');

    // A reload brings back what the server has, never the dropped note.
    await nadia.reload();
    await notes(nadia).waitFor();
    await expect.poll(() => notesText(nadia)).toContain('Huisarts: slaapt beter.');
    expect(await notesText(nadia)).not.toContain('Te laat getypt.');
    const minutes = await chair.locator('main').textContent();
    expect(minutes).not.toContain('Te laat getypt.');
  });
});
