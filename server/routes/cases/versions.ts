import type { Router } from 'express';
import type { VersionAnswer, VersionsAnswer } from '../../../shared/versionsApi.js';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema, versionParamsSchema } from './schema.js';
import type { VersionParams } from './schema.js';

/** The kept versions of a case's board, to look at and restore from (SPEC U2, U3). */
export function versionRoutes(s: Services, router: Router): void {
  const { versions } = s.meetings;

  router.get('/:caseId/versions', validate('params', caseParamsSchema), async (req, res) => {
    const { facts, log } = await openCase(s, req, res, 'read');
    const body: VersionsAnswer = { versions: await versions.list(facts.caseId) };
    await log('api-read', { resource: 'board-versions', count: body.versions.length });
    res.json(body);
  });

  router.get('/:caseId/versions/:versionId', validate('params', versionParamsSchema), async (req, res) => {
    const { facts, log } = await openCase(s, req, res, 'read');
    const { versionId } = req.params as unknown as VersionParams;
    const found = await versions.get(facts.caseId, versionId);
    if (!found) throw new HttpError(404, `versionId: this board has no version ${versionId}`);
    await log('api-read', { resource: 'board-version', versionId });
    const body: VersionAnswer = found;
    res.json(body);
  });
}
