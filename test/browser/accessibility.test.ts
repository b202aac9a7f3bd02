import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { nl } from '../../client/src/i18n/nl.js';
import { enSocialMap } from '../../client/src/i18n/en/socialMap.js';
import { nlReferrals } from '../../client/src/i18n/nl/referrals.js';
import { enReferrals } from '../../client/src/i18n/en/referrals.js';
import { nlSocialMap } from '../../client/src/i18n/nl/socialMap.js';
import { enGlossary } from '../../client/src/i18n/en/glossary.js';
import { nlGlossary } from '../../client/src/i18n/nl/glossary.js';
import type { Translation } from '../../client/src/i18n/types.js';
import { enCollaborationHealth } from '../../client/src/collaborationHealth/en.js';
import { nlCollaborationHealth } from '../../client/src/collaborationHealth/nl.js';
import { browserTestsEnabled, buildClient, launchChromium } from '../utils/browser.js';
import { demoPassword } from '../../server/demo/seed.js';
import { demoCaseId } from '../utils/demo.js';
import { api } from '../utils/http.js';
import { startTestServer } from '../utils/server.js';
import type { TestServer } from '../utils/server.js';
import { addSessionCookie, userIdOf } from './session.js';

type Texts = Translation<typeof nl>;
type Language = 'nl' | 'en';
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const clientName = 'Ahmet Yılmaz';
/** Ahmet has an account since the demo; an invitation is for a client who has none. */
const invitedName = 'Ingrid Kuipers';
const texts: Record<Language, Texts> = { nl, en };
/** The social map's words are a namespace of their own (they download with its pages). */
const mapTexts = new Map<Texts, typeof nlSocialMap>([
  [nl, nlSocialMap],
  [en, enSocialMap],
]);
const map = (t: Texts) => mapTexts.get(t)!;
/** And so are the referrals' words. */
const referralTexts = new Map<Texts, typeof nlReferrals>([
  [nl, nlReferrals],
  [en, enReferrals],
]);
const referralWords = (t: Texts) => referralTexts.get(t)!;
/** The shared terms' words are a namespace of their own too. */
const glossaryTexts = new Map<Texts, typeof nlGlossary>([
  [nl, nlGlossary],
  [en, enGlossary],
]);
const glossary = (t: Texts) => glossaryTexts.get(t)!;
/** And collaboration health's words, beside its page. */
const healthTexts = new Map<Texts, typeof nlCollaborationHealth>([
  [nl, nlCollaborationHealth],
  [en, enCollaborationHealth],
]);
const health = (t: Texts) => healthTexts.get(t)!;
const desktop = 1280;
const phone = 360;

/** What `beforeAll` makes through the API, for paths that need it. */
interface Made {
  invitationToken: string;
  /** Demo case ids are random: Ahmet's case. */
  caseId: string;
  /** A new case of Sevda's, of Ingrid Kuipers, whose client has no account yet (one per call). */
  newClientCase: () => string;
  /** The demo's meetings in Molenwijk: next week's and last month's. */
  plannedMeetingId: string;
  closedMeetingId: string;
  /** A contact person's one-time link to confirm a service of the social map, and its name. */
  confirmToken: string;
  confirmServiceName: string;
}
const meetingTitle = 'Casusoverleg Molenwijk';
/** A demo account that has two-step verification set up (in `beforeAll`). */
const withTwoFactor = 'elif';

/** One page of the app, in one state, as one person sees it. */
interface PageUnderTest {
  /** The page (and its state) as the test names it. */
  name: string;
  /** The demo account that looks at it; null when nobody is signed in. */
  as: string | null;
  path: string | ((made: Made) => string);
  /** The level-1 heading the page shows once it is rendered, in the page's language. */
  heading: (t: Texts, made: Made) => string;
  /** What a keyboard user does on the rendered page to reach the state under test. */
  then?: (page: Page) => Promise<void>;
  /** Viewport widths; desktop only unless given. */
  widths?: number[];
}

/** Moves the focus to an element and presses a key on it, as someone using the keyboard does. */
const press = async (page: Page, selector: string, key = 'Enter') => {
  await page.locator(selector).first().focus();
  await page.keyboard.press(key);
};

