import type { Router } from 'express';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema, invitationBodySchema, memberBodySchema, memberParamsSchema } from './schema.js';
import type { InvitationBody, MemberBody, MemberParams } from './schema.js';

/**
 * The coordinator's part of a case: who is on it (and read-only or not), and the client's
 * invitation to their own plan (a new account only). Consent: consents.ts.
 */
export function caseAdminRoutes(s: Services, router: Router): void {
  router.put(
    '/:caseId/members/:professionalId',
    validate('params', memberParamsSchema),
    validate('body', memberBodySchema),
    async (req, res) => {
      const { user, facts, point } = await openCase(s, req, res, 'manage');
      const { professionalId } = req.params as MemberParams;
      const { caseRole, access } = req.body as MemberBody;
      await s.caseAdmin.setMember(facts.caseId, professionalId, caseRole, access);
      await s.audit.record({
        event: 'membership-changed',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'coordinator',
        ...point,
        details: { professionalId, access },
      });
      await s.recheckConnections();
      res.status(204).end();
    },
  );

  router.delete(
    '/:caseId/members/:professionalId',
    validate('params', memberParamsSchema),
    async (req, res) => {
      const { user, facts, point } = await openCase(s, req, res, 'manage');
      const { professionalId } = req.params as MemberParams;
      const removed = await s.caseAdmin.removeMember(facts.caseId, professionalId);
      await s.audit.record({
        event: 'membership-changed',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'coordinator',
        ...point,
        details: { professionalId, removed },
      });
      await s.recheckConnections();
      res.status(204).end();
    },
  );

  router.post(
    '/:caseId/invitation',
    validate('params', caseParamsSchema),
    validate('body', invitationBodySchema),
    async (req, res) => {
      const { user, facts, point } = await openCase(s, req, res, 'manage');
      const { username, displayName } = req.body as InvitationBody;
      const entry = {
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'coordinator',
        ...point,
      };
      // An invitation makes a new account. One that exists is never touched here: a new link for
      // it would let whoever asks set its password (account recovery is the admin's, routes/admin).
      if (await s.accounts.clientUserOfCase(facts.caseId)) {
        await s.audit.record({
          ...entry,
          event: 'api-refused',
          outcome: 'refused',
          details: { resource: 'invitation', reason: 'client-has-account' },
        });
        throw new HttpError(
          409,
          'the client already has an account; if they cannot sign in, the functional administrator makes a recovery link',
        );
      }
      const { userId, token, expiresAt } = await s.data.write(async (trx) => {
        const id = await s.accounts.create(
          { username, displayName, role: 'client', clientCaseId: facts.caseId },
          trx,
        );
        return { userId: id, ...(await s.accounts.invite(id, user.id, new Date(), trx)) };
      });
      await s.audit.record({ ...entry, event: 'invitation-created', details: { clientUserId: userId } });
      res.status(201).json({ link: `${s.config.publicUrl}/invitation/${token}`, expiresAt, username });
    },
  );
}
