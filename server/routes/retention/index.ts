import { Router } from 'express';
import type { Request, Response } from 'express';
import type { RetentionAnswer } from '../../../shared/rightsApi.js';
import { checked } from '../../http/checked.js';
import { accessPoint, anySession, currentSession, requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';
import { erasureBodySchema, erasureParamsSchema } from './schema.js';

/**
 * Retention (SPEC RT3–RT8): the functional administrator sees what passed its period after
 * closing and confirms each erasure. Anyone else is refused (and the refusal logged) before
 * anything is read.
 */
export function retentionRouter(s: Services): Router {
  const router = Router();

  const adminOf = async (req: Request, res: Response) => {
    const session = currentSession(res);
    if (session && session.user.role !== 'admin' && !anySession(res)?.limited)
      await s.audit.record({
        event: 'api-refused',
        outcome: 'refused',
        userId: session.user.id,
        role: session.user.role,
        ...accessPoint(req),
        details: { route: `${req.method} /api/retention`, need: 'admin' },
      });
    return { user: requireUser(res, ['admin']), point: accessPoint(req) };
  };

  /** The list as the admin page shows it; a list read of the clients it names by alias (LG3). */
  const answer = async (req: Request, res: Response) => {
    const { user, point } = await adminOf(req, res);
    const due = await s.retention.list();
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      ...point,
      cases: [...new Set(due.map((d) => d.caseId))],
      details: { list: 'retention', count: due.length },
    });
    const { medicalYears, socialYears } = s.retention.periods;
    const body: RetentionAnswer = {
      due,
      periods: { medicalYears, socialYears },
      checkedAt: s.retention.checkedAt(),
    };
    res.json(body);
  };

  router.get('/', answer);

  // "Check now": the daily check at once, e.g. after the periods were changed.
  router.post('/check', async (req, res) => {
    await adminOf(req, res);
    await s.retention.check();
    await answer(req, res);
  });

  router.post(
    '/:caseId/erase',
    checked({ params: erasureParamsSchema, body: erasureBodySchema }, async ({ params, body }, req, res) => {
      const { user, point } = await adminOf(req, res);
      const erased = await s.retention.erase(params.caseId, body.part, { userId: user.id, ...point });
      res.json(erased);
    }),
  );
  return router;
}
