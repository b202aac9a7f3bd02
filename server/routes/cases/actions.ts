import type { Router } from 'express';
import type { ActionsAnswer } from '../../../shared/meetingApi.js';
import { openEventStream } from '../../http/eventStream.js';
import { validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/** The open actions from meetings on one case, so the board can flag the overdue ones. */
export function caseActionRoutes(s: Services, router: Router): void {
  const { actions } = s.meetings;

  router.get('/:caseId/actions', validate('params', caseParamsSchema), async (req, res) => {
    const { user, facts, grant, point } = await openCase(s, req, res, 'read');
    const body: ActionsAnswer = { actions: await actions.openForCase(facts.caseId) };
    await s.audit.record({
      event: 'api-read',
      caseId: facts.caseId,
      userId: user.id,
      role: user.role,
      authorization: grant.authorization,
      ...point,
      details: { resource: 'case-actions' },
    });
    res.json(body);
  });

  // Tells an open board to fetch the list again when an action on this case changed, so the board
  // reads (and the access log records) only when there is something new. Someone taken off the
  // case meanwhile hears nothing more: their stream ends.
  router.get('/:caseId/actions/stream', validate('params', caseParamsSchema), async (req, res) => {
    const { user, facts } = await openCase(s, req, res, 'read');
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    const listener = (caseId: string) => {
      if (caseId !== facts.caseId) return;
      void s.access
        .caseGrant(viewerOf(user), caseId)
        .catch(() => null) // a check that fails ends the stream too
        .then((grant) => (grant ? stream.send('changed', {}) : res.end()));
    };
    actions.changes.on('case', listener);
    stream.onClose(() => actions.changes.off('case', listener));
  });
}
