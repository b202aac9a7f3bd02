import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../shared/attention.js';
import { addAction, addDecision, meetingNotes, tagPerspective } from '../../shared/doc/meetingCase.js';
import type { NewAction } from '../../shared/doc/meetingCase.js';
import type { ActionsAnswer } from '../../shared/meetingApi.js';
import { meetingCaseDocumentName } from '../../shared/protocol.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { eventually } from '../utils/eventually.js';
import { api } from '../utils/http.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/** Ahmet Yılmaz's case; demo ids are random, so it is looked up once the server runs. */
let caseId = '';
const youssef = 'prof-youssef-el-amrani';
const question = 'Kan Ahmet over drie weken veilig naar huis?';
const decision = 'Thuiszorg start op de dag van ontslag';
const lateAction = 'Medicatieoverzicht naar de apotheek sturen';
const laterAction = 'Diabetesverpleegkundige inschakelen';
const liveAction = 'Zoon Emre bellen over de tolk';
const notes = 'Emre regelt de sleutel.\nThuiszorg belt vooraf.';
const clientQuestion = 'Mag mijn zoon bij het gesprek zijn?';

/** A YYYY-MM-DD date `days` from today in this machine's time zone (the browser's too). */
const dayFromToday = (days: number) => localToday(new Date(Date.now() + days * 86_400_000));

