import { Router } from 'express';
import { requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';

/** The directory of professionals (names, roles, how to reach them) for signed-in professionals. */
export function professionalsRouter(s: Services): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    requireUser(res, ['professional', 'coordinator', 'admin']);
    res.json({ professionals: await s.cases.listProfessionals() });
  });
  return router;
}
