import type { Request, Response, Router } from 'express';
import type { AccessDetails } from '../../../shared/accessLog.js';
import type { FaceScore } from '../../../shared/doc/clientVoiceShape.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import { clientVoiceService } from '../../services/clientVoice.js';
import type { Services } from '../../services/index.js';
import { questionParamsSchema, questionSchema, ratingParamsSchema, ratingSchema } from './schema.js';
import type { QuestionBody, QuestionParams, RatingBody, RatingParams } from './schema.js';

/**
 * The client's voice: questions for the next meeting and how it is going per life domain. Each
 * lands in the team's board as the client's (server-only roots, SPEC V9) and is logged.
 */
export function myVoiceRoutes(s: Services, router: Router): void {
  const voice = clientVoiceService(s.registry);
  const client = (req: Request, res: Response) => {
    const user = requireUser(res, ['client']);
    return { user, caseId: user.clientCaseId!, point: accessPoint(req) };
  };
  const log = (req: Request, res: Response, allowed: boolean, details: AccessDetails) => {
    const { user, caseId, point } = client(req, res);
    s.audit.record({
      event: allowed ? 'api-write' : 'api-refused',
      outcome: allowed ? 'allowed' : 'refused',
      caseId,
      userId: user.id,
      role: 'client',
      authorization: 'client-self',
      ...point,
      details,
    });
  };

  router.post('/questions', validate('body', questionSchema), async (req, res) => {
    const { caseId } = client(req, res);
    const id = await voice.askQuestion(caseId, (req.body as QuestionBody).text);
    log(req, res, true, { resource: 'client-question', questionId: id });
    res.status(201).json({ id });
  });

  router.delete('/questions/:questionId', validate('params', questionParamsSchema), async (req, res) => {
    const { caseId } = client(req, res);
    const { questionId } = req.params as QuestionParams;
    const outcome = await voice.withdrawQuestion(caseId, questionId);
    log(req, res, outcome === 'withdrawn', { resource: 'client-question', questionId, outcome });
    if (outcome === 'unknown') throw new HttpError(404, `questionId: no question ${questionId} of yours`);
    if (outcome === 'discussed') {
      throw new HttpError(409, 'questionId: the team already discussed this question');
    }
    res.status(204).end();
  });

  router.put(
    '/ratings/:domain',
    validate('params', ratingParamsSchema),
    validate('body', ratingSchema),
    async (req, res) => {
      const { caseId } = client(req, res);
      const { domain } = req.params as RatingParams;
      const { score, sentence } = req.body as RatingBody;
      await voice.rate(caseId, domain, score as FaceScore, sentence);
      log(req, res, true, { resource: 'client-rating', domain, score });
      res.status(204).end();
    },
  );
}
