import { Router } from 'express';
import type { Request, Response } from 'express';
import type { FileAccess } from '../../../shared/api.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { openEventStream } from '../../http/eventStream.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import type { ClientPlanService } from '../../services/clientPlan.js';
import type { Services } from '../../services/index.js';
import type { DocumentRegistry } from '../../sync/documentRegistry.js';
import { goalParamsSchema, wordsSchema } from './schema.js';
import type { GoalParams, WordsBody } from './schema.js';
import { myVoiceRoutes } from './voice.js';

/**
 * The client's own pages: their plan (a projection, live), their words, questions and ratings, who
 * looked at their file.
 */
export function myRouter(s: Services, plans: ClientPlanService, registry: DocumentRegistry): Router {
  const router = Router();
  const client = (req: Request, res: Response) => {
    const user = requireUser(res, ['client']);
    return { user, caseId: user.clientCaseId!, point: accessPoint(req) };
  };

  router.get('/plan', async (req, res) => {
    const { user, caseId, point } = client(req, res);
    const plan = await plans.plan(caseId);
    if (!plan) throw new HttpError(404, 'your plan was not found');
    s.audit.record({
      event: 'api-read',
      caseId,
      userId: user.id,
      role: 'client',
      authorization: 'client-self',
      ...point,
      details: { resource: 'plan' },
    });
    res.json({ plan });
  });

  /** Server-sent events: the plan again whenever the team changes the board. */
  router.get('/plan/events', (req, res) => {
    const { caseId } = client(req, res);
    const name = caseDocumentName(caseId);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    let timer: NodeJS.Timeout | null = null;
    const send = async () => {
      timer = null;
      const plan = await plans.plan(caseId);
      if (plan) stream.send('plan', plan);
    };
    const onChange = (changed: string) => {
      if (changed !== name || timer) return;
      timer = setTimeout(
        () => send().catch((error: unknown) => s.log.error('plan event failed', { error: String(error) })),
        300,
      );
    };
    registry.changes.on('change', onChange);
    stream.onClose(() => {
      registry.changes.off('change', onChange);
      if (timer) clearTimeout(timer);
    });
  });

  router.put(
    '/goals/:goalId/words',
    validate('params', goalParamsSchema),
    validate('body', wordsSchema),
    async (req, res) => {
      const { user, caseId, point } = client(req, res);
      const { goalId } = req.params as GoalParams;
      const ok = await plans.setClientWords(caseId, goalId, (req.body as WordsBody).words);
      s.audit.record({
        event: ok ? 'api-write' : 'api-refused',
        outcome: ok ? 'allowed' : 'refused',
        caseId,
        userId: user.id,
        role: 'client',
        authorization: 'client-self',
        ...point,
        details: { resource: 'goal-words', goalId },
      });
      if (!ok) throw new HttpError(404, `goalId: no goal ${goalId} in your plan`);
      res.status(204).end();
    },
  );

  router.get('/access-log', (req, res) => {
    const { user, caseId, point } = client(req, res);
    const names = s.db.prepare<[], { id: string; name: string }>(
      'SELECT id, display_name AS name FROM users',
    );
    const byId = new Map(names.all().map((u) => [u.id, u.name]));
    const entries: FileAccess[] = s.audit.whoLookedAt(caseId).map((e) => ({
      at: e.at,
      event: e.event,
      name: (e.userId && byId.get(e.userId)) || '—',
      role: e.role,
    }));
    s.audit.record({
      event: 'api-read',
      caseId,
      userId: user.id,
      role: 'client',
      authorization: 'client-self',
      ...point,
      details: { resource: 'access-log' },
    });
    res.json({ entries });
  });

  myVoiceRoutes(s, router);
  return router;
}
