import { Router } from 'express';
import type { CaseloadService } from '../../caseload/caseload.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { caseloadQuerySchema } from './schema.js';
import type { CaseloadQuery } from './schema.js';

/** The caseload: the clients this professional coordinates or works with, with risk and why. */
export function caseloadRouter(s: Services, caseload: CaseloadService): Router {
  const router = Router();
  router.get('/', validate('query', caseloadQuerySchema), async (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const filter = res.locals.query as CaseloadQuery;
    const answer = await caseload.query(user.professionalId!, user.id, filter);
    await s.audit.record({
      event: filter.q ? 'search' : 'api-read',
      userId: user.id,
      role: user.role,
      authorization: 'membership',
      ...accessPoint(req),
      // Which clients the page showed: each of them sees this read in "who looked at my file".
      cases: answer.rows.map((row) => row.caseId),
      details: { resource: 'caseload', results: answer.total },
    });
    res.json(answer);
  });
  return router;
}
