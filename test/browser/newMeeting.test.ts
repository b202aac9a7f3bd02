import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie } from './session.js';

/** The planning form of a case meeting, as a chair meets it on a desktop and on a phone (issue 14, item 12). */
describe.skipIf(!browserTestsEnabled)('planning a meeting, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** A professional whose team is not in the neighbourhood that comes first in the alphabet. */
  let chair: { username: string; neighbourhoodId: string };

  const openForm = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
    await addSessionCookie(context, server, chair.username);
    const page = await context.newPage();
    await page.goto(`${server.url}/overleg`);
    await page.getByRole('heading', { name: 'Nieuw overleg plannen' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    const first = server.db
      .prepare<[], { id: string }>(
        'SELECT id FROM neighbourhoods WHERE archived_at IS NULL ORDER BY name LIMIT 1',
      )
      .get()!;
    chair = server.db
      .prepare<[string], { username: string; neighbourhoodId: string }>(
        `SELECT u.username, t.neighbourhood_id AS neighbourhoodId FROM users u
         JOIN professionals p ON p.id = u.professional_id JOIN teams t ON t.id = p.team_id
         WHERE u.role = 'professional' AND t.neighbourhood_id <> ? ORDER BY u.username LIMIT 1`,
      )
      .get(first.id)!;
    expect(chair, 'the demo has a professional outside the first neighbourhood').toBeTruthy();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the neighbourhood starts as the chair's own team's, not the first in the alphabet", async () => {
    const page = await openForm(1280);
    const picker = page.getByLabel('Buurt', { exact: true });
    await expect.poll(() => picker.inputValue()).toBe(chair.neighbourhoodId);
  });

  it.each([1280, 360])("a guest's name can be typed in a field of usable width at %i px", async (width) => {
    const page = await openForm(width);
    const name = page.getByLabel('Naam', { exact: true });
    const box = (await name.boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    // It stays on the screen: nothing to scroll sideways for.
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  });
});
