import type { Router } from 'express';
import type { ConsentsAnswer } from '../../../shared/api.js';
import { consentRecorder, consentWithdrawer } from '../../../shared/permissions.js';
import { HttpError, validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { streamConsentChanges } from './consentStream.js';
import { openCase } from './openCase.js';
import { caseParamsSchema, consentBodySchema, consentParamsSchema } from './schema.js';
import type { ConsentBody, ConsentParams } from './schema.js';

/**
 * The client's consents on the case board (SPEC A7). Every member reads them, live. Recording one
 * on the client's behalf is for the coordinator or the side that holds the data, never for who
 * would receive it; withdrawing for the coordinator or the holding side. The client gives and
 * withdraws their own in their plan (routes/my/consents.ts).
 */
export function caseConsentRoutes(s: Services, router: Router): void {
  router.get('/:caseId/consents', validate('params', caseParamsSchema), async (req, res) => {
    const { facts, log } = await openCase(s, req, res, 'read');
    await log('api-read', { resource: 'consents' });
    const body: ConsentsAnswer = {
      consents: await s.caseAdmin.listConsents(facts.caseId),
      limits: s.caseAdmin.limits,
    };
    res.json(body);
  });

  router.get('/:caseId/consents/stream', validate('params', caseParamsSchema), async (req, res) => {
    const { user, facts } = await openCase(s, req, res, 'read');
    streamConsentChanges(
      s,
      res,
      facts.caseId,
      async () => !!(await s.access.caseGrant(viewerOf(user), facts.caseId)),
    );
  });

  router.post(
    '/:caseId/consents',
    validate('params', caseParamsSchema),
    validate('body', consentBodySchema),
    async (req, res) => {
      // Nothing is shared anew once the case is closed: 409 (SPEC CL6).
      const { user, facts, grant, point } = await openCase(s, req, res, 'read', { whenClosed: 'refuse' });
      const body = req.body as ConsentBody;
      const intent = await s.caseAdmin.intentOf(body);
      const authority = consentRecorder(viewerOf(user), facts, intent);
      const details = {
        compartment: body.compartment,
        sharedWithDomain: body.sharedWithDomain ?? null,
        sharedWithProfessionalId: body.sharedWithProfessionalId ?? null,
      };
      const entry = { caseId: facts.caseId, userId: user.id, role: user.role, ...point };
      if (!authority) {
        await s.audit.record({
          ...entry,
          event: 'api-refused',
          outcome: 'refused',
          authorization: grant.authorization,
          details: { resource: 'consent', ...details },
        });
        throw new HttpError(
          403,
          'only the client, the coordinator or the side that holds these notes may record this consent, never who would receive them',
        );
      }
      const id = await s.caseAdmin.giveConsent(facts.caseId, { ...body, ...details }, user.id);
      await s.audit.record({
        ...entry,
        event: 'consent-given',
        authorization: grant.authorization,
        details: { consentId: id, ...details, recordedAs: authority, how: body.how },
      });
      await s.recheckConnections();
      res.status(201).json({ id });
    },
  );

  router.post(
    '/:caseId/consents/:consentId/withdraw',
    validate('params', consentParamsSchema),
    async (req, res) => {
      const { user, facts, grant, point } = await openCase(s, req, res, 'read');
      const { consentId } = req.params as ConsentParams;
      const consent = await s.caseAdmin.consent(facts.caseId, consentId);
      const authority = consentWithdrawer(viewerOf(user), facts, consent);
      const entry = { caseId: facts.caseId, userId: user.id, role: user.role, ...point };
      if (!authority) {
        await s.audit.record({
          ...entry,
          event: 'api-refused',
          outcome: 'refused',
          authorization: grant.authorization,
          details: { resource: 'consent', consentId, withdraw: true },
        });
        throw new HttpError(
          403,
          'only the client, the coordinator or the side that holds these notes may withdraw this consent',
        );
      }
      await s.caseAdmin.withdrawConsent(facts.caseId, consentId, user.id);
      await s.audit.record({
        ...entry,
        event: 'consent-withdrawn',
        authorization: grant.authorization,
        details: { consentId, withdrawnAs: authority },
      });
      await s.recheckConnections(); // withdrawal takes effect on open connections at once
      res.status(204).end();
    },
  );
}
