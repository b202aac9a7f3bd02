import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppNotification, ClientPlan } from '../../../shared/api.js';
import type { Referral, ReferralInbox, ReferralOptions } from '../../../shared/referralApi.js';
import type { ServiceSearchAnswer } from '../../../shared/socialMapApi.js';
import { demoCaseId } from '../../utils/demo.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Referral to a person through the routes (SPEC RF1–RF7), on the demo: the GP youssef (on Ahmet
 * Yılmaz's case) refers Ahmet to karin, a social professional who is not on the case.
 */
let server: TestServer;
let caseId: string;
const user = (username: string) =>
  (server.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const professional = (username: string) =>
  (
    server.db.prepare('SELECT professional_id AS id FROM users WHERE username = ?').get(username) as {
      id: string;
    }
  ).id;
const as = (who: string, method: string, path: string, body?: unknown) =>
  api(server, user(who), method, path, body);
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  caseId = demoCaseId(server, 'Ahmet Yılmaz');
});
afterAll(async () => {
  await server?.close();
});

const refer = (who: string, body: Record<string, unknown> = {}) =>
  as(who, 'POST', `/api/cases/${caseId}/referrals`, {
    toProfessionalId: professional('karin'),
    reason: 'Schulden lopen op sinds de opname',
    question: 'Kun je samen met hem een overzicht maken?',
    urgency: 'soon',
    ...body,
  });
const referral = async (who: string, id: string) =>
  ((await as(who, 'GET', `/api/referrals/${id}`)).body as { referral: Referral }).referral;
const step = (who: string, id: string, body: Record<string, unknown>) =>
  as(who, 'POST', `/api/referrals/${id}/status`, body);
