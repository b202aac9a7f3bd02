import type { Router } from 'express';
import type { MyConsentsAnswer } from '../../../shared/api.js';
import { consentToday } from '../../../shared/consent.js';
import { consentRecorder, consentWithdrawer } from '../../../shared/permissions.js';
import { HttpError, validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { streamConsentChanges } from '../cases/consentStream.js';
import { clientOf } from './client.js';
import { consentParamsSchema, myConsentSchema } from './schema.js';
import type { MyConsentBody, MyConsentParams } from './schema.js';

/**
 * The client's own consents (SPEC A7): they see every consent of their file live, give one in
 * their plan ("Mag de huisarts dit delen met …?": what, with whom, until when) and withdraw any.
 * What they give is recorded as given in the app, today, by them.
 */
export function myConsentRoutes(s: Services, router: Router): void {
  /** The people on the client's case, whom a consent can name. */
  const peopleOf = async (caseId: string): Promise<MyConsentsAnswer['people']> =>
    ((await s.cases.getCase(caseId))?.members ?? []).map(({ id, name, roleTitle, domain }) => ({
      id,
      name,
      roleTitle,
      domain,
    }));

  router.get('/consents', async (req, res) => {
    const client = clientOf(s, req, res);
    await client.read({ resource: 'consents' });
    const body: MyConsentsAnswer = {
      consents: await s.caseAdmin.listConsents(client.caseId),
      limits: s.caseAdmin.limits,
      people: await peopleOf(client.caseId),
    };
    res.json(body);
  });

  router.get('/consents/stream', async (req, res) => {
    const { caseId } = clientOf(s, req, res);
    streamConsentChanges(s, res, caseId, () => true);
  });

  router.post('/consents', validate('body', myConsentSchema), async (req, res) => {
    const client = clientOf(s, req, res);
    await client.mustBeOpen('consent');
    const body = req.body as MyConsentBody;
    const facts = await s.access.facts(client.caseId);
    if (!facts) throw new HttpError(404, 'your plan was not found');
    const details = {
      resource: 'consent',
      compartment: body.compartment,
      sharedWithDomain: body.sharedWithDomain ?? null,
      sharedWithProfessionalId: body.sharedWithProfessionalId ?? null,
    };
    const person = body.sharedWithProfessionalId;
    if (person && !(await peopleOf(client.caseId)).some((p) => p.id === person)) {
      await client.wrote(false, details);
      throw new HttpError(400, `sharedWithProfessionalId: ${person} is not one of the people who help you`);
    }
    if (!consentRecorder(viewerOf(client.user), facts, await s.caseAdmin.intentOf(body))) {
      await client.wrote(false, details);
      throw new HttpError(403, 'you may only give consent for your own file');
    }
    const { resource: _r, ...choice } = details;
    const id = await s.caseAdmin.giveConsent(
      client.caseId,
      { ...choice, validUntil: body.validUntil, how: 'app', givenOn: consentToday() },
      client.user.id,
    );
    await s.audit.record({
      event: 'consent-given',
      caseId: client.caseId,
      userId: client.user.id,
      role: 'client',
      authorization: 'client-self',
      ...client.point,
      details: { consentId: id, ...choice, recordedAs: 'client-self', how: 'app' },
    });
    await s.recheckConnections();
    res.status(201).json({ id });
  });

  router.post('/consents/:consentId/withdraw', validate('params', consentParamsSchema), async (req, res) => {
    const client = clientOf(s, req, res);
    const { consentId } = req.params as MyConsentParams;
    const facts = await s.access.facts(client.caseId);
    const consent = await s.caseAdmin.consent(client.caseId, consentId);
    if (!facts || !consentWithdrawer(viewerOf(client.user), facts, consent)) {
      await client.wrote(false, { resource: 'consent', consentId, withdraw: true });
      throw new HttpError(403, 'you may only withdraw consent for your own file');
    }
    await s.caseAdmin.withdrawConsent(client.caseId, consentId, client.user.id);
    await s.audit.record({
      event: 'consent-withdrawn',
      caseId: client.caseId,
      userId: client.user.id,
      role: 'client',
      authorization: 'client-self',
      ...client.point,
      details: { consentId, withdrawnAs: 'client-self' },
    });
    await s.recheckConnections(); // the compartment closes on every open board at once
    res.status(204).end();
  });
}
