import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientFile } from '../../shared/rightsApi.js';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

/** The client's right of access (SPEC RT9, RT10): her plan offers the copy, as a file and as a page to print. */
describe.skipIf(!browserTestsEnabled)('the client downloads and prints everything stored about her', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let caseId = '';

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1024, height: 900 },
      locale: 'nl-NL',
      acceptDownloads: true,
    });
    await addSessionCookie(context, server, 'ahmet');
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const exports = () => server.services.audit.search({ caseId, event: 'export', limit: 100 });

  it('downloads the JSON file from her plan', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/mijn-plan`);
    const section = page.getByRole('region', { name: 'Alles wat wij over jou bewaren' });
    await section.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download als bestand (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mijn-dossier-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as ClientFile;
    expect(file.format).toBe('veelzijdig/client-file');
    expect(file.client.name).toBe('Ahmet Yılmaz');
    expect(file.goals.length).toBeGreaterThan(0);
    expect((await exports()).map((e) => [e.userId, e.details?.format])).toEqual([
      [userIdOf(server, 'ahmet'), 'json'],
    ]);
    await section.screenshot({ path: path.join(screenshotDir, 'client-file-section.png') });
    await page.close();
  });

  it('downloads her plan for the GP as a FHIR bundle, logged as her export', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/mijn-plan`);
    const section = page.getByRole('region', { name: 'Alles wat wij over jou bewaren' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download je plan voor de huisarts (FHIR)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mijn-plan-\d{4}-\d\d-\d\d\.fhir\.json$/);
    const bundle = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string; name?: { text: string }[] } }[];
    };
    expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', 'collection']);
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    expect(patient.name).toEqual([{ text: 'Ahmet Yılmaz' }]);
    expect(bundle.entry.some((e) => e.resource.resourceType === 'Goal')).toBe(true);
    expect((await exports()).some((e) => e.details?.resource === 'fhir')).toBe(true);
    await page.close();
  });

  it('opens the print page in plain Dutch, with a button to print or save as PDF', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/mijn-plan`);
    await page.getByRole('link', { name: 'Lees alles wat wij bewaren' }).click();
    await page.waitForURL('**/mijn-plan/dossier');
    await page.getByRole('heading', { level: 1, name: 'Dossier van Ahmet Yılmaz' }).waitFor();
    for (const heading of [
      'Over jou',
      'Je doelen en stappen',
      'Je signaleringsplan',
      'Je toestemming',
      'Wie keek er in je dossier',
    ])
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Afdrukken of bewaren als PDF' }).count())
      .toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, 'client-file-print-page.png'), fullPage: true });
    // On paper: no header, no buttons, only the copy.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken of bewaren als PDF' }).isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotDir, 'client-file-print-media.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await expect.poll(async () => (await exports()).some((e) => e.details?.format === 'print')).toBe(true);
    await page.close();
  });
});
