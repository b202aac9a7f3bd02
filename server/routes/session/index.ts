import { Router } from 'express';
import type { Request, Response } from 'express';
import type { SignInAnswer } from '../../../shared/signInApi.js';
import { newToken } from '../../auth/tokens.js';
import { HttpError, validate } from '../../http/validate.js';
import {
  accessPoint,
  anySession,
  clearSessionCookie,
  deviceOf,
  requireUser,
  setDeviceCookie,
  setSessionCookie,
} from '../../http/session.js';
import type { Services } from '../../services/index.js';
import { codeSchema, languageSchema, loginSchema, passwordChangeSchema } from './schema.js';
import type { CodeBody, LanguageBody, LoginBody, PasswordChangeBody } from './schema.js';
import { hasSessionCookie, originOf, sessionInfo, tooMany } from './answers.js';
import { twoFactorRoutes } from './twoFactor.js';

/** Sign in (in one or two steps), who am I, sign out (here or everywhere else), password, language. */
export function sessionRouter(s: Services): Router {
  const router = Router();
  const { cookieSecure, maxHours } = s.config.session;

  /** Starts the session of a full sign-in and remembers this browser and address for the account. */
  const startSession = async (
    req: Request,
    res: Response,
    userId: string,
    details: Record<string, string>,
    remember = false,
  ) => {
    const { token } = await s.sessions.create(userId);
    const session = (await s.sessions.get(token))!;
    await s.audit.record({ event: 'login', userId, role: session.user.role, ...accessPoint(req), details });
    setSessionCookie(res, token, cookieSecure, maxHours * 3600);
    const from = originOf(req);
    const device = from.device ?? newToken();
    if (!from.device) setDeviceCookie(res, device, cookieSecure);
    await s.signIn.signedIn(userId, { ...from, device }, remember);
    res.json(sessionInfo(session) satisfies SignInAnswer);
  };

  router.post('/', validate('body', loginSchema), async (req, res) => {
    const { username, password } = req.body as LoginBody;
    const outcome = await s.signIn.password(username, password, originOf(req));
    if (outcome.kind === 'throttled') tooMany(res, outcome.retryAfterSeconds);
    if (outcome.kind === 'wrong') {
      await s.audit.record({
        event: 'login-failed',
        outcome: 'refused',
        ...accessPoint(req),
        details: { reason: 'bad-credentials' },
      });
      throw new HttpError(401, 'username or password is wrong', { code: 'wrong-credentials' });
    }
    if (outcome.kind === 'code') {
      res.json({ secondStep: { challenge: outcome.challenge } } satisfies SignInAnswer);
      return;
    }
    await startSession(
      req,
      res,
      outcome.userId,
      outcome.secondFactor ? { secondFactor: outcome.secondFactor } : {},
    );
  });

  router.post('/code', validate('body', codeSchema), async (req, res) => {
    const { challenge, code, rememberDevice } = req.body as CodeBody;
    const outcome = await s.signIn.code(challenge, code);
    if (outcome.kind === 'throttled') tooMany(res, outcome.retryAfterSeconds);
    if (outcome.kind === 'expired')
      throw new HttpError(410, 'challenge: sign in with your password again', { code: 'challenge-expired' });
    if (outcome.kind === 'wrong') {
      await s.audit.record({
        event: 'login-failed',
        userId: outcome.userId,
        outcome: 'refused',
        ...accessPoint(req),
        details: { reason: 'bad-code' },
      });
      throw new HttpError(401, 'code: is not right', { code: 'wrong-code' });
    }
    await startSession(req, res, outcome.userId, { secondFactor: outcome.secondFactor }, rememberDevice);
  });

  router.get('/', (req, res) => {
    const session = anySession(res);
    if (session) {
      res.json(sessionInfo(session));
      return;
    }
    // A session cookie that names no session (ended or expired) is refused once, and cleared.
    if (hasSessionCookie(req)) {
      clearSessionCookie(res, cookieSecure);
      throw new HttpError(401, 'not signed in');
    }
    // Nobody signed in is an ordinary answer: every signed-out page asks it on load.
    res.json({ user: null });
  });

  router.delete('/', async (req, res) => {
    const session = anySession(res);
    if (session) {
      await s.sessions.end(session.idHash);
      await s.audit.record({
        event: 'logout',
        userId: session.user.id,
        role: session.user.role,
        ...accessPoint(req),
      });
      await s.recheckConnections();
    }
    clearSessionCookie(res, cookieSecure);
    res.status(204).end();
  });

  /** "Sign out everywhere": every other session ends, and other browsers must pass the second step again. */
  router.delete('/others', async (req, res) => {
    const user = requireUser(res);
    const session = anySession(res)!;
    const ended = await s.sessions.endOthersOf(user.id, session.idHash);
    await s.devices.forgetSecondStep(user.id, deviceOf(req));
    await s.audit.record({
      event: 'sessions-ended',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      details: { ended, why: 'sign-out-everywhere' },
    });
    await s.recheckConnections();
    res.json({ ended });
  });

  router.post('/password', validate('body', passwordChangeSchema), async (req, res) => {
    const user = requireUser(res);
    const { currentPassword, newPassword } = req.body as PasswordChangeBody;
    const ended = await s.accounts.changePassword(
      user.id,
      currentPassword,
      newPassword,
      anySession(res)!.idHash,
    );
    await s.audit.record({
      event: 'password-change',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      details: { sessionsEnded: ended },
    });
    res.status(204).end();
  });

  router.put('/language', validate('body', languageSchema), async (req, res) => {
    const session = anySession(res);
    if (!session) throw new HttpError(401, 'not signed in');
    await s.accounts.setLanguage(session.user.id, (req.body as LanguageBody).language);
    res.status(204).end();
  });

  twoFactorRoutes(router, s);
  return router;
}
