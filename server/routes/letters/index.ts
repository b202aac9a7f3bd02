import { Router } from 'express';
import type { LetterTemplate } from '../../../shared/letters.js';
import { checked } from '../../http/checked.js';
import { accessPoint, requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';
import {
  archivedBodySchema,
  newTemplateBodySchema,
  templateBodySchema,
  templateParamsSchema,
  templatesQuerySchema,
} from './schema.js';

/**
 * The district's standard letters (SPEC LT1–LT2): every professional reads them (a referral
 * starts from one); the functional administrator writes, changes and archives them.
 */
export function lettersRouter(s: Services): Router {
  const router = Router();
  const log = (req: Parameters<typeof accessPoint>[0], userId: string, details: Record<string, string>) =>
    s.audit.record({
      event: 'letter-changed',
      userId,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details,
    });

  router.get(
    '/',
    checked({ query: templatesQuerySchema }, async ({ query }, _req, res) => {
      const user = requireUser(res, ['professional', 'coordinator', 'admin']);
      const districtId = query.districtId ?? (await s.places.ownDistrictOf(user.professionalId));
      const templates = districtId
        ? await s.letters.list(districtId, !!query.includeArchived && user.role === 'admin')
        : [];
      res.json({ templates } satisfies { templates: LetterTemplate[] });
    }),
  );

  router.post(
    '/',
    checked({ body: newTemplateBodySchema }, async ({ body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districtId, ...fields } = body;
      const id = await s.letters.create(districtId, fields);
      await log(req, user.id, { templateId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/:templateId',
    checked(
      { params: templateParamsSchema, body: templateBodySchema },
      async ({ params, body }, req, res) => {
        const user = requireUser(res, ['admin']);
        await s.letters.update(params.templateId, body);
        await log(req, user.id, { templateId: params.templateId, change: 'changed' });
        res.status(204).end();
      },
    ),
  );

  router.put(
    '/:templateId/archived',
    checked(
      { params: templateParamsSchema, body: archivedBodySchema },
      async ({ params, body }, req, res) => {
        const user = requireUser(res, ['admin']);
        await s.letters.setArchived(params.templateId, body.archived);
        await log(req, user.id, {
          templateId: params.templateId,
          change: body.archived ? 'archived' : 'restored',
        });
        res.status(204).end();
      },
    ),
  );

  return router;
}
