import type { Request, Response } from 'express';
import type { AccessDetails } from '../../../shared/accessLog.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';

/**
 * The signed-in client and their own case, for every /api/my route, with the access log entries
 * for what they read or write there (a client only ever reaches their own file: `client-self`).
 */
export function clientOf(s: Services, req: Request, res: Response) {
  const user = requireUser(res, ['client']);
  const caseId = user.clientCaseId!;
  const point = accessPoint(req);
  const log = (event: 'api-read' | 'api-write' | 'api-refused', details: AccessDetails) =>
    s.audit.record({
      event,
      outcome: event === 'api-refused' ? 'refused' : 'allowed',
      caseId,
      userId: user.id,
      role: 'client',
      authorization: 'client-self',
      ...point,
      details,
    });
  return {
    user,
    caseId,
    /** Where the request came from, for entries the route writes itself. */
    point,
    /** In whose name the server writes the client's contributions into the board (SPEC H1). */
    actor: { userId: user.id, role: 'client' },
    /** Logs that the client read part of their file. */
    read: (details: AccessDetails) => log('api-read', details),
    /** Logs a change the client made, or one that was refused. */
    wrote: (allowed: boolean, details: AccessDetails) => log(allowed ? 'api-write' : 'api-refused', details),
    /**
     * Refuses (409, logged) a change once the support has ended: a closed case is read-only for
     * everyone, its client too (SPEC CL6). Withdrawing a consent stays possible.
     */
    async mustBeOpen(resource: string) {
      if ((await s.access.facts(caseId))?.status !== 'closed') return;
      await log('api-refused', { resource, reason: 'case-closed' });
      throw new HttpError(409, 'your support has ended: the plan can only be read', { code: 'case-closed' });
    },
  };
}
