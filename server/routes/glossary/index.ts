import { Router } from 'express';
import type { GlossaryAnswer } from '../../../shared/glossary.js';
import { checked } from '../../http/checked.js';
import { accessPoint, requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';
import {
  glossaryCreateSchema,
  glossaryFieldsSchema,
  glossaryQuerySchema,
  termParamsSchema,
} from './schema.js';

const readers = ['professional', 'coordinator', 'admin'] as const;

/**
 * The district's shared terms (SPEC GL1–GL4): every professional reads them, the functional
 * administrator keeps them. They are about words, never about clients, so reading is not logged;
 * every change is (`glossary-changed`, ids only).
 */
export function glossaryRouter(s: Services): Router {
  const router = Router();
  const glossary = s.glossary;

  /** The professional's own district first: the one of their team's neighbourhood. */
  async function defaultDistrict(professionalId: string | null) {
    const places = await s.places.list();
    const active = places.districts.filter((d) => d.archivedAt === null);
    return {
      districtId: await s.places.ownDistrictOf(professionalId),
      districts: active.map(({ id, name }) => ({ id, name })),
    };
  }

  const changed = (req: Parameters<typeof accessPoint>[0], userId: string, termId: string, change: string) =>
    s.audit.record({
      event: 'glossary-changed',
      userId,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details: { termId, change },
    });

  router.get(
    '/',
    checked({ query: glossaryQuerySchema }, async ({ query }, _req, res) => {
      const user = requireUser(res, [...readers]);
      const own = await defaultDistrict(user.professionalId);
      const districtId = query.districtId ?? own.districtId;
      const answer: GlossaryAnswer = {
        districtId,
        districts: own.districts,
        terms: districtId ? await glossary.list(districtId) : [],
      };
      res.json(answer);
    }),
  );

  router.post(
    '/',
    checked({ body: glossaryCreateSchema }, async ({ body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districtId, ...fields } = body;
      const id = await glossary.create(districtId, fields);
      await changed(req, user.id, id, 'created');
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/:termId',
    checked({ params: termParamsSchema, body: glossaryFieldsSchema }, async ({ params, body }, req, res) => {
      const user = requireUser(res, ['admin']);
      await glossary.update(params.termId, body);
      await changed(req, user.id, params.termId, 'changed');
      res.status(204).end();
    }),
  );

  router.delete(
    '/:termId',
    checked({ params: termParamsSchema }, async ({ params }, req, res) => {
      const user = requireUser(res, ['admin']);
      await glossary.remove(params.termId);
      await changed(req, user.id, params.termId, 'deleted');
      res.status(204).end();
    }),
  );

  return router;
}
