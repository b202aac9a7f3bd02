import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app.js';
import type { RunningServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { freePort } from '../utils/serverProcess.js';

/**
 * Issue 12's proof: a neighbourhood starts on an empty data folder in production and does real
 * work through the app alone. The administrator (INITIAL_ADMIN_*) keeps the places and people,
 * each new colleague uses the one-time link the admin hands over (and sets up two-step
 * verification, as production requires), a GP registers a client with members of both sides,
 * the coordinator invites the client, one member edits the board while another watches, the
 * client reads the plan, and the closed case is read-only for everyone.
 */
const adminPassword = 'beheer-begint-met-een-lege-database-2026';
const passwordOf = (username: string) => `${username} kiest een lange zin als wachtwoord`;
const team = {
  gp: {
    name: 'Pieter Bakker',
    username: 'pieter',
    roleTitle: 'Huisarts',
    side: 'medical',
    role: 'professional',
  },
  nurse: {
    name: 'Ilse Jansen',
    username: 'ilse',
    roleTitle: 'Wijkverpleegkundige',
    side: 'medical',
    role: 'professional',
  },
  coordinator: {
    name: 'Karin de Vries',
    username: 'karin',
    roleTitle: 'Wmo-consulent',
    side: 'social',
    role: 'coordinator',
  },
  debt: {
    name: 'Omar Haddou',
    username: 'omar',
    roleTitle: 'Schuldhulpverlener',
    side: 'social',
    role: 'professional',
  },
} as const;
type Colleague = keyof typeof team;
const client = { name: 'Gerrit Smit', username: 'gerrit', birthDate: '1958-09-23' };
const goalTitle = 'Weer zelf boodschappen doen';

describe.skipIf(!browserTestsEnabled)('from an empty database to real work, in production', () => {
  let server: RunningServer;
  let url: string;
  let browser: Browser;
  let step = 0;
  const shot = (page: Page, name: string) =>
    page.screenshot({
      path: path.join(screenshotDir, `empty-${String(++step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  };
  /** Production asks admins and professionals for two-step verification before anything else. */
  const setUpTwoFactor = async (page: Page) => {
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    const secret = (await page.getByLabel('Sleutel voor de app').textContent())!.replace(/\s/g, '');
    await page.getByLabel(/Typ de code van 6 cijfers/).fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click();
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
  };
  /** A new colleague opens the admin's link, chooses a password and sets up two-step verification. */
  const arrive = async (link: string, who: Colleague) => {
    const page = await newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: `Welkom, ${team[who].name}` }).waitFor();
    await page.getByLabel('Kies een wachtwoord').fill(passwordOf(team[who].username));
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(passwordOf(team[who].username));
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await setUpTwoFactor(page);
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    return page;
  };
  const canAddGoals = (page: Page) => page.getByRole('button', { name: /^Nieuw doel bij/ }).count();

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-empty-'));
    const dataDir = path.join(root, 'data');
    const port = await freePort();
    url = `http://localhost:${port}`;
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      INITIAL_ADMIN_USERNAME: 'beheer',
      INITIAL_ADMIN_PASSWORD: adminPassword,
    });
    expect(config.demoData).toBe(false);
    expect(config.twoFactor.required).toBe(true);
    server = await startServer({ ...config, clientDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin, four colleagues and a client take a case from intake to closed', async () => {
    // Nothing but the first admin: no places, no teams, no cases.
    const count = (table: string) =>
      (server.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('districts'), count('teams'), count('professionals'), count('cases')]).toEqual([
      0, 0, 0, 0,
    ]);

    // The administrator signs in with the initial password and sets up two-step verification.
    const admin = await newPage();
    await admin.goto(`${url}/`);
    await admin.getByLabel('Gebruikersnaam').fill('beheer');
    await admin.getByLabel('Wachtwoord').fill(adminPassword);
    await admin.getByRole('button', { name: 'Inloggen' }).click();
    await setUpTwoFactor(admin);
    await admin.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    await shot(admin, 'admin-empty');

    // A district with two neighbourhoods.
    await admin.getByLabel('Naam van de nieuwe wijk').fill('Molenwijk');
    await admin.getByRole('button', { name: 'Wijk toevoegen' }).click();
    await admin.getByText('Wijk Molenwijk is toegevoegd.').waitFor();
    for (const name of ['Noord', 'Zuid']) {
      await admin.getByLabel('Wijk van de nieuwe buurt').selectOption({ label: 'Molenwijk' });
      await admin.getByLabel('Naam van de nieuwe buurt').fill(name);
      await admin.getByRole('button', { name: 'Buurt toevoegen' }).click();
      await admin.getByText(`Buurt ${name} is toegevoegd.`).waitFor();
    }

    // A GP team and a neighbourhood team.
    const teams = [
      ['Huisartsenpraktijk Noord', 'primary-care'],
      ['Sociaal wijkteam Noord', 'neighbourhood-team'],
    ] as const;
    for (const [name, kind] of teams) {
      await admin.getByLabel('Naam van het nieuwe team').fill(name);
      await admin.getByLabel('Soort team', { exact: true }).selectOption(kind);
      await admin.getByLabel('Buurt van het team').selectOption({ label: 'Noord (Molenwijk)' });
      await admin.getByRole('button', { name: 'Team toevoegen' }).click();
      await admin.getByRole('table', { name: 'Teams' }).getByRole('rowheader', { name }).waitFor();
    }
    await shot(admin, 'admin-places-and-teams');

    // Four professionals, each with a one-time link to hand over.
    const links = {} as Record<Colleague, string>;
    for (const who of Object.keys(team) as Colleague[]) {
      const p = team[who];
      await admin.locator('#new-professional-name').fill(p.name);
      await admin.locator('#new-professional-roleTitle').fill(p.roleTitle);
      await admin.locator('#new-professional-side').selectOption(p.side);
      await admin
        .locator('#new-professional-teamId')
        .selectOption({ label: p.side === 'medical' ? teams[0][0] : teams[1][0] });
      await admin.locator('#new-professional-role').selectOption(p.role);
      await admin.locator('#new-professional-username').fill(p.username);
      await admin.getByRole('button', { name: 'Professional aanmaken' }).click();
      links[who] = await admin.getByLabel(`Eenmalige link voor ${p.name}`).inputValue();
      expect(links[who]).toMatch(new RegExp(`^${url}/invitation/[A-Za-z0-9_-]{20,}$`));
    }
    await admin
      .getByRole('table', { name: 'Professionals' })
      .getByRole('rowheader', { name: team.debt.name })
      .waitFor();
    await shot(admin, 'admin-professionals');

    // Each colleague uses their link.
    const pages = {} as Record<Colleague, Page>;
    for (const who of Object.keys(team) as Colleague[]) pages[who] = await arrive(links[who], who);
    const { gp, nurse, coordinator, debt } = pages;
    await shot(gp, 'gp-empty-caseload');

    // The GP registers a client: Karin coordinates, Ilse writes, Omar reads.
    await gp.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await gp.getByRole('heading', { name: 'Nieuwe cliënt' }).waitFor();
    await gp.getByLabel('Naam', { exact: true }).fill(client.name);
    await gp.getByLabel('Geboortedatum').fill(client.birthDate);
    await gp.getByLabel('Buurt').selectOption({ label: 'Noord' });
    await gp.getByLabel('Voorkeurstaal').selectOption('nl');
    await gp.getByLabel('Leest moeilijk (laaggeletterd)').check();
    await gp.getByLabel('Reden van de aanmelding').selectOption('stroke');
    const professionalId = (who: Colleague) =>
      (server.db.prepare('SELECT id FROM professionals WHERE name = ?').get(team[who].name) as { id: string })
        .id;
    await gp.getByLabel('Regievoerder').selectOption(professionalId('coordinator'));
    for (const [who, access] of [
      ['nurse', 'write'],
      ['debt', 'read'],
    ] as const) {
      await gp.getByLabel('Lid om toe te voegen').selectOption(professionalId(who));
      await gp.getByRole('button', { name: 'Lid toevoegen' }).click();
      await gp.getByLabel(`Toegang van ${team[who].name}`).selectOption(access);
    }
    await shot(gp, 'intake-form');
    await gp.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await gp.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await gp.locator('.board-status').getByText('Live verbonden').waitFor();
    const caseId = decodeURIComponent(new URL(gp.url()).pathname.split('/').pop()!);
    // A random id: a URL or a log line never names the client.
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await shot(gp, 'new-board');

    // The coordinator finds the client on her caseload and invites them to their plan.
    await coordinator.reload();
    await coordinator.getByRole('link', { name: client.name }).click();
    await coordinator.locator('.board-status').getByText('Live verbonden').waitFor();
    await coordinator.locator('#invite-username').fill(client.username);
    await coordinator.getByRole('button', { name: 'Link maken' }).click();
    const clientLink = await coordinator.getByLabel(`Eenmalige link voor ${client.name}`).inputValue();
    await shot(coordinator, 'client-invited');

    // Ilse adds a goal for the client while Omar (read only) watches it appear.
    await nurse.goto(`${url}/cases/${caseId}`);
    await debt.goto(`${url}/cases/${caseId}`);
    for (const page of [nurse, debt])
      await page.locator('.board-status').getByText('Live verbonden').waitFor();
    expect(await canAddGoals(debt)).toBe(0);
    // Quick add in a cell: the title first, Enter, and Escape when done; nothing is made before.
    await nurse.getByRole('button', { name: 'Nieuw doel bij Zorg, Tijdens behandeling' }).click();
    await nurse.keyboard.type(goalTitle);
    await nurse.keyboard.press('Enter');
    await nurse.keyboard.press('Escape');
    // Read only: his button says what it does.
    await debt.getByRole('button', { name: `Bekijk doel: ${goalTitle}` }).waitFor();
    await nurse.getByRole('button', { name: `Bewerk doel: ${goalTitle}` }).click();
    await nurse.getByLabel('Zichtbaar voor de cliënt').check();
    await nurse.getByRole('button', { name: 'Klaar' }).click();
    await shot(debt, 'watching-live');
    // The client chooses a password and reads the plan.
    const own = await newPage();
    await own.goto(clientLink);
    await own.getByRole('heading', { name: `Welkom, ${client.name}` }).waitFor();
    await own.getByLabel('Kies een wachtwoord').fill(passwordOf(client.username));
    await own.getByLabel('Herhaal het nieuwe wachtwoord').fill(passwordOf(client.username));
    await own.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await own.getByText(goalTitle).waitFor();
    await own.getByText(team.coordinator.name).first().waitFor();
    // While the support goes on the client can write: own words, questions, a consent.
    await own.getByRole('button', { name: 'Zeg het in je eigen woorden' }).first().click();
    for (const form of ['Mijn vraag', 'In mijn eigen woorden']) await own.getByLabel(form).waitFor();
    await own.getByRole('button', { name: 'Ja, dit mag' }).waitFor();
    await shot(own, 'client-plan');

    // The coordinator closes the case: read-only on every open board, and the client is told.
    const panel = coordinator.getByRole('region', { name: 'Dossier' });
    await panel.getByLabel('Reden van sluiten').selectOption({ label: 'Doelen bereikt' });
    await panel.getByLabel('Afsluitnotitie').fill('Gerrit doet weer zelf zijn boodschappen.');
    await panel.getByRole('button', { name: 'Dossier sluiten' }).click();
    for (const page of [coordinator, nurse, debt]) {
      await page.getByText('Gesloten', { exact: true }).waitFor();
      await expect.poll(() => canAddGoals(page)).toBe(0);
    }
    // The editor of the goal opens read-only: nothing can be typed into it.
    await nurse.getByRole('button', { name: `Bekijk doel: ${goalTitle}` }).click();
    await expect.poll(() => nurse.getByLabel('Doel (zoals het team het noemt)').isEditable()).toBe(false);
    await shot(nurse, 'closed-board');
    await own.reload();
    await own.getByText('De begeleiding is gestopt', { exact: false }).waitFor();
    // What the server would now refuse is not offered: no questions, ratings, own words or new consent.
    for (const form of ['Mijn vraag', 'In mijn eigen woorden'])
      expect(await own.getByLabel(form).count()).toBe(0);
    expect(await own.getByRole('heading', { name: 'Hoe gaat het?' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Ja, dit mag' }).count()).toBe(0);
    await shot(own, 'client-support-ended');

    // And it is closed where it is stored: status, and a REST write answers 409.
    expect(server.db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId)).toEqual({
      status: 'closed',
    });
    const refused = await nurse.evaluate(async (id) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/cases/${id}/observations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ state: 'amber', note: 'na het sluiten' }),
      });
      return response.status;
    }, caseId);
    expect(refused).toBe(409);
  });
});
