import { Router } from 'express';
import type { SessionInfo } from '../../../shared/api.js';
import { accessPoint, setSessionCookie } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { acceptSchema, invitationParamsSchema } from './schema.js';
import type { AcceptBody, InvitationParams } from './schema.js';

/** A client opens the one-time link from their coordinator and sets a password with it. */
export function invitationsRouter(s: Services): Router {
  const router = Router();
  router.get('/:token', validate('params', invitationParamsSchema), async (req, res) => {
    const invitation = await s.accounts.invitation((req.params as InvitationParams).token);
    if (!invitation) throw new HttpError(410, 'token: this invitation link has expired or was used already');
    res.json({
      displayName: invitation.displayName,
      username: invitation.username,
      expiresAt: invitation.expiresAt,
    });
  });

  router.post(
    '/:token',
    validate('params', invitationParamsSchema),
    validate('body', acceptSchema),
    async (req, res) => {
      const { token } = req.params as InvitationParams;
      const userId = await s.accounts.acceptInvitation(token, (req.body as AcceptBody).password);
      const created = await s.sessions.create(userId);
      const session = (await s.sessions.get(created.token))!;
      const point = accessPoint(req);
      await s.audit.record({
        event: 'invitation-used',
        userId,
        role: session.user.role,
        caseId: session.user.clientCaseId,
        ...point,
      });
      await s.audit.record({ event: 'login', userId, role: session.user.role, ...point });
      setSessionCookie(res, created.token, s.config.session.cookieSecure, s.config.session.maxHours * 3600);
      res.json({ user: session.user, csrfToken: session.csrfToken } satisfies SessionInfo);
    },
  );
  return router;
}
