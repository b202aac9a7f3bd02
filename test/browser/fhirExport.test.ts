import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
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
});