describe.skipIf(!browserTestsEnabled)('after the meeting: my actions, the board and the minutes', () => {
  let server: TestServer;
  let browser: Browser;
  let meetingId: string;

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  const pageOf = async (username: string) => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 850 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    await addSessionCookie(context, server, username);
    return context.newPage();
  };
  const addMeetingAction = (input: NewAction) =>
    server.sync.registry.use(meetingCaseDocumentName(meetingId, caseId), (doc) => addAction(doc, input));

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();

    // Sevda plans last week's meeting with Youssef and Nadia and puts Ahmet on the agenda.
    const sevda = userIdOf(server, 'sevda');
    const { neighbourhoodId } = server.db
      .prepare<[string], { neighbourhoodId: string }>(
        'SELECT neighbourhood_id AS neighbourhoodId FROM cases WHERE id = ?',
      )
      .get(caseId)!;
    const planned = await api(server, sevda, 'POST', '/api/meetings', {
      neighbourhoodId,
      title: 'Casusoverleg Molenwijk',
      startsAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      attendeeIds: [youssef, 'prof-nadia-haddou'],
    });
    expect(planned.status).toBe(201);
    meetingId = (planned.body as { id: string }).id;
    // The demo's earlier meeting gave Youssef actions too; the counts below are this meeting's own.
    server.db.prepare('DELETE FROM meeting_actions').run();
    const agenda = await api(server, sevda, 'POST', `/api/meetings/${meetingId}/agenda`, {
      caseId,
      question,
      slotMinutes: 15,
    });
    expect(agenda.status).toBe(201);
    await server.sync.registry.use(meetingCaseDocumentName(meetingId, caseId), (doc) => {
      addDecision(doc, decision);
      meetingNotes(doc)!.insert(0, notes);
      tagPerspective(doc, 'patient', true);
      tagPerspective(doc, 'low-literacy', true);
    });
    await addMeetingAction({ text: lateAction, ownerId: youssef, dueDate: dayFromToday(-3) });
    await addMeetingAction({ text: laterAction, ownerId: youssef, dueDate: dayFromToday(14) });
    await eventually(async () => {
      const mine = await api(server, userIdOf(server, 'youssef'), 'GET', '/api/actions/mine');
      expect((mine.body as ActionsAnswer).actions).toHaveLength(2);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the owner sees the overdue action flagged, a new one arrives live, and done moves it to Afgerond', async () => {
    const page = await pageOf('youssef');
    await page.goto(`${server.url}/acties`);
    await page.getByRole('link', { name: 'Mijn acties' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    const open = page.getByRole('region', { name: /^Open/ });
    const late = open.getByRole('listitem').filter({ hasText: lateAction });
    await late.getByText(/Te laat/).waitFor();
    await open.getByText('1 te laat').waitFor();
    // Overdue first; the other one is not flagged.
    expect(await open.getByRole('listitem').first().textContent()).toContain(lateAction);
    expect(await open.getByRole('listitem').filter({ hasText: laterAction }).textContent()).not.toContain(
      'Te laat',
    );
    expect(await late.getByRole('link', { name: 'Ahmet Yılmaz' }).getAttribute('href')).toBe(
      `/cases/${caseId}`,
    );
    expect(await late.getByRole('link', { name: /Casusoverleg Molenwijk/ }).getAttribute('href')).toBe(
      `/overleg/${meetingId}`,
    );

    // An action typed in the meeting meanwhile appears without reloading.
    await addMeetingAction({ text: liveAction, ownerId: youssef, dueDate: dayFromToday(2) });
    await open.getByText(liveAction).waitFor();
    await screenshot(page, 'my-actions.png');

    await page.getByRole('checkbox', { name: `Klaar: ${lateAction}` }).click();
    await open.getByText('2 open acties').waitFor();
    expect(await open.getByText(lateAction).count()).toBe(0);
    await page.getByText('Afgerond (1)').click();
    const done = page.locator('.done-actions');
    await done.getByText(lateAction).waitFor();
    expect(await done.getByRole('checkbox', { name: `Klaar: ${lateAction}` }).isChecked()).toBe(true);
    await screenshot(page, 'my-actions-done.png');

    // Undo brings it back among the open ones.
    await done.getByRole('checkbox', { name: `Klaar: ${lateAction}` }).click();
    await open.getByText(lateAction).waitFor();
    await page.context().close();
  });

  it('the case board flags the overdue action; its owner ticks it off there', async () => {
    const sevda = await pageOf('sevda');
    await sevda.goto(`${server.url}/cases/${caseId}`);
    const panel = sevda.getByRole('region', { name: /Acties uit het overleg/ });
    await panel.getByText(lateAction).waitFor();
    await panel.getByText('1 actie te laat').waitFor();
    await panel.getByText('Eigenaar: Youssef El Amrani').first().waitFor();
    // Sevda does not own it: no checkbox for her.
    expect(await panel.getByRole('checkbox').count()).toBe(0);
    await panel.screenshot({ path: path.join(screenshotDir, 'board-meeting-actions.png') });

    const owner = await pageOf('youssef');
    await owner.goto(`${server.url}/cases/${caseId}`);
    const ownPanel = owner.getByRole('region', { name: /Acties uit het overleg/ });
    await ownPanel.getByRole('checkbox', { name: `Klaar: ${lateAction}` }).click();
    await eventually(async () => expect(await ownPanel.getByText(lateAction).count()).toBe(0));
    expect(await ownPanel.getByText(/te laat/).count()).toBe(0);
    await sevda.context().close();
    await owner.context().close();
  });

  it('after the close the minutes show question, notes, the client’s question discussed, decisions and actions, and print without the app around them', async () => {
    const page = await pageOf('sevda');
    // The client asked a question for the meeting; Sevda ticks it off there.
    const ahmet = server.db
      .prepare<[string], { id: string }>("SELECT id FROM users WHERE client_case_id = ? AND role = 'client'")
      .get(caseId)!;
    await server.services.clientVoice.askQuestion(
      caseId,
      { userId: ahmet.id, role: 'client' },
      clientQuestion,
    );
    await page.goto(`${server.url}/overleg/${meetingId}`);
    const questions = page.getByRole('region', { name: 'Vragen van de cliënt voor dit overleg' });
    await questions.getByRole('button', { name: `Besproken: ${clientQuestion}` }).click();
    await questions.getByRole('heading', { name: 'Besproken in dit overleg' }).waitFor();
    await questions.getByText(/aangevinkt door Sevda/).waitFor();

    await page.goto(`${server.url}/overleg/${meetingId}/verslag`);
    await page.getByText('Er is nog geen verslag.', { exact: false }).waitFor();

    const closed = await api(server, userIdOf(server, 'sevda'), 'POST', `/api/meetings/${meetingId}/close`);
    expect(closed.status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Verslag: Casusoverleg Molenwijk' }).waitFor();
    const item = page.getByRole('region', { name: /^A\.Y\./ });
    await item.getByText(question).waitFor();
    await item.getByText(decision).waitFor();
    await item.getByText(lateAction).waitFor();
    await item
      .getByText(/Youssef El Amrani, uiterlijk/)
      .first()
      .waitFor();
    await item.getByText('Patiënt, Laaggeletterd').waitFor();
    expect(await item.locator('.minutes-notes').innerText()).toBe(notes);
    await item.getByText(clientQuestion).waitFor();
    await item.getByText(/besproken en aangevinkt door Sevda/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Aanwezig' }).waitFor();
    const exportLink = page.getByRole('link', { name: 'Exporteren' });
    const href = `/api/meetings/${meetingId}/minutes.md?tz=Europe%2FAmsterdam`;
    expect(await exportLink.getAttribute('href')).toBe(href);
    expect(await exportLink.getAttribute('download')).not.toBeNull();
    const exported = await (await page.request.get(`${server.url}${href}`)).text();
    expect(exported).toContain(`### Notities\n\n${notes}`);
    expect(exported).toContain(clientQuestion);
    expect(exported).toContain('### Besproken perspectieven\n\n- Patiënt\n- Laaggeletterd');
    await screenshot(page, 'minutes.png');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await exportLink.isVisible()).toBe(false);
    expect(await item.getByText(decision).isVisible()).toBe(true);
    await screenshot(page, 'minutes-print.png');

    // The page around the minutes follows the chosen language; the minutes stay Dutch.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Minutes: Casusoverleg Molenwijk' }).waitFor();
    await page.getByText('The minutes are written in Dutch.').waitFor();
    await item.getByText(decision).waitFor();

    // The closed meeting's page shows the question as discussed there, and no open ones to tick.
    await page.goto(`${server.url}/overleg/${meetingId}`);
    await page.getByText(clientQuestion).waitFor();
    expect(await page.getByRole('button', { name: /^Discussed:|^Besproken:/ }).count()).toBe(0);
    await page.context().close();
  });
});