/** The decision trees' walker and admin are mounted by the pages; a clear failure until they are. */
const treesMounted = () => {
  for (const [file, name] of [
    ['client/src/pages/AdminPage.tsx', 'TreesAdmin'],
    ['client/src/board/GoalHelp.tsx', 'TreeWalker'],
  ] as const)
    if (!readFileSync(resolve(file), 'utf8').includes(name))
      throw new Error(`decision trees are not mounted yet: ${file} does not use ${name}`);
};

/** Opens a closed <details> through its summary. */
const openDetails = async (page: Page, selector: string) => {
  const details = page.locator(selector).first();
  if ((await details.getAttribute('open')) === null) await press(page, `${selector} > summary`);
  await page.locator(`${selector}[open]`).first().waitFor();
};

/**
 * Every page of the app, in every state worth checking; each runs in Dutch and in English.
 * To check a new page, add one line, e.g.
 *   { name: 'case meeting', as: 'sevda', path: '/overleg/<id>', heading: (t) => t.meeting.heading },
 * where `heading` is the page's <h1> (the test waits for it in each language). A state a keyboard
 * user reaches on a page (a dialog, an expanded panel) is the same line with `then`; a phone-sized
 * check adds `widths: [desktop, phone]`; a path made in `beforeAll` is a function of `made`.
 */
