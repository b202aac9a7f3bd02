import { Router } from 'express';
import type { CaseService } from '../../services/cases.js';

export function professionalsRouter(cases: CaseService): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ professionals: cases.listProfessionals() });
  });
  return router;
}
