import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRound, HealthRound } from '../../shared/collaborationHealth.js';
import { statements, statementIds } from '../../shared/collaborationHealthStatements.js';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { api } from '../utils/http.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/** Where the screenshots go, to look at by eye. */
const shots = '/tmp/ch-shots';
const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 780 };
const base = '/api/collaboration-health';
const title = 'Scan winter browsertest';
/** The one who answers through the form, with the keyboard. */
const byHand = 'youssef';

describe.skipIf(!browserTestsEnabled)('collaboration health in Chromium (SPEC CH1–CH5, CH8)', () => {
  let server: TestServer;
  let browser: Browser;
  let roundId = '';
  const contexts: BrowserContext[] = [];

  const newPage = async (username: string, viewport = desktop) => {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    contexts.push(context);
    await addSessionCookie(context, server, username);
    return context.newPage();
  };
  const open = async (username: string, viewport = desktop) => {
    const page = await newPage(username, viewport);
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Samenwerking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenwerking' }).waitFor();
    await page.locator('.ch-results h2').waitFor();
    return page;
  };
  const screenshot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: path.join(shots, name), fullPage });
  const noSidewaysScroll = async (page: Page) => {
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client!);
  };
  /** The demo accounts (professionals and coordinators) who take part in the round, by side. */
  const participants = async () => {
    const rows = server.db
      .prepare<[], { username: string; domain: 'medical' | 'social' }>(
        `SELECT u.username, p.domain FROM users u JOIN professionals p ON p.id = u.professional_id
         WHERE u.role IN ('professional', 'coordinator') ORDER BY u.username`,
      )
      .all();
    const inRound: typeof rows = [];
    for (const row of rows) {
      const answer = await api(server, userIdOf(server, row.username), 'GET', `${base}/rounds`);
      if ((answer.body as { rounds: MyRound[] }).rounds.some((r) => r.id === roundId)) inRound.push(row);
    }
    return inRound;
  };

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('[CH1] the administrator opens a round through the page', async () => {
    const page = await open('beheer');
    await page.getByLabel('Titel').fill(title);
    const closesOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    // Nothing is sent without a closing date; the message says what is missing.
    await page.getByRole('button', { name: 'Open ronde' }).click();
    await page.getByRole('alert').getByText('Kies een sluitdatum.').waitFor();
    await page.getByLabel('Sluitdatum').fill(closesOn);
    await page.getByRole('button', { name: 'Open ronde' }).click();
    await page.getByRole('status').getByText(`Ronde "${title}" is geopend.`).waitFor();
    await page.locator('.ch-round-item.open').getByText(title).waitFor();
    const rounds = await api(server, userIdOf(server, 'beheer'), 'GET', `${base}/rounds`);
    roundId = (rounds.body as { rounds: HealthRound[] }).rounds.find((r) => r.title === title)!.id;
    expect(roundId).toBeTruthy();
    await screenshot(page, 'admin-1280.png');
    const small = await open('beheer', phone);
    await screenshot(small, 'admin-360.png');
    await noSidewaysScroll(small);
  });

  it('[CH2] a professional answers with the keyboard; a missing answer is named and focused', async () => {
    const page = await open(byHand);
    const scan = page.locator('.ch-round', { hasText: title });
    await scan.getByText('Je hebt deze ronde nog niet ingevuld.').waitFor();
    await screenshot(page, 'professional-form-1280.png');

    const save = scan.getByRole('button', { name: 'Opslaan' });
    await save.focus();
    await page.keyboard.press('Enter');
    const first = statements[0]!;
    await scan
      .getByRole('alert')
      .getByText(`Je hebt ${statements.length} stellingen nog niet beantwoord`)
      .waitFor();
    await scan.getByRole('alert').getByText(first.nl, { exact: false }).waitFor();
    const firstRadio = `#ch-${roundId}-${first.id.replace('.', '-')}-1`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(firstRadio.slice(1));

    // Each statement: to its first choice, then three steps right ("eens", 4), as the keyboard goes.
    for (const s of statements) {
      await page.locator(`#ch-${roundId}-${s.id.replace('.', '-')}-1`).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    }
    await scan.getByLabel('Toelichting (mag leeg blijven)').first().focus();
    await page.keyboard.type('We zien elkaar vaker sinds het spreekuur.');
    await save.focus();
    await page.keyboard.press('Enter');
    await scan.getByRole('status').getByText('Je antwoorden zijn opgeslagen.').waitFor();
    const mine = await api(server, userIdOf(server, byHand), 'GET', `${base}/rounds/${roundId}/answers`);
    const round = (mine.body as { round: MyRound }).round;
    expect(Object.keys(round.mine!.scores).sort()).toEqual([...statementIds].sort());
    expect(new Set(Object.values(round.mine!.scores))).toEqual(new Set([4]));
    expect(round.mine!.comments.urgency).toBe('We zien elkaar vaker sinds het spreekuur.');

    const small = await open(byHand, phone);
    await small
      .locator('.ch-round', { hasText: title })
      .getByRole('button', { name: /antwoorden/ })
      .click();
    await small.locator('.ch-scan').first().waitFor();
    await screenshot(small, 'professional-form-360.png');
    await noSidewaysScroll(small);
  });

  it('[CH3] the others answer with their own sessions, and each reads back only their own', async () => {
    const people = await participants();
    const medical = people.filter((p) => p.domain === 'medical' && p.username !== byHand).slice(0, 4);
    const social = people.filter((p) => p.domain === 'social').slice(0, 5);
    expect([medical.length, social.length], 'enough people on both sides').toEqual([4, 5]);
    for (const [i, p] of [...medical, ...social].entries()) {
      const score = p.domain === 'medical' ? 5 : 2;
      const answer = await api(
        server,
        userIdOf(server, p.username),
        'PUT',
        `${base}/rounds/${roundId}/answers`,
        {
          scores: Object.fromEntries(statementIds.map((id) => [id, score])),
          comments: i === 0 ? { respect: 'Meer tijd om elkaar te leren kennen.' } : {},
        },
      );
      expect(answer.status).toBe(204);
    }
    const someone = social[0]!.username;
    const theirs = await api(server, userIdOf(server, someone), 'GET', `${base}/rounds/${roundId}/answers`);
    expect(new Set(Object.values((theirs.body as { round: MyRound }).round.mine!.scores))).toEqual(
      new Set([2]),
    );

    // Youssef sees his own answers again in the form, not anyone else's.
    const page = await open(byHand);
    const scan = page.locator('.ch-round', { hasText: title });
    await scan.getByText('Je hebt deze ronde ingevuld.', { exact: false }).waitFor();
    await scan.getByRole('button', { name: 'Bekijk of verander je antwoorden' }).click();
    await expect.poll(() => scan.locator('input[type=radio]:checked').count()).toBe(statementIds.length);
    await expect(scan.locator('input[type=radio][value="4"]:checked').count()).resolves.toBe(
      statementIds.length,
    );
    await expect(scan.getByLabel('Toelichting (mag leeg blijven)').first().inputValue()).resolves.toBe(
      'We zien elkaar vaker sinds het spreekuur.',
    );
    // An open round gives no results (CH4): the latest results are still another round's.
    await expect(page.locator('.ch-results').getByText(title).count()).resolves.toBe(0);
  });

  it('[CH4] [CH5] once closed, the results and the aims show with charts and table views', async () => {
    const admin = await open('beheer');
    await admin.getByRole('button', { name: `Sluit ronde: ${title}` }).click();
    await admin.getByRole('status').getByText(`Ronde "${title}" is gesloten.`).waitFor();
    await admin.locator('.ch-round-item.closed').getByText(title).first().waitFor();

    for (const [who, viewport, name] of [
      ['beheer', desktop, 'admin-results-1280.png'],
      [byHand, desktop, 'professional-results-1280.png'],
      [byHand, phone, 'professional-results-360.png'],
      ['beheer', phone, 'admin-results-360.png'],
    ] as const) {
      const page = await open(who, viewport);
      const results = page.locator('.ch-results');
      await results.getByText(`Laatste gesloten ronde: ${title}`, { exact: false }).waitFor();
      await results.getByText('10 mensen deden mee', { exact: false }).waitFor();
      // The sides differ on every condition: all nine are listed (the pulse is aim 5), none suppressed.
      await expect(results.locator('.ch-gaps li').count()).resolves.toBe(9);
      await results.getByRole('heading', { name: 'Waar de kanten het meest verschillen' }).waitFor();
      await expect(results.locator('.ch-chart svg').count()).resolves.toBeGreaterThanOrEqual(3);
      await results.getByText('Meer tijd om elkaar te leren kennen.').waitFor();
      const perCondition = results.locator('.ch-figure', { hasText: 'Per voorwaarde' });
      await perCondition.locator('summary', { hasText: 'Tabel' }).click();
      await expect(perCondition.locator('tbody tr').count()).resolves.toBe(10);
      await expect(perCondition.locator('tbody').textContent()).resolves.toContain('2,0');
      await expect(perCondition.locator('tbody').textContent()).resolves.toContain('4,8');
      const aims = page.locator('.ch-aims');
      await aims.getByRole('heading', { name: 'De doelen, gemeten uit het werk' }).waitFor();
      await expect(aims.locator('.ch-chart svg').count()).resolves.toBeGreaterThanOrEqual(2);
      await aims.getByText('Kosten per cliënt (benadering)').waitFor();
      const delays = aims.locator('.ch-figure', { hasText: 'Wachttijd' });
      await delays.locator('summary').click();
      await expect(delays.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
      await screenshot(page, name, true);
      if (viewport === phone) await noSidewaysScroll(page);
    }

    // The one-page summary for a policy meeting: "Afdrukken" prints, and paper has no menu or buttons.
    const page = await open('beheer');
    await page.locator('.ch-results .ch-chart svg').first().waitFor();
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await expect(page.locator('body').getAttribute('data-printed')).resolves.toBe('yes');
    await expect(
      page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href'),
    ).resolves.toContain('/api/collaboration-health/export.csv');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.ch-controls', '.ch-admin', '.ch-scope'])
      await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
    await expect(page.locator('.ch-results .ch-chart svg').first().isVisible()).resolves.toBe(true);
    await page.pdf({ path: path.join(shots, 'print.pdf'), format: 'A4' }).catch(() => undefined);
    await screenshot(page, 'admin-print.png', true);

    // Closed: answers no longer change (CH2).
    const late = await api(server, userIdOf(server, byHand), 'PUT', `${base}/rounds/${roundId}/answers`, {
      scores: Object.fromEntries(statementIds.map((id) => [id, 1])),
    });
    expect([late.status, (late.body as { code?: string }).code]).toEqual([409, 'round-closed']);
  });
});
