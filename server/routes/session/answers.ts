import type { Request, Response } from 'express';
import type { SessionInfo } from '../../../shared/api.js';
import type { Session } from '../../auth/sessions.js';
import { parse as parseCookie } from 'cookie';
import { accessPoint, deviceOf, sessionCookie } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';

/** What the page knows of a session: who (and whether they must set up two-factor sign-in first) and the CSRF token. */
export const sessionInfo = (session: Session): SessionInfo => ({
  user: session.user,
  csrfToken: session.csrfToken,
});

/** Whether the request sent a session cookie at all (a signed-out browser sends none). */
export const hasSessionCookie = (req: Request): boolean =>
  !!req.headers.cookie && !!parseCookie(req.headers.cookie)[sessionCookie];

/** Where a sign-in attempt comes from: the address and this browser's device cookie. */
export const originOf = (req: Request) => ({
  address: accessPoint(req).address ?? 'unknown',
  device: deviceOf(req),
});

/** 429 with the wait in seconds, in `Retry-After` and as `retryAfterSeconds`. */
export function tooMany(res: Response, seconds: number): never {
  res.setHeader('Retry-After', String(seconds));
  throw new HttpError(429, `too many attempts: try again in ${seconds} s`, {
    code: 'too-many-attempts',
    retryAfterSeconds: seconds,
  });
}
