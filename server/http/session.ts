import { parse as parseCookie, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import type { SessionUser } from '../../shared/api.js';
import type { Session, SessionStore } from '../auth/sessions.js';
import { HttpError } from './validate.js';

export const sessionCookie = 'vz_session';

/** Where a request came from, for the access log. */
export function accessPoint(req: { headers: Request['headers']; socket: Request['socket'] }) {
  return {
    address: req.socket.remoteAddress ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

export function sessionFromHeaders(sessions: SessionStore, cookieHeader: string | undefined): Session | null {
  const token = cookieHeader ? parseCookie(cookieHeader)[sessionCookie] : undefined;
  return sessions.get(token);
}

/** Reads the session cookie into `res.locals.session` (null when signed out). */
export function attachSession(sessions: SessionStore) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.session = sessionFromHeaders(sessions, req.headers.cookie);
    next();
  };
}

export function setSessionCookie(res: Response, token: string, secure: boolean, maxAgeSeconds: number): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookie, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: maxAgeSeconds,
    }),
  );
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookie, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }),
  );
}

export const currentSession = (res: Response): Session | null =>
  (res.locals.session as Session | null) ?? null;

/** The signed-in user; 401 when signed out, 403 when their role may not use the route. */
export function requireUser(res: Response, roles?: readonly SessionUser['role'][]): SessionUser {
  const session = currentSession(res);
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
  const session = currentSession(res);
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
