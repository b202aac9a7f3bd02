import type { Router } from 'express';
import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { HttpError, validate } from '../../http/validate.js';
import { clientVoiceService } from '../../services/clientVoice.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';

export const clientQuestionParamsSchema = z.object({ caseId: idSchema, questionId: idSchema });
export type ClientQuestionParams = z.infer<typeof clientQuestionParamsSchema>;

/**
 * A member with write access marks a client's question discussed. The question lives in a
 * server-only root (SPEC V9), so the board cannot change it: the server writes who and when from
 * the session.
 */
export function clientQuestionRoutes(s: Services, router: Router): void {
  const voice = clientVoiceService(s.registry);
  router.post(
    '/:caseId/client-questions/:questionId/discussed',
    validate('params', clientQuestionParamsSchema),
    async (req, res) => {
      const { user, facts, grant, point } = openCase(s, req, res, 'write');
      const { questionId } = req.params as ClientQuestionParams;
      const found = await voice.markDiscussed(facts.caseId, questionId, user.displayName);
      s.audit.record({
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
