import { Router } from 'express';
import type { Request } from 'express';
import { HttpError, validate } from '../../http/validate.js';
import type { CaseService } from '../../services/cases.js';
import { caseParamsSchema } from './schema.js';
import type { CaseParams } from './schema.js';

export function casesRouter(cases: CaseService): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ cases: cases.listCases() });
  });
  router.get('/:caseId', validate('params', caseParamsSchema), (req: Request, res) => {
    const { caseId } = req.params as CaseParams;
    const details = cases.getCase(caseId);
    if (!details) throw new HttpError(404, `caseId: no case ${caseId}`);
    res.json({ case: details });
  });
  return router;
}
