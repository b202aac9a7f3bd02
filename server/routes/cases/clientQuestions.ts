import type { Response, Router } from 'express';
import type { SessionUser } from '../../../shared/api.js';
import type { accessPoint } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { clientQuestionParamsSchema } from './schema.js';
import type { ClientQuestionParams } from './schema.js';

/**
 * Marks a client's question discussed, on the board or (`meetingId`) in an open meeting, once the
 * route checked who may: the server writes who and when from the session, logs it either way
 * and answers 204, or 404 for a question the case does not have.
 */
export async function markQuestionDiscussed(
  s: Services,
  res: Response,
  mark: {
    user: SessionUser;
    caseId: string;
    questionId: string;
    authorization: string;
    point: ReturnType<typeof accessPoint>;
    meetingId?: string;
  },
): Promise<void> {
  const { user, caseId, questionId, meetingId } = mark;
  const by = { userId: user.id, role: user.role, name: user.displayName };
  const found = await s.clientVoice.markDiscussed(caseId, by, questionId, meetingId ?? null);
  await s.audit.record({
    event: found ? 'api-write' : 'api-refused',
    outcome: found ? 'allowed' : 'refused',
    caseId,
    userId: user.id,
    role: user.role,
    authorization: mark.authorization,
    ...mark.point,
    details: {
      resource: 'client-question',
      questionId,
      ...(meetingId ? { meetingId } : {}),
      discussed: true,
    },
  });
  if (!found) throw new HttpError(404, `questionId: no question ${questionId} in this case`);
  res.status(204).end();
}

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
      await markQuestionDiscussed(s, res, {
        user,
        caseId: facts.caseId,
        questionId,
        authorization: grant.authorization,
        point,
      });
    },
  );
}