const pages: PageUnderTest[] = [
  { name: 'login', as: null, path: '/', heading: (t) => t.login.heading },
  {
    name: 'login after a wrong password',
    as: null,
    path: '/',
    heading: (t) => t.login.heading,
    then: async (page) => {
      await page.locator('#username').fill('sevda');
      await page.locator('#password').fill('not her password');
      await press(page, '#password');
      await page.locator('.form-error').waitFor();
    },
  },
  {
    name: 'login, second step (code from the app)',
    as: null,
    path: '/',
    heading: (t) => t.login.heading,
    then: async (page) => {
      await page.locator('#username').fill(withTwoFactor);
      await page.locator('#password').fill(demoPassword);
      await press(page, '#password');
      await page.locator('#code').waitFor();
    },
  },
  {
    name: 'invitation',
    as: null,
    path: (made) => `/invitation/${made.invitationToken}`,
    heading: (t) => t.invitation.heading.replace('{{name}}', invitedName),
  },
  {
    name: 'invitation that no longer works',
    as: null,
    path: '/invitation/this-link-was-never-made-by-anyone',
    heading: (t) => t.invitation.goneHeading,
  },
  { name: 'caseload', as: 'sevda', path: '/', heading: (t) => t.caseload.heading },
  {
    name: 'caseload with notifications open',
    as: 'sevda',
    path: '/',
    heading: (t) => t.caseload.heading,
    then: async (page) => {
      await press(page, 'button.bell');
      await page.locator('.notification-panel').waitFor();
    },
  },
  {
    name: 'case board with team and consent',
    as: 'sevda',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
  },
  {
    name: 'case board with a consent for one person (the client has an account)',
    as: 'sevda',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    then: async (page) => {
      await press(page, '#consent-with-person', 'Space');
      await page.locator('#consent-person').waitFor();
      await page.locator('.client-account-note').waitFor();
    },
  },
  {
    name: 'case board with a new link for a client without an account',
    as: 'sevda',
    path: (made) => `/cases/${made.newClientCase()}`,
    heading: () => invitedName,
    then: async (page) => {
      await page.locator('#invite-username').fill(`client-${Date.now()}`);
      await press(page, '#invite-username');
      await page.locator('.one-time-link').waitFor();
    },
  },
  {
    name: 'case board with the goal editor open',
    as: 'sevda',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    then: async (page) => {
      await press(page, '[data-goal-id] .card-bottom button');
      await page.locator('dialog[open]').waitFor();
    },
  },
  {
    name: 'case board with signal plan and observations open',
    as: 'sevda',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    then: async (page) => {
      await openDetails(page, 'details.signal-plan-details');
      await openDetails(page, '.observations > details');
      await press(page, '.signal-plan-head .record-observation');
      // A worse state with a relapse shows the most of the form.
      await press(page, '#observe-red', 'Space');
      await press(page, '#observation-relapse', 'Space');
      await page.locator('#observation-to-phase').waitFor();
    },
  },
  {
    name: 'case board read-only',
    as: 'linh',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
  },
  {
    name: 'case board of the social worker (consent only for the notes of her side)',
    as: 'nadia',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
  },
  { name: 'my actions', as: 'sevda', path: '/acties', heading: (t) => t.actions.heading },
  { name: 'case meetings', as: 'sevda', path: '/overleg', heading: (t) => t.meetings.heading },
  {
    name: 'live meeting (chair, a case of hers)',
    as: 'sevda',
    path: (made) => `/overleg/${made.plannedMeetingId}`,
    heading: () => meetingTitle,
    then: async (page) => {
      await page.locator('#meeting-notes').waitFor();
      await openDetails(page, '.changes-since');
    },
  },
  {
    name: 'live meeting (a case she only sees the agenda line of)',
    as: 'sevda',
    path: (made) => `/overleg/${made.plannedMeetingId}`,
    heading: () => meetingTitle,
    then: async (page) => {
      await press(page, '.agenda-line:nth-child(3) .agenda-alias');
      await page.locator('.agenda-line-only').waitFor();
    },
  },
  {
    name: 'live meeting (attendee following the chair)',
    as: 'youssef',
    path: (made) => `/overleg/${made.plannedMeetingId}`,
    heading: () => meetingTitle,
  },
  {
    name: 'closed meeting',
    as: 'youssef',
    path: (made) => `/overleg/${made.closedMeetingId}`,
    heading: () => meetingTitle,
  },
  {
    name: 'minutes',
    as: 'youssef',
    path: (made) => `/overleg/${made.closedMeetingId}/verslag`,
    heading: (t) => t.minutes.heading.replace('{{title}}', meetingTitle),
  },
  { name: 'administration', as: 'beheer', path: '/beheer', heading: (t) => t.admin.heading },
  {
    name: 'administration with a recovery link for a client',
    as: 'beheer',
    path: '/beheer',
    heading: (t) => t.admin.heading,
    then: async (page) => {
      page.on('dialog', (dialog) => void dialog.accept());
      // The recovery link, not the button beside it that blocks his account.
      await press(
        page,
        '.admin-section button:is([aria-label="Herstel-link maken voor Ahmet Yılmaz"], [aria-label="Make a recovery link for Ahmet Yılmaz"])',
      );
      await page.locator('.admin-section .one-time-link').waitFor();
    },
  },
  {
    name: 'referrals inbox with a referral to act on',
    as: 'nadia',
    path: '/verwijzingen',
    heading: (t) => referralWords(t).page.heading,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('li.referral').first().waitFor();
    },
  },
  {
    name: 'referral form on the board',
    as: 'youssef',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('.referrals-panel, #board-section-referrals').first().waitFor();
      await page
        .getByRole('button', { name: /^(Verwijs door|Refer)$/ })
        .first()
        .click();
      await page.locator('form.referral-form').waitFor();
    },
  },
  {
    name: 'social map',
    as: 'youssef',
    path: '/kaart',
    heading: (t) => map(t).title,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('.service-card').first().waitFor();
    },
  },
  {
    name: 'social map with the details of a service open',
    as: 'youssef',
    path: '/kaart',
    heading: (t) => map(t).title,
    widths: [desktop, phone],
    then: async (page) => {
      await press(page, '.service-card button[aria-expanded]');
      await page.locator('.service-details').waitFor();
    },
  },
  {
    name: 'social map of the administrator',
    as: 'beheer',
    path: '/kaart',
    heading: (t) => map(t).title,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('.service-card').first().waitFor();
    },
  },
  {
    name: 'social map, a new service with a field missing',
    as: 'beheer',
    path: '/kaart',
    heading: (t) => map(t).title,
    then: async (page) => {
      await press(page, '.social-map > p > button.primary');
      await press(page, '.service-form button[type="submit"]');
      await page.locator('.service-form .form-error').waitFor();
    },
  },
  {
    name: 'collaboration health of a professional, with the open scan and the results',
    as: 'youssef',
    path: '/samenwerking',
    heading: (t) => health(t).title,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('.ch-scan').first().waitFor();
      await page.locator('.ch-aims .ch-figure').first().waitFor();
    },
  },
  {
    name: 'collaboration health, the scan saved with a statement missing',
    as: 'youssef',
    path: '/samenwerking',
    heading: (t) => health(t).title,
    then: async (page) => {
      await press(page, '.ch-scan button[type="submit"]');
      await page.locator('.ch-statement.missing').first().waitFor();
    },
  },
  {
    name: 'collaboration health of the administrator, with the table views open',
    as: 'beheer',
    path: '/samenwerking',
    heading: (t) => health(t).title,
    widths: [desktop, phone],
    then: async (page) => {
      await page.locator('.ch-round-item').first().waitFor();
      await page.locator('.ch-results .ch-figure').first().waitFor();
      await openDetails(page, '.ch-results .ch-table');
      await openDetails(page, '.ch-aims .ch-table');
    },
  },
  {
    name: "a service's contact person confirming it (one-time link, signed out)",
    as: null,
    path: (made) => `/kaart/bevestig/${made.confirmToken}`,
    heading: (t, made) => map(t).confirm.title.replace('{{name}}', made.confirmServiceName),
    widths: [desktop, phone],
  },
  {
    name: 'case board with the goal editor open at "who can help?"',
    as: 'sevda',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    widths: [desktop, phone],
    then: async (page) => {
      await press(page, '[data-goal-id] .card-bottom button');
      await page.locator('dialog[open]').waitFor();
      await press(page, 'dialog[open] .goal-help > button[aria-controls]');
      await page.locator('dialog[open] .help-panel .service-card').first().waitFor();
    },
  },
  { name: 'password change', as: 'sevda', path: '/wachtwoord', heading: (t) => t.password.heading },
  {
    name: 'password change with two different new passwords',
    as: 'sevda',
    path: '/wachtwoord',
    heading: (t) => t.password.heading,
    then: async (page) => {
      const fields = page.locator('main input[type="password"]');
      await fields.nth(0).fill('niet haar wachtwoord');
      await fields.nth(1).fill('een lange zin als wachtwoord');
      await fields.nth(2).fill('een andere zin als wachtwoord');
      await press(page, 'main input[type="password"] >> nth=2');
      await page.locator('.form-error').waitFor();
    },
  },
  {
    name: 'password change with a weak new password (strength meter)',
    as: 'sevda',
    path: '/wachtwoord',
    heading: (t) => t.password.heading,
    then: async (page) => {
      await page.locator('#new-password').fill('aaaaaaaaaaaa');
      await page.locator('.strength-bar[data-level="0"]').waitFor();
    },
  },
  {
    name: 'two-step verification (off)',
    as: 'sevda',
    path: '/tweestapsverificatie',
    heading: (t) => t.twoFactor.heading,
  },
  {
    name: 'two-step verification being set up (QR code)',
    as: 'linh',
    path: '/tweestapsverificatie',
    heading: (t) => t.twoFactor.heading,
    then: async (page) => {
      await press(page, '.two-factor button.primary');
      await page.locator('.qr-code').waitFor();
    },
  },
  {
    name: 'two-step verification (on, recovery codes left)',
    as: withTwoFactor,
    path: '/tweestapsverificatie',
    heading: (t) => t.twoFactor.heading,
  },
  { name: 'unknown page', as: 'sevda', path: '/bestaat-niet', heading: (t) => t.common.notFound },
  {
    name: 'registering a new client (intake)',
    as: 'sevda',
    path: '/nieuwe-client',
    heading: (t) => t.intake.heading,
    widths: [desktop, phone],
  },
  {
    name: "the client's copy of everything stored (print page)",
    as: 'ahmet',
    path: '/mijn-plan/dossier',
    heading: (t) => t.rights.file.heading.replace('{{name}}', 'Ahmet Yılmaz'),
  },
  {
    name: "client's own plan",
    as: 'ahmet',
    path: '/mijn-plan',
    heading: (t) => t.myPlan.heading,
    widths: [desktop, phone],
  },
  {
    name: "client's own plan, giving consent to one person",
    as: 'ahmet',
    path: '/mijn-plan',
    heading: (t) => t.myPlan.heading,
    widths: [desktop, phone],
    then: async (page) => {
      // On a phone the consents start folded: open them first.
      if (await page.locator('#my-consents-heading button').count())
        await press(page, '#my-consents-heading button');
      await press(page, '#give-consent-person', 'Space');
      await page.locator('#give-consent-who').selectOption({ index: 1 });
      await page.locator('.consent-question').waitFor();
    },
  },
  // [GL8] The district's shared terms: what professionals read, and the administrator's section.
  {
    name: 'shared terms of the district',
    as: 'youssef',
    path: '/begrippen',
    heading: (t) => glossary(t).page.title,
    widths: [desktop, phone],
  },
  {
    name: 'shared terms, the administrator adding one',
    as: 'beheer',
    path: '/begrippen',
    heading: (t) => glossary(t).page.title,
    widths: [desktop, phone],
    then: async (page) => {
      await press(page, '.glossary-admin > button');
      await page.locator('.glossary-admin-form').waitFor();
    },
  },
  {
    name: 'shared terms, the administrator saving one with a field missing',
    as: 'beheer',
    path: '/begrippen',
    heading: (t) => glossary(t).page.title,
    then: async (page) => {
      await press(page, '.glossary-admin > button');
      await press(page, '.glossary-admin-form button[type="submit"]');
      await page.locator('.glossary-admin .form-error').waitFor();
    },
  },
  // [DT4] Referral decision trees: the walker open on a goal, and the administrator's trees.
  {
    name: 'case board with the goal editor open at "who refers to whom?"',
    as: 'youssef',
    path: (made) => `/cases/${made.caseId}`,
    heading: () => clientName,
    widths: [desktop, phone],
    then: async (page) => {
      treesMounted();
      await press(page, '[data-goal-id] .card-bottom button');
      await page.locator('dialog[open]').waitFor();
      await press(
        page,
        'dialog[open] button:has-text("Wie verwijst naar wie?"), dialog[open] button:has-text("Who refers to whom?")',
      );
      await page.locator('dialog[open] .tree-walker .tree-answer').first().waitFor();
    },
  },
  {
    name: 'administration, a decision tree open in the editor',
    as: 'beheer',
    path: '/beheer',
    heading: (t) => t.admin.heading,
    widths: [desktop, phone],
    then: async (page) => {
      treesMounted();
      await press(page, '.trees-admin .tree-list button');
      await page.locator('.tree-editor .tree-node').first().waitFor();
    },
  },
];