const count = (table: string) =>
  (server.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('referring the client to a named person', () => {
  it('[RF1] a member who may change the case refers to one person; the receiver sees it, the case stays closed to them', async () => {
    const { services } = (await as('youssef', 'GET', '/api/social-map/services?q=schuld'))
      .body as ServiceSearchAnswer;
    const made = await refer('youssef', { serviceId: services[0]!.id });
    expect(made.status).toBe(201);
    const { id } = made.body as { id: string };
    const inbox = (await as('karin', 'GET', '/api/referrals')).body as ReferralInbox;
    const seen = inbox.incoming.find((r) => r.id === id)!;
    expect(seen).toMatchObject({
      status: 'requested',
      clientName: 'Ahmet Yılmaz',
      from: { id: professional('youssef') },
      to: { id: professional('karin') },
      service: { id: services[0]!.id },
      urgency: 'soon',
      receiverOnCase: false,
    });
    expect(seen.events.map((e) => e.status)).toEqual(['requested']);
    // Receiving a referral does not open the case.
    expect((await as('karin', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    // The referrer and the coordinator see it among theirs.
    expect(
      ((await as('youssef', 'GET', '/api/referrals')).body as ReferralInbox).outgoing.map((r) => r.id),
    ).toContain(id);
    expect(
      ((await as('sevda', 'GET', '/api/referrals')).body as ReferralInbox).outgoing.map((r) => r.id),
    ).toContain(id);
    // The receiver is told, in the app.
    const notices = (await as('karin', 'GET', '/api/notifications')).body as {
      notifications: AppNotification[];
    };
    expect(notices.notifications).toContainEqual(
      expect.objectContaining({ kind: 'referral', state: 'requested', referralId: id, caseId }),
    );
  });

  it('[RF1] a read-only member, an outsider and the client cannot refer; bad input names the field and stores nothing', async () => {
    const before = count('referrals');
    expect((await refer('linh')).status).toBe(403);
    expect((await refer('karin')).status).toBe(404);
    expect((await refer('ahmet')).status).toBe(403);
    const toSelf = await refer('youssef', { toProfessionalId: professional('youssef') });
    expect(toSelf.status).toBe(400);
    expect(errorOf(toSelf)).toMatch(/^toProfessionalId/);
    expect(errorOf(await refer('youssef', { question: '  ' }))).toMatch(/^question/);
    expect(errorOf(await refer('youssef', { toProfessionalId: 'nobody' }))).toMatch(/^toProfessionalId/);
    expect(errorOf(await refer('youssef', { goalId: 'not-a-goal' }))).toMatch(/^goalId/);
    expect(count('referrals')).toBe(before);
  });

  it('[RF3] medical information goes to the social side only on a consent in force, and the form is told why beforehand', async () => {
    const options = async () =>
      (
        (
          await as(
            'youssef',
            'GET',
            `/api/cases/${caseId}/referral-options?toProfessionalId=${professional('karin')}`,
          )
        ).body as ReferralOptions
      ).carry;
    server.db
      .prepare(
        "UPDATE consents SET withdrawn_at = '2000-01-01T00:00:00Z' WHERE case_id = ? AND withdrawn_at IS NULL",
      )
      .run(caseId);
    expect((await options()).medical).toEqual({ allowed: false, consentId: null, why: 'no-consent' });
    expect((await options()).social.why).toBe('no-access');
    const before = count('referrals');
    const refused = await refer('youssef', { carries: 'medical' });
    expect(refused.status).toBe(409);
    expect((refused.body as { code: string }).code).toBe('no-consent');
    expect(count('referrals')).toBe(before);
    const consentId = await server.services.caseAdmin.giveConsent(
      caseId,
      {
        compartment: 'medical',
        sharedWithProfessionalId: professional('karin'),
        how: 'spoken',
        givenOn: new Date().toISOString().slice(0, 10),
      },
      user('youssef'),
    );
    expect((await options()).medical).toEqual({ allowed: true, consentId, why: 'consent' });
    const made = await refer('youssef', { carries: 'medical' });
    expect(made.status).toBe(201);
    expect((await referral('karin', (made.body as { id: string }).id)).carries).toEqual({
      compartment: 'medical',
      consentId,
    });
  });
});

describe('the closed loop', () => {
  it('[RF2] the receiver accepts and records first contact; the referrer cannot take their steps; each step has its time', async () => {
    const { id } = (await refer('youssef')).body as { id: string };
    const early = await step('youssef', id, { to: 'accepted' });
    expect(early.status).toBe(409);
    expect(errorOf(early)).toBe('only the person referred to may make it accepted');
    expect((await step('karin', id, { to: 'completed' })).status).toBe(409);
    expect((await step('karin', id, { to: 'rejected' })).status).toBe(400); // a rejection needs its reason
    expect((await step('karin', id, { to: 'accepted', note: 'Ik bel hem deze week' })).status).toBe(200);
    expect((await step('karin', id, { to: 'in-progress' })).status).toBe(200);
    const now = await referral('youssef', id);
    expect(now.status).toBe('in-progress');
    expect(now.events.map((e) => [e.status, e.byProfessionalId])).toEqual([
      ['requested', professional('youssef')],
      ['accepted', professional('karin')],
      ['in-progress', professional('karin')],
    ]);
    expect(now.events[1]!.note).toBe('Ik bel hem deze week');
    expect(now.acceptedAt).not.toBeNull();
    expect(now.firstContactAt).not.toBeNull();
    expect(now.delay).toEqual({ toAcceptDays: 0, toContactDays: 0 });
    // The referrer is told of each step.
    const notices = (await as('youssef', 'GET', '/api/notifications')).body as {
      notifications: AppNotification[];
    };
    expect(
      notices.notifications
        .filter((n) => n.kind === 'referral' && n.referralId === id)
        .map((n) => n.state)
        .sort(),
    ).toEqual(['accepted', 'in-progress']);
  });

  it('[RF7] the client reads where they were referred, and when there was contact', async () => {
    const { plan } = (await as('ahmet', 'GET', '/api/my/plan')).body as { plan: ClientPlan };
    const toKarin = plan.referrals.filter(
      (r) => r.toName === 'Karin de Vries' || r.toName.startsWith('Karin'),
    );
    expect(toKarin.length).toBeGreaterThan(0);
    expect(toKarin.some((r) => r.status === 'in-progress' && r.firstContactAt !== null)).toBe(true);
    expect(Object.keys(toKarin[0]!).sort()).toEqual(
      ['firstContactAt', 'id', 'phone', 'requestedAt', 'status', 'toName', 'toRoleTitle', 'where'].sort(),
    );
  });

  it('[RF6] once accepted, the coordinator adds the receiver to the team in one step; not before, and not someone read-only', async () => {
    const { id } = (await refer('youssef')).body as { id: string };
    expect((await as('sevda', 'POST', `/api/referrals/${id}/member`)).status).toBe(409);
    await step('karin', id, { to: 'accepted' });
    expect((await as('linh', 'POST', `/api/referrals/${id}/member`)).status).toBe(403);
    expect((await as('karin', 'POST', `/api/referrals/${id}/member`)).status).toBe(403);
    expect((await as('sevda', 'POST', `/api/referrals/${id}/member`)).status).toBe(204);
    expect((await referral('karin', id)).receiverOnCase).toBe(true);
    expect((await as('karin', 'GET', `/api/cases/${caseId}`)).status).toBe(200);
    server.db
      .prepare('DELETE FROM case_members WHERE case_id = ? AND professional_id = ?')
      .run(caseId, professional('karin'));
  });

  it('[RF2] the referrer cancels with a reason; a cancelled referral stays as it is', async () => {
    const { id } = (await refer('youssef')).body as { id: string };
    expect((await step('youssef', id, { to: 'cancelled', reason: 'sent-in-error' })).status).toBe(200);
    expect((await step('karin', id, { to: 'accepted' })).status).toBe(409);
    const cancelled = await referral('youssef', id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.closedAt).not.toBeNull();
    expect(cancelled.events.at(-1)!.reason).toBe('sent-in-error');
  });

  it('[RF5] a referral waiting longer than the configured working days is flagged for both sides', async () => {
    const { id } = (await refer('youssef')).body as { id: string };
    expect((await referral('karin', id)).overdue).toBe(false);
    // Requested three weeks ago.
    server.db
      .prepare('UPDATE referrals SET requested_at = ? WHERE id = ?')
      .run(new Date(Date.now() - 21 * 86_400_000).toISOString(), id);
    expect((await referral('karin', id)).overdue).toBe(true);
    expect((await referral('youssef', id)).overdue).toBe(true);
    await step('karin', id, { to: 'accepted' });
    const accepted = await referral('karin', id);
    expect(accepted.delay.toAcceptDays).toBeGreaterThanOrEqual(14);
    // Accepted just now: waiting for the first contact has only begun.
    expect(accepted.overdue).toBe(false);
  });

  it('[RF4] someone who is neither of its people nor on the case cannot see or change a referral, as if it did not exist', async () => {
    const { id } = (await refer('youssef')).body as { id: string };
    for (const who of ['samira', 'bas']) {
      expect((await as(who, 'GET', `/api/referrals/${id}`)).status).toBe(404);
      expect((await step(who, id, { to: 'accepted' })).status).toBe(404);
    }
    expect((await as('samira', 'GET', '/api/referrals/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    // Another member of the case reads it, but the steps are its people's.
    expect((await as('nadia', 'GET', `/api/referrals/${id}`)).status).toBe(200);
    expect((await step('nadia', id, { to: 'accepted' })).status).toBe(403);
  });
});
