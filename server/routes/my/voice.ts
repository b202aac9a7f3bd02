import type { Router } from 'express';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { clientOf } from './client.js';
import { questionParamsSchema, questionSchema, ratingParamsSchema, ratingSchema } from './schema.js';
import type { QuestionBody, QuestionParams, RatingBody, RatingParams } from './schema.js';

/**
 * The client's voice: questions for the next meeting and how it is going per life domain. Each
 * lands in the team's board as the client's (server-only roots, SPEC V9) and is logged.
 */
export function myVoiceRoutes(s: Services, router: Router): void {
  const voice = s.clientVoice;

  router.post('/questions', validate('body', questionSchema), async (req, res) => {
    const client = clientOf(s, req, res);
    await client.mustBeOpen('client-question');
    const id = await voice.askQuestion(client.caseId, client.actor, (req.body as QuestionBody).text);
    await client.wrote(true, { resource: 'client-question', questionId: id });
    res.status(201).json({ id });
  });

  router.delete('/questions/:questionId', validate('params', questionParamsSchema), async (req, res) => {
    const client = clientOf(s, req, res);
    await client.mustBeOpen('client-question');
    const { questionId } = req.params as QuestionParams;
    const outcome = await voice.withdrawQuestion(client.caseId, client.actor, questionId);
    await client.wrote(outcome === 'withdrawn', { resource: 'client-question', questionId, outcome });
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
      const client = clientOf(s, req, res);
      await client.mustBeOpen('client-rating');
      const { domain } = req.params as RatingParams;
      const { score, sentence } = req.body as RatingBody;
      await voice.rate(client.caseId, client.actor, domain, score, sentence);
      await client.wrote(true, { resource: 'client-rating', domain, score });
      res.status(204).end();
    },
  );
}
