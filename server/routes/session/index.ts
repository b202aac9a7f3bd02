import { Router } from 'express';
import type { SessionInfo } from '../../../shared/api.js';
import { HttpError, validate } from '../../http/validate.js';
import {
  accessPoint,
  clearSessionCookie,
  currentSession,
  requireUser,
  setSessionCookie,
} from '../../http/session.js';
import type { Services } from '../../services/index.js';
import { languageSchema, loginSchema, passwordChangeSchema } from './schema.js';
import type { LanguageBody, LoginBody, PasswordChangeBody } from './schema.js';

/** Sign in, who am I, sign out, change password and language. */
export function sessionRouter(s: Services): Router {
  const router = Router();
  const maxAge = s.config.session.maxHours * 3600;

  router.post('/', validate('body', loginSchema), async (req, res) => {
    const { username, password } = req.body as LoginBody;
    const point = accessPoint(req);
    const address = point.address ?? 'unknown';
    const wait = s.throttle.retryAfterMs(username, address);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
    }
    const userId = await s.accounts.authenticate(username, password);
    if (!userId) {
      s.throttle.failed(username, address);
      s.audit.record({
        event: 'login-failed',
        outcome: 'refused',
        ...point,
        details: { reason: 'bad-credentials' },
      });
      throw new HttpError(401, 'username or password is wrong');
    }
    s.throttle.succeeded(username, address);
    const { token } = s.sessions.create(userId);
    const session = s.sessions.get(token)!;
    s.audit.record({ event: 'login', userId, role: session.user.role, ...point });
    setSessionCookie(res, token, s.config.session.cookieSecure, maxAge);
    res.json({ user: session.user, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  router.get('/', (_req, res) => {
    const session = currentSession(res);
    if (!session) throw new HttpError(401, 'not signed in');
    res.json({ user: session.user, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  router.delete('/', (req, res) => {
    const session = currentSession(res);
    if (session) {
      s.sessions.end(session.idHash);
      s.audit.record({
        event: 'logout',
        userId: session.user.id,
        role: session.user.role,
        ...accessPoint(req),
      });
      s.recheckConnections();
    }
    clearSessionCookie(res, s.config.session.cookieSecure);
    res.status(204).end();
  });

  router.post('/password', validate('body', passwordChangeSchema), async (req, res) => {
    const user = requireUser(res);
    const { currentPassword, newPassword } = req.body as PasswordChangeBody;
    await s.accounts.changePassword(user.id, currentPassword, newPassword);
    s.audit.record({ event: 'password-change', userId: user.id, role: user.role, ...accessPoint(req) });
    res.status(204).end();
  });

  router.put('/language', validate('body', languageSchema), (req, res) => {
    const user = requireUser(res);
    s.accounts.setLanguage(user.id, (req.body as LanguageBody).language);
    res.status(204).end();
  });

  return router;
}
