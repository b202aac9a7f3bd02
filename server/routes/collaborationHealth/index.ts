import { Router } from 'express';
import type { Response } from 'express';
import { collaborationHealthService } from '../../collaborationHealth/service.js';
import { overviewCsv } from '../../collaborationHealth/csv.js';
import { checked } from '../../http/checked.js';
import { requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import {
  answersSchema,
  openRoundSchema,
  roundParamsSchema,
  roundsQuerySchema,
  scopeQuerySchema,
} from './schema.js';

const answerers = ['professional', 'coordinator'] as const;
const readers = ['professional', 'coordinator', 'admin'] as const;

/**
 * Collaboration health (SPEC CH1–CH9): the administrator opens and closes scan rounds, the
 * professionals of a round's teams answer it and change their own answers while it is open, and
 * the results and aims of a district or neighbourhood are read as aggregates only. No route
 * returns anyone's answers but the reader's own.
 */
export function collaborationHealthRouter(s: Services): Router {
  const router = Router();
  const health = collaborationHealthService(s.data, { minGroup: s.config.health.minGroup });

  /** Who may read a scope (CH8): the administrator and coordinators any; a professional their own district. */
  async function scopeFor(res: Response, query: { districtId?: string; neighbourhoodId?: string }) {
    const user = requireUser(res, [...readers]);
    const own = await health.districtOf(user.professionalId);
    const districtId = query.districtId ?? own ?? (await s.places.ownDistrictOf(null));
    if (!districtId) throw new HttpError(404, 'no district yet');
    if (user.role === 'professional' && districtId !== own)
      throw new HttpError(403, 'you see the figures of your own district only');
    return { districtId, neighbourhoodId: query.neighbourhoodId ?? null };
  }

  router.get(
    '/rounds',
    checked({ query: roundsQuerySchema }, async ({ query }, _req, res) => {
      const user = requireUser(res, [...readers]);
      if (user.role === 'admin') return void res.json({ rounds: await health.rounds.all(query.districtId) });
      res.json({ rounds: await health.rounds.forProfessional(user.professionalId!) });
    }),
  );

  router.post(
    '/rounds',
    checked({ body: openRoundSchema }, async ({ body }, _req, res) => {
      const user = requireUser(res, ['admin']);
      res.status(201).json({ id: await health.rounds.open(body, user.id) });
    }),
  );

  router.post(
    '/rounds/:roundId/close',
    checked({ params: roundParamsSchema }, async ({ params }, _req, res) => {
      requireUser(res, ['admin']);
      await health.rounds.close(params.roundId);
      res.status(204).end();
    }),
  );

  router.get(
    '/rounds/:roundId/answers',
    checked({ params: roundParamsSchema }, async ({ params }, _req, res) => {
      const user = requireUser(res, [...answerers]);
      res.json({ round: await health.rounds.mine(params.roundId, user.professionalId!) });
    }),
  );

  router.put(
    '/rounds/:roundId/answers',
    checked({ params: roundParamsSchema, body: answersSchema }, async ({ params, body }, _req, res) => {
      const user = requireUser(res, [...answerers]);
      await health.rounds.answer(params.roundId, user.professionalId!, body);
      res.status(204).end();
    }),
  );

  router.get(
    '/overview',
    checked({ query: scopeQuerySchema }, async ({ query }, _req, res) => {
      res.json(await health.overview(await scopeFor(res, query)));
    }),
  );

  router.get(
    '/export.csv',
    checked({ query: scopeQuerySchema }, async ({ query }, _req, res) => {
      const overview = await health.overview(await scopeFor(res, query));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="samenwerking.csv"');
      res.send(overviewCsv(overview));
    }),
  );

  return router;
}
