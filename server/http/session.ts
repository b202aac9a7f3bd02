import { parse as parseCookie, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import type { SessionUser } from '../../shared/api.js';
import type { Session, SessionStore } from '../auth/sessions.js';
import { HttpError } from './validate.js';

export const sessionCookie = 'vz_session';
/** An opaque random token naming this browser to the sign-in (throttling, remembered second step). */
export const deviceCookie = 'vz_device';

/**
 * Where a request came from, for the access log: past the trusted proxies (TRUST_PROXY), through
 * Express's `req.ip`, or the `ip` the app sets on a WebSocket upgrade.
 */
export function accessPoint(req: { headers: Request['headers']; socket: Request['socket']; ip?: string }) {
  return {
    address: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

/**
 * The session of a request's cookie. A limited one (two-factor sign-in still to be set up) counts
 * as none unless `limited` is asked for: it opens no document and no route but the set-up.
 */
export async function sessionFromHeaders(
  sessions: SessionStore,
  cookieHeader: string | undefined,
  { limited = false }: { limited?: boolean } = {},
): Promise<Session | null> {
  const token = cookieHeader ? parseCookie(cookieHeader)[sessionCookie] : undefined;
  const session = await sessions.get(token);
  return session && (limited || !session.limited) ? session : null;
}

/** The `vz_device` cookie of a request, if it has one. */
export function deviceOf(req: { headers: Request['headers'] }): string | null {
  const token = req.headers.cookie ? parseCookie(req.headers.cookie)[deviceCookie] : undefined;
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function setDeviceCookie(res: Response, token: string, secure: boolean): void {
  res.append(
    'Set-Cookie',
    serialize(deviceCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secure || res.req.secure,
      path: '/api/session',
      maxAge: 400 * 86_400,
    }),
  );
}

/** Reads the session cookie into `res.locals.session` (null when signed out; limited ones too). */
export function attachSession(sessions: SessionStore) {
  // Express 5 passes a rejected promise of a middleware on to the error handler.
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.session = await sessionFromHeaders(sessions, req.headers.cookie, { limited: true });
    next();
  };
}

export function setSessionCookie(res: Response, token: string, secure: boolean, maxAgeSeconds: number): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookie, token, {
      httpOnly: true,
      sameSite: 'lax',
      // Also over TLS that a trusted proxy ended (X-Forwarded-Proto: https), whatever COOKIE_SECURE says.
      secure: secure || res.req.secure,
      path: '/',
      maxAge: maxAgeSeconds,
    }),
  );
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookie, '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: secure || res.req.secure,
      path: '/',
      maxAge: 0,
    }),
  );
}

/** The session of the request; null when signed out or when it is limited to setting up two-factor sign-in. */
export const currentSession = (res: Response): Session | null => {
  const session = (res.locals.session as Session | null) ?? null;
  return session && !session.limited ? session : null;
};

/** The session of the request, a limited one too: only for who-am-I and setting up two-factor sign-in. */
export const anySession = (res: Response): Session | null => (res.locals.session as Session | null) ?? null;

/** The signed-in user; 401 when signed out, 403 when their role may not use the route. */
export function requireUser(res: Response, roles?: readonly SessionUser['role'][]): SessionUser {
  const session = currentSession(res);
  if (anySession(res)?.limited)
    throw new HttpError(403, 'set up two-factor sign-in first', { code: 'two-factor-setup-required' });
  if (!session) throw new HttpError(401, 'not signed in');
  if (roles && !roles.includes(session.user.role)) throw new HttpError(403, 'not allowed for your role');
  return session.user;
}

/**
 * CSRF protection for requests that change something: with a session cookie, the request must
 * carry the session's token in `X-CSRF-Token`; without one (sign-in, accepting an invitation) a
 * body must be JSON, which a cross-site form cannot send.
 */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const session = anySession(res);
  if (session) {
    if (req.headers['x-csrf-token'] !== session.csrfToken)
      return next(new HttpError(403, 'missing or wrong CSRF token'));
    return next();
  }
  // A request without a body (signing out of an expired session) carries nothing to forge.
  if (req.is('application/json') === false)
    return next(new HttpError(415, 'send JSON (Content-Type: application/json)'));
  next();
}
