import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, buildClient, launchChromium, screenshotDir } from '../utils/browser.js';
import { demoCaseId } from '../utils/demo.js';
import { api } from '../utils/http.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

const phone = { width: 360, height: 780 };
/** The plan was 14,255 px long at 360 px before its sections folded and the menu came. */
const longestPage = 6000;
const months = {
  nl: 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december',
  en: 'January|February|March|April|May|June|July|August|September|October|November|December',
};
const fullDate = (lng: 'nl' | 'en') => new RegExp(`\\b\\d{1,2} (${months[lng]}) \\d{4}\\b`);
const isoDate = /\d{4}-\d{2}-\d{2}/;
const numericDate = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b/;
const shortMonth = /\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.? \d{4}\b/i;
/** The menu's words, in page order, and the section each jumps to. */
const sections = [
  ['Mijn contact', 'Mijn contactpersoon'],
  ['Als het minder gaat', 'Als het minder gaat'],
  ['Mijn doelen', 'Mijn doelen'],
  ['Mijn vragen', 'Mijn vragen voor het volgende overleg'],
  ['Wie keek', 'Wie keek in mijn dossier'],
] as const;
const menuWords = sections.map(([word]) => word);

/** Stands in for speech synthesis (headless Chromium has no voices); `finish()` ends the utterance. */
function stubSpeech() {
  const spoken: SpeechSynthesisUtterance[] = [];
  const speech = {
    spoken,
    speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
    cancel: () => undefined,
    getVoices: () => [],
    finish: () => spoken.at(-1)?.onend?.(new Event('end') as SpeechSynthesisEvent),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  (window as unknown as { __speech: typeof speech }).__speech = speech;
}

describe.skipIf(!browserTestsEnabled)('the client’s own plan on a 360 px phone', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId = '';
  const contexts: BrowserContext[] = [];

  const screenshot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: path.join(screenshotDir, `myplan-phone-${name}.png`), fullPage });
  /** Ahmet's plan on a phone, once all of it has loaded (Sevda's visit shows in "Wie keek"). */
  const openPlan = async ({ speech = false, english = false } = {}) => {
    const context = await browser.newContext({ viewport: phone, locale: 'nl-NL' });
    contexts.push(context);
    await addSessionCookie(context, server, 'ahmet');
    if (english) await context.addInitScript(() => localStorage.setItem('veelzijdig.language', 'en'));
    const page = await context.newPage();
    if (speech) await page.addInitScript(stubSpeech);
    await page.goto(`${server.url}/mijn-plan`);
    await page.locator('#access-log .visit').first().waitFor();
    await page.locator('#my-consents').waitFor();
    return page;
  };
  const top = (page: Page, selector: string) =>
    page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().top + window.scrollY));
  const goals = (page: Page) => page.getByRole('region', { name: 'Mijn doelen' });

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    caseId = demoCaseId(server, 'Ahmet Yılmaz');
    browser = await launchChromium();
    // Sevda opened the file, so "Wie keek" has a visit with its date.
    await api(server, userIdOf(server, 'sevda'), 'GET', `/api/cases/${caseId}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('a short menu at the top jumps to each section, with big targets for a thumb', async () => {
    const page = await openPlan();
    const menu = page.getByRole('navigation', { name: 'Snel naar' });
    const links = menu.getByRole('link');
    expect(await links.allInnerTexts()).toEqual(menuWords);
    // The menu is on the first screen.
    expect((await menu.boundingBox())!.y + (await menu.boundingBox())!.height).toBeLessThan(phone.height);
    await screenshot(page, 'top');
    for (const [word, region] of sections) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const link = menu.getByRole('link', { name: word, exact: true });
      const box = (await link.boundingBox())!;
      expect(box.height, `${word} is big enough to tap`).toBeGreaterThanOrEqual(44);
      await link.click();
      const section = page.getByRole('region', { name: region, exact: true });
      // The section's heading is at the top of the screen (or, near the end, the page is at its end).
      const place = () =>
        section.evaluate((e) => {
          const top = Math.round(e.getBoundingClientRect().top);
          const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
          return top >= 0 && (top < 40 || (atEnd && top < window.innerHeight / 2));
        });
      await expect.poll(place, { message: word }).toBe(true);
    }
  });

  it('whom to call when it goes less well is near the top, and the page is far shorter', async () => {
    const page = await openPlan();
    const crisis = page.getByRole('region', { name: 'Als het minder gaat', exact: true });
    await crisis.getByText('Direct gevaar? Bel 112.').waitFor();
    const crisisTop = await top(page, '#crisis-card');
    expect(crisisTop).toBeLessThan(1200);
    // After the contact person, before the goals; with a call button big enough to tap.
    expect(crisisTop).toBeGreaterThan(await top(page, '#coordinator'));
    expect(crisisTop).toBeLessThan(await top(page, '#goals'));
    const call = crisis.getByRole('link', { name: /^Bel .*: / }).first();
    expect((await call.getAttribute('href'))!.startsWith('tel:')).toBe(true);
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await page.waitForLoadState('networkidle');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`/mijn-plan at 360 px: ${height} px long (was 14,255 px); crisis card at ${crisisTop} px`);
    await screenshot(page, 'full', true);
    expect(height).toBeLessThan(longestPage);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await crisis.evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'crisis');
    await page.locator('#goals').evaluate((e) => e.scrollIntoView());
    await screenshot(page, 'goals');

    // The whole plan for when it goes less well is folded on a phone; the card's link opens it.
    const signal = page.getByRole('region', { name: 'Mijn plan als het minder gaat' });
    const fold = signal.getByRole('button', { name: 'Mijn plan als het minder gaat', exact: true });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    await crisis.getByRole('link', { name: 'Lees je hele plan als het minder gaat' }).click();
    await signal.getByText('Hoe gaat het nu?').waitFor();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'signal-plan');
  });

  it('own words: one button per goal opens its field; Escape cancels, saving shows the words', async () => {
    const page = await openPlan();
    // No field to write in among the goals until the client asks for one (the only one on the
    // page is the question for the next meeting).
    expect(await goals(page).locator('textarea, input').count()).toBe(0);
    expect(await page.locator('textarea').count()).toBe(1);
    await page.getByLabel('Mijn vraag').waitFor();

    const goal = page.locator('.plan-goal').first();
    const heading = goal.getByRole('heading', { level: 4 });
    const before = await heading.innerText();
    const button = goal.getByRole('button', { name: 'Verander je woorden' });
    await button.click();
    const field = goal.getByLabel('In mijn eigen woorden');
    // Only this goal's field opens, with the words so far, ready to type in.
    expect(await page.locator('textarea').count()).toBe(2);
    expect(await field.inputValue()).toBe(before);
    expect(await field.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type(' Met mijn kleinkinderen.');
    // The caret was after the words there were.
    expect(await field.inputValue()).toBe(`${before} Met mijn kleinkinderen.`);
    await screenshot(page, 'own-words');
    await page.keyboard.press('Escape');
    await expect.poll(() => goals(page).locator('textarea').count()).toBe(0);
    expect(await heading.innerText()).toBe(before);
    expect(await button.evaluate((e) => e === document.activeElement)).toBe(true);

    // "Niet opslaan" closes it unsaved too.
    await button.click();
    await goal.getByRole('button', { name: 'Niet opslaan' }).click();
    await expect.poll(() => goals(page).locator('textarea').count()).toBe(0);

    const words = 'Ik wil naar huis. Dan kan ik weer bij mijn vrouw zijn.';
    await button.click();
    await field.fill(words);
    await goal.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await goal.getByText('Opgeslagen. Je team ziet dit nu ook.').waitFor();
    await expect.poll(() => heading.innerText()).toBe(words);
    expect(await goals(page).locator('textarea').count()).toBe(0);
    await screenshot(page, 'own-words-saved');
    // Saved where the team keeps it: still there after a reload.
    await page.reload();
    await page.locator('.plan-goal').first().getByRole('heading', { level: 4, name: words }).waitFor();
  });

  it('dates are written and read aloud in full words, never in numbers', async () => {
    const page = await openPlan({ speech: true });
    // Open every goal's details, so the dates of the steps show too.
    const closed = goals(page).locator('.disclosure-button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    const text = await page.locator('.my-plan').innerText();
    const dates = text.match(new RegExp(fullDate('nl'), 'g')) ?? [];
    console.log(`dates on the plan: ${[...new Set(dates)].slice(0, 6).join(', ')} …`);
    expect(dates.length).toBeGreaterThan(3);
    expect(text).not.toMatch(isoDate);
    expect(text).not.toMatch(numericDate);
    expect(text).not.toMatch(shortMonth);
    await page
      .getByText(/^Klaar rond \d{1,2} [a-z]+ \d{4}\.$/)
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'dates');

    // Read aloud, a goal's date is a sentence in words.
    const section = goals(page);
    await section.getByRole('button', { name: 'Lees voor: Mijn doelen' }).click();
    const spoken = () =>
      page.evaluate(() =>
        (window as unknown as { __speech: { spoken: SpeechSynthesisUtterance[] } }).__speech.spoken.map(
          (u) => u.text,
        ),
      );
    const finish = () =>
      page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
    let said: string[] = [];
    while (!said.some((s) => s.startsWith('Klaar rond'))) {
      const count = said.length;
      if (count) await finish();
      await expect.poll(async () => (said = await spoken()).length).toBeGreaterThan(count);
    }
    const target = said.find((s) => s.startsWith('Klaar rond'))!;
    expect(target).toMatch(fullDate('nl'));
    expect(said.join(' ')).not.toMatch(isoDate);
    await section.getByRole('button', { name: 'Stop met voorlezen' }).click();
  });

  it('in English the dates are in English words', async () => {
    const ahmet = userIdOf(server, 'ahmet');
    expect(
      (await api(server, ahmet, 'PUT', '/api/session/language', { language: 'en' })).status,
    ).toBeLessThan(300);
    try {
      const page = await openPlan({ english: true });
      await page.getByRole('navigation', { name: 'Go to' }).waitFor();
      const text = await page.locator('.my-plan').innerText();
      expect(text).toMatch(fullDate('en'));
      expect(text).not.toMatch(isoDate);
      expect(text).not.toMatch(numericDate);
    } finally {
      await api(server, ahmet, 'PUT', '/api/session/language', { language: 'nl' });
    }
  });

  it('axe-core finds nothing serious on the phone, with a goal’s field open', async () => {
    const page = await openPlan();
    await page
      .locator('.plan-goal')
      .first()
      .getByRole('button', { name: /woorden/ })
      .click();
    await goals(page).locator('textarea').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('once the support has ended, the goals offer no button to change the words', async () => {
    const sevda = userIdOf(server, 'sevda');
    const closed = await api(server, sevda, 'POST', `/api/cases/${caseId}/close`, {
      reason: 'other',
      note: 'Afgerond.',
    });
    expect(closed.status).toBe(204);
    const page = await openPlan();
    await page.getByText('De begeleiding is gestopt', { exact: false }).waitFor();
    expect(
      await goals(page)
        .getByRole('button', { name: /woorden/ })
        .count(),
    ).toBe(0);
    expect(await page.locator('textarea').count()).toBe(0);
    const menu = page.getByRole('navigation', { name: 'Snel naar' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(
      menuWords.filter((w) => w !== 'Mijn vragen'),
    );
    expect(await page.locator('.plan-goal h4').count()).toBeGreaterThan(0);
    await screenshot(page, 'ended');
  });
});
