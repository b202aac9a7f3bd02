import type { Router } from 'express';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { clientQuestionParamsSchema } from './schema.js';
import type { ClientQuestionParams } from './schema.js';

/**
 * A member with write access marks a client's question discussed. The question lives in a
 * server-only root (SPEC V9), so the board cannot change it: the server writes who and when from
 * the session.
 */
export function clientQuestionRoutes(s: Services, router: Router): void {
  router.post(
    '/:caseId/client-questions/:questionId/discussed',
    validate('params', clientQuestionParamsSchema),
    async (req, res) => {
      const { user, facts, grant, point } = await openCase(s, req, res, 'write');
      const { questionId } = req.params as ClientQuestionParams;
      const by = { userId: user.id, role: user.role, name: user.displayName };
      const found = await s.clientVoice.markDiscussed(facts.caseId, by, questionId);
      await s.audit.record({
        event: found ? 'api-write' : 'api-refused',
        outcome: found ? 'allowed' : 'refused',
        caseId: facts.caseId,
        userId: user.id,
        role: user.role,
        authorization: grant.authorization,
        ...point,
        details: { resource: 'client-question', questionId, discussed: true },
      });
      if (!found) throw new HttpError(404, `questionId: no question ${questionId} in this case`);
      res.status(204).end();
    },
  );
}
