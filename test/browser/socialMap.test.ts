import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/doc/board.js';
import type { Goal } from '../../shared/doc/board.js';
import { sqliteDocumentStore } from '../../server/db/documentStore.js';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/** Where the screenshots of the social map go, to look at by eye. */
const shots = '/tmp/shots-helper';
const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 780 };

describe.skipIf(!browserTestsEnabled)('the social map in Chromium (SPEC SM1–SM5)', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';
  /** A goal of Ahmet Yılmaz's that he sees in his plan and that has no service linked yet. */
  let goal: Goal;
  const contexts: BrowserContext[] = [];

  const newPage = async (username: string | null, viewport = desktop) => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    if (username) await addSessionCookie(context, server, username);
    return context.newPage();
  };
  /** What the window shows (a whole long list would be too small to look at). */
  const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name) });
  const cards = (page: Page) => page.locator('.service-list > li > article');
  const openMap = async (username: string) => {
    const page = await newPage(username);
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Sociale kaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await page.locator('.map-count').waitFor();
    return page;
  };
  /** The board of Ahmet Yılmaz, live, with the editor of `goal` open. */
  const openGoal = async (username: string, viewport = { width: 1280, height: 1400 }) => {
    const page = await newPage(username, viewport);
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.locator('.board-status').getByText('Live verbonden').waitFor();
    await page.getByRole('button', { name: `Bewerk doel: ${goal.title}`, exact: true }).click();
    await page.locator('dialog[open]').waitFor();
    return page;
  };
  const activeServices = (peerRunOnly: boolean) =>
    server.db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM social_services WHERE status = 'active'${peerRunOnly ? ' AND peer_run = 1' : ''}`,
      )
      .get()!.n;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    const doc = new Y.Doc();
    for (const u of sqliteDocumentStore(server.db).load(`case:${caseId}:shared`)) Y.applyUpdate(doc, u);
    goal = readBoard(doc).goals.find((g) => g.visibleToClient && g.services.length === 0)!;
    expect(goal, 'a goal the client sees, without a service').toBeDefined();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('a GP searches the map, keeps only peer-run services, and the address keeps the filter (SM2)', async () => {
    const page = await openMap('youssef');
    await screenshot(page, 'map-youssef-1280.png');
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    await search.fill('schuld');
    // The name matches first: the debt counselling intake heads the list.
    await expect
      .poll(() => cards(page).first().getAttribute('aria-label'))
      .toBe('Schuldhulpverlening: aanmelden en intake');
    await expect.poll(() => cards(page).count()).toBeLessThan(activeServices(false));
    await expect(cards(page).first().locator('.badge-free').textContent()).resolves.toBe('Gratis');
    expect(page.url()).toContain('q=schuld');

    await search.fill('');
    // The box follows the address, which React Router v7 updates in a transition: a moment later.
    const peerRunOnly = page.getByRole('checkbox', { name: 'Alleen ervaringsdeskundig' });
    await peerRunOnly.click();
    await expect.poll(() => peerRunOnly.isChecked()).toBe(true);
    const peerRun = activeServices(true);
    expect(peerRun).toBeGreaterThan(0);
    await expect.poll(() => cards(page).count()).toBe(peerRun);
    await page.locator('.map-count').getByText(`${peerRun} diensten gevonden`).waitFor();
    for (const card of await cards(page).all())
      await expect(card.locator('.badge-peer').textContent()).resolves.toBe('Ervaringsdeskundig');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    expect(new URL(page.url()).searchParams.get('peerRun')).toBe('true');
    await expect(peerRunOnly.isChecked()).resolves.toBe(true);
    await expect.poll(() => cards(page).count()).toBe(peerRun);
    await expect(cards(page).locator('.badge-peer').count()).resolves.toBe(peerRun);

    // The details of a card, one click further, and the map on a phone.
    await cards(page)
      .first()
      .getByRole('button', { name: /^Meer over / })
      .click();
    await cards(page).first().locator('.service-details').waitFor();
    await screenshot(page, 'map-details-1280.png');
    const small = await newPage('youssef', phone);
    await small.goto(`${server.url}/kaart`);
    await small.locator('.map-count').waitFor();
    await screenshot(small, 'map-youssef-360.png');
    const width = await small.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0], 'the map scrolls sideways at 360 px').toBeLessThanOrEqual(width[1]!);
  });

  it('a service linked to a goal shows live on the colleague’s board and in the client’s plan (SM3)', async () => {
    const youssef = await openGoal('youssef');
    await youssef.locator('dialog[open] .goal-help').getByText('Nog geen dienst gekoppeld.').waitFor();

    const sevda = await openGoal('sevda');
    await sevda.getByRole('button', { name: 'Wie kan hierbij helpen?' }).click();
    const offered = sevda.locator('.help-panel .service-list > li > article');
    await offered.first().waitFor();
    await offered.first().scrollIntoViewIfNeeded();
    await screenshot(sevda, 'goal-help-1280.png');
    const name = (await offered.first().getAttribute('aria-label'))!;
    await offered.first().getByRole('button', { name: 'Koppel aan dit doel' }).click();
    await offered.first().getByText('Gekoppeld', { exact: true }).waitFor();

    // Youssef's open editor shows it without a reload, with its contact person's phone.
    const helps = youssef.getByRole('region', { name: 'Wie helpt' });
    await helps.locator('.linked-services').getByText(name, { exact: true }).waitFor();
    const service = (await server.services.socialMap.store.all()).find((s) => s.name === name)!;
    await helps.locator('.linked-services').getByRole('link', { name: service.contact.phone }).waitFor();

    const ahmet = await newPage('ahmet', phone);
    await ahmet.goto(`${server.url}/mijn-plan`);
    await ahmet.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    const inPlan = ahmet.locator('.plan-goal-service').filter({ hasText: name });
    await inPlan.waitFor();
    await expect(inPlan.textContent()).resolves.toContain(service.contact.phone);
    await inPlan.scrollIntoViewIfNeeded();
    await screenshot(ahmet, 'plan-service-360.png');

    const narrow = await openGoal('sevda', phone);
    await narrow.getByRole('button', { name: 'Wie kan hierbij helpen?' }).click();
    await narrow.locator('.help-panel .service-card').first().scrollIntoViewIfNeeded();
    await screenshot(narrow, 'goal-help-360.png');
  });

  it('a contact person confirms a service once through the link the administrator made (SM5)', async () => {
    const admin = await openMap('beheer');
    const card = cards(admin).first();
    const name = (await card.getAttribute('aria-label'))!;
    await card.getByRole('button', { name: 'Link voor de contactpersoon' }).click();
    const url = await admin.getByRole('textbox', { name: 'Link voor de contactpersoon' }).inputValue();
    expect(url).toContain('/kaart/bevestig/');
    await screenshot(admin, 'map-admin-link-1280.png');
    const before = (await server.services.socialMap.store.all()).find((s) => s.name === name)!;

    const contact = await newPage(null);
    await contact.goto(url);
    await contact.getByRole('heading', { level: 1, name: `Klopt de informatie over ${name} nog?` }).waitFor();
    await screenshot(contact, 'confirm-1280.png');
    const small = await newPage(null, phone);
    await small.goto(url);
    await small.getByRole('button', { name: 'Ja, alles klopt nog' }).waitFor();
    await screenshot(small, 'confirm-360.png');
    await contact.getByRole('button', { name: 'Ja, alles klopt nog' }).click();
    await contact
      .getByRole('status')
      .getByText('Dank je wel! Op de sociale kaart staat nu dat deze informatie klopt.')
      .waitFor();
    const after = (await server.services.socialMap.store.all()).find((s) => s.id === before.id)!;
    expect(Date.parse(after.lastConfirmedAt)).toBeGreaterThan(Date.parse(before.lastConfirmedAt));

    const again = await newPage(null, phone);
    await again.goto(url);
    await again
      .getByRole('alert')
      .getByText(/Deze link is al gebruikt of werkt niet meer/)
      .waitFor();
    await screenshot(again, 'confirm-used-360.png');
  });

  it('the administrator is told in words what a new service misses, then it is on the map', async () => {
    const admin = await openMap('beheer');
    await admin.getByRole('button', { name: '+ Dienst toevoegen' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Nieuwe dienst' }).waitFor();
    await admin.getByLabel('Wat het is, in gewone woorden').fill('Samen koken en eten, elke donderdag.');
    await admin.getByRole('group', { name: 'Levensdomeinen' }).getByRole('checkbox').first().check();
    await admin.getByLabel('Naam', { exact: true }).fill('Marieke Jansen');
    await admin.getByLabel('Telefoon').fill('06-12345678');
    await admin.getByLabel('E-mail').fill('marieke@kookclub.example');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByRole('alert').getByText('Naam van de dienst: vul dit in').waitFor();
    await screenshot(admin, 'form-missing-name-1280.png');

    // The field it names has the focus, so typing fills it in.
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.closest('.field')?.textContent))
      .toContain('Naam van de dienst');
    await admin.keyboard.type('Kookclub De Schakel');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByRole('status').getByText('Kookclub De Schakel staat op de kaart.').waitFor();
    await admin.getByRole('searchbox', { name: 'Zoeken' }).fill('kookclub');
    await expect.poll(() => cards(admin).first().getAttribute('aria-label')).toBe('Kookclub De Schakel');
  });
});
