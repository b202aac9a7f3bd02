import { Router } from 'express';
import type { CaseloadService } from '../../caseload/caseload.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { openEventStream } from '../../http/eventStream.js';
import { HttpError, validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { caseParamsSchema, caseloadQuerySchema } from './schema.js';
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

  // Which of this professional's cases changed (its summary row, its status, its team), live
  // (SPEC CL10): the page then reads that one row again. Only cases this person may open.
  router.get('/events', (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const viewer = viewerOf(user);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    const listener = (caseId: string) =>
      void s.access
        .caseGrant(viewer, caseId)
        .then((grant) => grant && stream.send('changed', { caseId }))
        .catch(() => res.end());
    s.summaries.changes.on('case', listener);
    s.caseAdmin.changes.on('case', listener);
    stream.onClose(() => {
      s.summaries.changes.off('case', listener);
      s.caseAdmin.changes.off('case', listener);
    });
  });

  // One row as the page's filters show it now; null when it left the list (closed, filtered out).
  // Only for who may open the case.
  router.get(
    '/rows/:caseId',
    validate('params', caseParamsSchema),
    validate('query', caseloadQuerySchema),
    async (req, res) => {
      const user = requireUser(res, ['professional', 'coordinator']);
      const { caseId } = req.params as { caseId: string };
      // Someone else's case answers as an unknown one (SPEC A3).
      if (!(await s.access.caseGrant(viewerOf(user), caseId))) throw new HttpError(404, 'case not found');
      const row = await caseload.row(
        user.professionalId!,
        user.id,
        caseId,
        res.locals.query as CaseloadQuery,
      );
      if (row)
        await s.audit.record({
          event: 'api-read',
          userId: user.id,
          role: user.role,
          authorization: 'membership',
          ...accessPoint(req),
          caseId,
          details: { resource: 'caseload-row' },
        });
      res.json({ row });
    },
  );
  return router;
}
