import type { Router } from 'express';
import { validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import {
  caseParamsSchema,
  consentBodySchema,
  consentParamsSchema,
  invitationBodySchema,
  memberBodySchema,
  memberParamsSchema,
} from './schema.js';
import type { ConsentBody, ConsentParams, InvitationBody, MemberBody, MemberParams } from './schema.js';

/**
 * The coordinator's part of a case: who is on it (and read-only or not), the client's consent
 * to share a compartment, and the client's invitation to their own plan.
 */
export function caseAdminRoutes(s: Services, router: Router): void {
  router.put(
    '/:caseId/members/:professionalId',
    validate('params', memberParamsSchema),
    validate('body', memberBodySchema),
    (req, res) => {
      const { user, facts, point } = openCase(s, req, res, 'manage');
      const { professionalId } = req.params as MemberParams;
      const { caseRole, access } = req.body as MemberBody;
      s.caseAdmin.setMember(facts.caseId, professionalId, caseRole, access);
      s.audit.record({
        event: 'membership-changed',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'coordinator',
        ...point,
        details: { professionalId, access },
      });
      s.recheckConnections();
      res.status(204).end();
    },
  );

  router.delete('/:caseId/members/:professionalId', validate('params', memberParamsSchema), (req, res) => {
    const { user, facts, point } = openCase(s, req, res, 'manage');
    const { professionalId } = req.params as MemberParams;
    const removed = s.caseAdmin.removeMember(facts.caseId, professionalId);
    s.audit.record({
      event: 'membership-changed',
      caseId: facts.caseId,
      userId: user.id,
      role: user.role,
      authorization: 'coordinator',
      ...point,
      details: { professionalId, removed },
    });
    s.recheckConnections();
    res.status(204).end();
  });

  router.get('/:caseId/consents', validate('params', caseParamsSchema), (req, res) => {
    const { user, facts, grant, point } = openCase(s, req, res, 'read');
    s.audit.record({
      event: 'api-read',
      caseId: facts.caseId,
      userId: user.id,
      role: user.role,
      authorization: grant.authorization,
      ...point,
      details: { resource: 'consents' },
    });
    res.json({ consents: s.caseAdmin.listConsents(facts.caseId) });
  });

  router.post(
    '/:caseId/consents',
    validate('params', caseParamsSchema),
    validate('body', consentBodySchema),
    (req, res) => {
      const { user, facts, grant, point } = openCase(s, req, res, 'consent');
      const body = req.body as ConsentBody;
      const id = s.caseAdmin.giveConsent(facts.caseId, body, user.id);
      s.audit.record({
        event: 'consent-given',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: grant.authorization,
        ...point,
        details: {
          consentId: id,
          compartment: body.compartment,
          sharedWithDomain: body.sharedWithDomain ?? null,
          sharedWithProfessionalId: body.sharedWithProfessionalId ?? null,
        },
      });
      res.status(201).json({ id });
    },
  );

  router.post(
    '/:caseId/consents/:consentId/withdraw',
    validate('params', consentParamsSchema),
    (req, res) => {
      const { user, facts, grant, point } = openCase(s, req, res, 'consent');
      const { consentId } = req.params as ConsentParams;
      s.caseAdmin.withdrawConsent(facts.caseId, consentId, user.id);
      s.audit.record({
        event: 'consent-withdrawn',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: grant.authorization,
        ...point,
        details: { consentId },
      });
      s.recheckConnections(); // withdrawal takes effect on open connections at once
      res.status(204).end();
    },
  );

  router.post(
    '/:caseId/invitation',
    validate('params', caseParamsSchema),
    validate('body', invitationBodySchema),
    (req, res) => {
      const { user, facts, point } = openCase(s, req, res, 'manage');
      const { username, displayName } = req.body as InvitationBody;
      // A client who has an account already gets a new link for it (e.g. the first one expired).
      const existing = s.accounts.clientUserOfCase(facts.caseId);
      const clientId =
        existing?.id ??
        s.accounts.create({ username, displayName, role: 'client', clientCaseId: facts.caseId });
      const { token, expiresAt } = s.accounts.invite(clientId, user.id);
      s.audit.record({
        event: 'invitation-created',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'coordinator',
        ...point,
        details: { clientUserId: clientId },
      });
      res.status(201).json({
        link: `${s.config.publicUrl}/invitation/${token}`,
        expiresAt,
        username: existing?.username ?? username,
      });
    },
  );
}
