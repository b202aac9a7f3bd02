import { Router } from 'express';
import type { UsersAnswer } from '../../../shared/adminApi.js';
import { checked } from '../../http/checked.js';
import { HttpError } from '../../http/validate.js';
import { accountDirectory } from '../../services/accountDirectory.js';
import type { Services } from '../../services/index.js';
import { otherAccountService } from '../../services/otherAccounts.js';
import { accessLogRoutes } from './accessLog/index.js';
import { adminOf, adminOnly } from './adminOf.js';
import { placeRoutes } from './places/index.js';
import { professionalRoutes } from './professionals/index.js';
import { teamRoutes } from './teams/index.js';
import { userParamsSchema, usersQuerySchema } from './schema.js';

/**
 * The functional administrator: places, teams, professionals with their accounts, the other
 * accounts and the access log. Nobody else gets past `adminOnly`.
 */
export function adminRouter(s: Services): Router {
  const router = Router();
  const directory = accountDirectory(s.data);
  const otherAccounts = otherAccountService({
    data: s.data,
    accounts: s.accounts,
    sessions: s.sessions,
    recheckConnections: s.recheckConnections,
  });
  router.use(adminOnly(s));
  placeRoutes(s, router);
  teamRoutes(s, router);
  professionalRoutes(s, router);

  // Clients' and admins' accounts; a page of clients is a list read of those clients (LG3).
  router.get(
    '/users',
    checked({ query: usersQuerySchema }, async ({ query }, req, res) => {
      const { user, point } = adminOf(s, req, res);
      const { cases, ...answer } = await directory.list(query);
      await s.audit.record({
        event: query.q ? 'search' : 'api-read',
        userId: user.id,
        role: 'admin',
        authorization: 'admin',
        ...point,
        cases,
        details: { resource: 'accounts', results: answer.total },
      });
      res.json(answer satisfies UsersAnswer);
    }),
  );

  /**
   * Account recovery for a client (an invitation never touches an existing account): the old
   * password stops working, every session of the client ends (their open pages close within
   * seconds), and the admin gets one new one-time link to hand over; an earlier link stops working.
   * A professional's password is reset with the professional (professionals/index.ts).
   */
  router.post(
    '/users/:userId/recovery',
    checked({ params: userParamsSchema }, async ({ params: { userId } }, req, res) => {
      const { user, log } = adminOf(s, req, res);
      const client = await s.data.db
        .selectFrom('users')
        .select(['role', 'client_case_id as clientCaseId'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!client) throw new HttpError(404, `userId: no account ${userId}`);
      if (client.role !== 'client')
        throw new HttpError(400, 'userId: only a client account is recovered here');
      const { token, expiresAt } = await s.accounts.recover(userId, user.id);
      await s.sessions.endAllOf(userId);
      await s.recheckConnections();
      await log('account-recovery', { clientUserId: userId }, client.clientCaseId);
      res.status(201).json({ link: `${s.config.publicUrl}/invitation/${token}`, expiresAt });
    }),
  );

  // A client or admin who must not sign in any more (SPEC PP13): disabled at once, never deleted.
  router.post(
    '/users/:userId/disable',
    checked({ params: userParamsSchema }, async ({ params: { userId } }, req, res) => {
      const { user, log } = adminOf(s, req, res);
      const done = await otherAccounts.disable(userId, user.id);
      if (done)
        await log('account-disabled', { userId, sessionsEnded: done.sessionsEnded }, done.clientCaseId);
      res.status(204).end();
    }),
  );

  router.post(
    '/users/:userId/enable',
    checked({ params: userParamsSchema }, async ({ params: { userId } }, req, res) => {
      const { log } = adminOf(s, req, res);
      const done = await otherAccounts.enable(userId);
      if (done) await log('account-enabled', { userId }, done.clientCaseId);
      res.status(204).end();
    }),
  );

  accessLogRoutes(s, router, directory);
  return router;
}
