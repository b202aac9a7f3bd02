import type { Router } from 'express';
import type { ActionsAnswer } from '../../../shared/meetingApi.js';
import { validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/** The open actions from meetings on one case, so the board can flag the overdue ones. */
export function caseActionRoutes(s: Services, router: Router): void {
  router.get('/:caseId/actions', validate('params', caseParamsSchema), (req, res) => {
    const { user, facts, grant, point } = openCase(s, req, res, 'read');
    const body: ActionsAnswer = { actions: s.meetings.actions.openForCase(facts.caseId) };
    s.audit.record({
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
}
