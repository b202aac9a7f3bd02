import type { NextFunction, Request, Response } from 'express';
import type { AccessDetails, AccessEvent } from '../../../shared/accessLog.js';
import { accessPoint, anySession, currentSession, requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';

/**
 * Every /api/admin route is the functional administrator's: anyone else is refused before the
 * request is read (401 signed out, 403 otherwise), and a signed-in person's refusal is in the
 * access log, so a refused request changes nothing but the log.
 */
export function adminOnly(s: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = currentSession(res);
    if (session && session.user.role !== 'admin' && !anySession(res)?.limited) {
      await s.audit.record({
        event: 'api-refused',
        outcome: 'refused',
        userId: session.user.id,
        role: session.user.role,
        ...accessPoint(req),
        // The resource, never the rest of the path (ids someone typed).
        details: { route: `${req.method} /api/admin/${req.path.split('/')[1] ?? ''}`, need: 'admin' },
      });
    }
    requireUser(res, ['admin']);
    next();
  };
}

/**
 * The admin of a request and the access-log entry for what they changed: like `openCase`'s `log`,
 * one line per change with ids and field names only, never a name, number or address.
 */
export function adminOf(s: Services, req: Request, res: Response) {
  const user = requireUser(res, ['admin']);
  const point = accessPoint(req);
  const log = (event: AccessEvent, details: AccessDetails, caseId: string | null = null) =>
    s.audit.record({
      event,
      caseId,
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      ...point,
      details,
    });
  return { user, point, log };
}
