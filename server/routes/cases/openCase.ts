import type { Request, Response } from 'express';
import type { AccessDetails, AccessEvent } from '../../../shared/accessLog.js';
import { documentGrant, isCaseCoordinator } from '../../../shared/permissions.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import type { CaseParams } from './schema.js';

/**
 * Resolves the case of the request and the person's rights on it; refuses (and logs) when the
 * person is not a member or coordinator. The same 404 answers an unknown case and a foreign one,
 * so case ids cannot be probed. A closed case is read-only for everyone: a change answers 409
 * (to who may open it), unless `whenClosed` allows it (reopening, withdrawing a consent).
 */
export async function openCase(
  s: Services,
  req: Request,
  res: Response,
  need: 'read' | 'write' | 'manage',
  { whenClosed = need === 'read' ? 'allow' : 'refuse' }: { whenClosed?: 'allow' | 'refuse' } = {},
) {
  const user = requireUser(res, ['professional', 'coordinator']);
  const { caseId } = req.params as CaseParams;
  const facts = await s.access.facts(caseId);
  const viewer = viewerOf(user);
  const grant = facts ? documentGrant(viewer, facts, 'shared') : null;
  const closed = !!grant && facts!.status === 'closed' && whenClosed === 'refuse';
  const allowed =
    !!grant &&
    !closed &&
    (need === 'read' ||
      (need === 'write' && grant.access === 'write') ||
      (need === 'manage' && isCaseCoordinator(viewer, facts!)));
  const point = accessPoint(req);
  if (!allowed) {
    await s.audit.record({
      event: 'api-refused',
      outcome: 'refused',
      caseId: facts ? caseId : null,
      userId: user.id,
      role: user.role,
      ...point,
      details: {
        route: `${req.method} ${req.baseUrl}${req.route?.path ?? ''}`,
        need,
        ...(closed ? { reason: 'case-closed' } : {}),
      },
    });
    if (closed)
      throw new HttpError(409, 'this case is closed: it can only be read until its coordinator reopens it', {
        code: 'case-closed',
      });
    if (!grant) throw new HttpError(404, `caseId: no case ${caseId} that you may open`);
    throw new HttpError(
      403,
      need === 'write' ? 'you may only read this case' : 'only the coordinator may do this',
    );
  }
  /** Writes the access-log entry for what the person read or changed of this case. */
  const log = (event: Exclude<AccessEvent, 'api-refused' | 'document-refused'>, details: AccessDetails) =>
    s.audit.record({
      event,
      caseId: facts!.caseId,
      userId: user.id,
      role: user.role,
      authorization: grant!.authorization,
      ...point,
      details,
    });
  return { user, facts: facts!, grant: grant!, point, log };
}
