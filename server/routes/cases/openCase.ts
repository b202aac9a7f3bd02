import type { Request, Response } from 'express';
import type { AccessDetails } from '../../../shared/accessLog.js';
import { documentGrant, mayManageCase } from '../../../shared/permissions.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import type { CaseParams } from './schema.js';

/**
 * Resolves the case of the request and the person's rights on it; refuses (and logs) when the
 * person is not a member or coordinator. The same 404 answers an unknown case and a foreign one,
 * so case ids cannot be probed.
 */
export function openCase(s: Services, req: Request, res: Response, need: 'read' | 'write' | 'manage') {
  const user = requireUser(res, ['professional', 'coordinator']);
  const { caseId } = req.params as CaseParams;
  const facts = s.access.facts(caseId);
  const viewer = viewerOf(user);
  const grant = facts ? documentGrant(viewer, facts, 'shared') : null;
  const allowed =
    !!grant &&
    (need === 'read' ||
      (need === 'write' && grant.access === 'write') ||
      (need === 'manage' && mayManageCase(viewer, facts!)));
  const point = accessPoint(req);
  if (!allowed) {
    s.audit.record({
      event: 'api-refused',
      outcome: 'refused',
      caseId: facts ? caseId : null,
      userId: user.id,
      role: user.role,
      ...point,
      details: { route: `${req.method} ${req.baseUrl}${req.route?.path ?? ''}`, need },
    });
    if (!grant) throw new HttpError(404, `caseId: no case ${caseId} that you may open`);
    throw new HttpError(
      403,
      need === 'write' ? 'you may only read this case' : 'only the coordinator may do this',
    );
  }
  /** Writes the access-log entry for what the person read or changed of this case. */
  const log = (event: 'api-read' | 'api-write' | 'export', details: AccessDetails) =>
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