/** The violations that fail the test: axe's two highest impacts. */
const blocking = (violations: Violation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A report a person can act on: rule, impact, what it asks, and each failing element. */
function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) =>
        [
          `    at ${n.target.join(' ')}`,
          `       ${clip(n.html)}`,
          ...(n.failureSummary ?? '').split('\n').map((line) => `       ${line}`),
        ].join('\n'),
      );
      return [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes].join('\n');
    })
    .join('\n');
}

describe.skipIf(!browserTestsEnabled)('accessibility of every page (axe-core in Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const made: Made = {
    invitationToken: '',
    caseId: '',
    newClientCase: () => '',
    plannedMeetingId: '',
    closedMeetingId: '',
    confirmToken: '',
    confirmServiceName: '',
  };

  beforeAll(async () => {
    const clientDir = await buildClient();
    server = await startTestServer({ demoData: true, clientDir });
    browser = await launchChromium();
    // Two-step verification for one account, as its set-up page does it.
    const elif = userIdOf(server, withTwoFactor);
    const { secret } = await server.services.twoFactor.begin(elif, withTwoFactor);
    expect(await server.services.twoFactor.confirm(elif, generateSync({ secret }))).toHaveLength(10);
    // A real invitation, made by the coordinator the way the board's team panel makes one.
    const coordinator = userIdOf(server, 'sevda');
    made.caseId = demoCaseId(server, clientName);
    const ingrid = demoCaseId(server, invitedName);
    made.newClientCase = () => {
      const id = randomUUID();
      server.db
        .prepare(
          `INSERT INTO cases (id, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, created_at)
           SELECT ?, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, created_at
           FROM cases WHERE id = ?`,
        )
        .run(id, ingrid);
      return id;
    };
    const body = { username: 'ingrid', displayName: invitedName };
    const invitation = await api(server, coordinator, 'POST', `/api/cases/${ingrid}/invitation`, body);
    expect(invitation.status).toBe(201);
    made.invitationToken = (invitation.body as { link: string }).link.split('/invitation/')[1]!;
    const meetingOf = (status: string) =>
      server.db.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE status = ?').get(status)!.id;
    made.plannedMeetingId = meetingOf('planned');
    made.closedMeetingId = meetingOf('closed');
    // A referral for nadia's inbox, from youssef (SPEC RF1).
    const facts = (await server.services.access.facts(made.caseId))!;
    const professionalOf = (username: string) =>
      server.db
        .prepare<[string], { id: string }>('SELECT professional_id AS id FROM users WHERE username = ?')
        .get(username)!.id;
    await server.services.referrals.create(
      {
        userId: userIdOf(server, 'youssef'),
        role: 'professional',
        professionalId: professionalOf('youssef'),
        domain: 'medical',
        clientCaseId: null,
      },
      facts,
      {
        toProfessionalId: professionalOf('nadia'),
        serviceId: null,
        goalId: null,
        goalTitle: null,
        reason: 'Schulden na de opname',
        question: 'Kun je een overzicht maken?',
        urgency: 'soon',
        carries: null,
        letter: 'Beste Nadia,\n\nGraag een overzicht.',
        letterTemplateId: null,
      },
    );
    const service = (await server.services.socialMap.store.all())[0]!;
    made.confirmServiceName = service.name;
    made.confirmToken = (
      await server.services.socialMap.issueLink(service.id, userIdOf(server, 'beheer'))
    ).token;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page in the language, and waits until it is rendered and everything on it has loaded. */
  async function open(target: PageUnderTest, lng: Language, width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
    // The language is kept per account, and in the browser for who is not signed in.
    if (target.as) {
      await addSessionCookie(context, server, target.as);
      const chosen = await api(server, userIdOf(server, target.as), 'PUT', '/api/session/language', {
        language: lng,
      });
      expect(chosen.status).toBeLessThan(300);
    }
    await context.addInitScript((language) => localStorage.setItem('veelzijdig.language', language), lng);
    const page = await context.newPage();
    const path = typeof target.path === 'string' ? target.path : target.path(made);
    await page.goto(`${server.url}${path}`);
    const t = texts[lng];
    await page.getByRole('heading', { level: 1, name: target.heading(t, made), exact: true }).waitFor();
    // Nothing is still loading, and every live connection (board, compartments) is online.
    await expect.poll(() => page.getByText(t.common.loading, { exact: true }).count()).toBe(0);
    await expect.poll(() => page.locator('.connection:not(.connection-online)').count()).toBe(0);
    await target.then?.(page);
    return page;
  }

  const runs = pages.flatMap((target) =>
    (['nl', 'en'] as const).flatMap((lng) =>
      (target.widths ?? [desktop]).map((width) => ({ target, lng, width })),
    ),
  );

  it.each(runs.map((run) => [`${run.target.name} (${run.lng}, ${run.width} px)`, run] as const))(
    '%s has no serious or critical violations',
    async (_, { target, lng, width }) => {
      const page = await open(target, lng, width);
      try {
        // All of axe's rules (WCAG 2.x A and AA and best practices); nothing is excluded and no rule
        // is switched off, as every part of every page is ours. Only serious and critical fail.
        const results = await new AxeBuilder({ page }).analyze();
        const found = blocking(results.violations);
        expect(found.length, `axe-core found on ${page.url()}:\n${describeViolations(found)}\n`).toBe(0);
      } finally {
        await page.context().close();
      }
    },
  );
});
