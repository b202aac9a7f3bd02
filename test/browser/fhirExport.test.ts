import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { api } from '../utils/http.js';
import { fhirErrors } from '../utils/fhirValidation.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/** A member of the case takes the plan to a GP system: one link on the board (SPEC FH1). */
describe.skipIf(!browserTestsEnabled)('the plan as a FHIR file, from the board', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let caseId = '';
  let member = '';

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    // Someone on the case who is not its coordinator: every member may take the plan along.
    member = (
      server.db
        .prepare(
          `SELECT u.username FROM users u JOIN case_members m ON m.professional_id = u.professional_id
           WHERE m.case_id = ? ORDER BY u.username LIMIT 1`,
        )
        .get(caseId) as { username: string }
    ).username;
    await addSessionCookie(context, server, member);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('a member downloads a valid R4 bundle of Ahmet’s plan, and the download is in the access log', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Plan als FHIR-bestand' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clientplan-\d{4}-\d\d-\d\d\.fhir\.json$/);
    const bundle = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(fhirErrors(bundle)).toEqual([]);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Goal').length).toBeGreaterThan(0);
    const exports = await server.services.audit.search({ caseId, event: 'export', limit: 100 });
    expect(exports.map((e) => [e.userId, e.details?.resource])).toEqual([[userIdOf(server, member), 'fhir']]);
    await page.close();
  });

  it('the coordinator of a new client reads that file into the empty board, and the goals appear', async () => {
    const coordinator = server.db
      .prepare(
        `SELECT u.username, u.id AS userId, c.coordinator_id AS professionalId, c.neighbourhood_id AS neighbourhoodId
         FROM cases c JOIN users u ON u.professional_id = c.coordinator_id WHERE c.id = ?`,
      )
      .get(caseId) as { username: string; userId: string; professionalId: string; neighbourhoodId: string };
    const registered = await api(server, coordinator.userId, 'POST', '/api/cases', {
      clientName: 'Verhuisde Cliënt',
      dateOfBirth: '1970-05-01',
      neighbourhoodId: coordinator.neighbourhoodId,
      preferredLanguage: 'nl',
      readingLevel: 'plain',
      recoveryContext: 'stroke',
      perspectives: ['patient'],
      coordinatorId: coordinator.professionalId,
      members: [],
    });
    expect(registered.status).toBe(201);
    const target = (registered.body as { id: string }).id;
    const file = path.join(os.tmpdir(), `plan-${target}.fhir.json`);
    fs.writeFileSync(file, JSON.stringify(await server.services.fhir.build(caseId, { withBsn: false })));
    const goals = (await server.services.fhir.build(caseId, { withBsn: false }))!.entry.filter(
      (e) => e.resource.resourceType === 'Goal',
    ).length;

    const coordinatorContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    await addSessionCookie(coordinatorContext, server, coordinator.username);
    const page = await coordinatorContext.newPage();
    await page.goto(`${server.url}/cases/${target}`);
    const importer = page.getByRole('region', { name: 'Plan van een ander team inlezen' });
    await importer.waitFor();
    // The empty board with its importer, as axe-core sees it: nothing serious or critical.
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await importer.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => importer.getByRole('alert').textContent()).toBe('Kies eerst een bestand.');
    await importer.getByLabel('FHIR-bestand').setInputFiles(file);
    await importer.getByRole('button', { name: 'Inlezen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Ingelezen: ${goals} doelen staan nu op het bord.` })
      .waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'fhir-import.png') });
    // The board fills in live; with goals on it, the importer is gone.
    await expect.poll(() => page.locator('.goal-card').count()).toBe(goals);
    await expect.poll(() => importer.count()).toBe(0);
    await coordinatorContext.close();
  });
});
