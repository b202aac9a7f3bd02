import type { Router } from 'express';
import type { HistoryAnswer, LatestAnswer } from '../../../../shared/historyApi.js';
import type { ChangeRow } from '../../../history/store.js';
import { openEventStream } from '../../../http/eventStream.js';
import { validate } from '../../../http/validate.js';
import { viewerOf } from '../../../services/access.js';
import type { Services } from '../../../services/index.js';
import { openCase } from '../openCase.js';
import { caseParamsSchema } from '../schema.js';
import { historyQuerySchema } from './schema.js';
import type { HistoryQuery } from './schema.js';

/**
 * Who changed what on a case (SPEC H3): the history panel's pages, and a stream that keeps the
 * board's "last changed by" fresh. Each is one read in the access log, however long it stays open.
 */
export function caseHistoryRoutes(s: Services, router: Router): void {
  router.get(
    '/:caseId/history',
    validate('params', caseParamsSchema),
    validate('query', historyQuerySchema),
    async (req, res) => {
      const { user, facts, log } = await openCase(s, req, res, 'read');
      const body: HistoryAnswer = await s.history.list(
        viewerOf(user),
        facts.caseId,
        res.locals.query as HistoryQuery,
      );
      await log('api-read', { resource: 'history', count: body.entries.length });
      res.json(body);
    },
  );

  // The latest change per goal and perspective as the stream opens, then whatever changes after.
  // Someone taken off the case meanwhile hears nothing more: their stream ends.
  router.get('/:caseId/history/stream', validate('params', caseParamsSchema), async (req, res) => {
    const { user, facts, log } = await openCase(s, req, res, 'read');
    await log('api-read', { resource: 'history-latest' });
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    stream.send('latest', { latest: await s.history.latest(facts.caseId) } satisfies LatestAnswer);
    const listener = (rows: readonly ChangeRow[]) => {
      const tell = async () => {
        const latest = await s.history.latestAmong(facts.caseId, rows);
        if (latest.length === 0) return;
        if (await s.access.caseGrant(viewerOf(user), facts.caseId))
          stream.send('latest', { latest } satisfies LatestAnswer);
        else res.end();
      };
      // A check that fails ends the stream too (the page opens a new one, which checks again).
      void tell().catch(() => res.end());
    };
    s.history.written.on('rows', listener);
    stream.onClose(() => s.history.written.off('rows', listener));
  });
}
