import { Router } from 'express';
import type {
  MapOptions,
  ServiceAnswer,
  ServiceLinkAnswer,
  ServiceSearchAnswer,
} from '../../../shared/socialMapApi.js';
import { checked } from '../../http/checked.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { hsdsExchangeRoutes } from './hsdsExchange.js';
import {
  confirmBodySchema,
  serviceBodySchema,
  serviceIdsQuerySchema,
  serviceParamsSchema,
  serviceSearchQuerySchema,
  tokenParamsSchema,
} from './schema.js';

const readers = ['professional', 'coordinator', 'admin'] as const;

/**
 * The social map (SPEC SM1–SM5): every professional searches it; the functional administrator
 * keeps it; a service's contact person confirms or corrects it through a one-time link, signed
 * out. What it holds is about organisations, never about clients, so reading it is not logged.
 */
export function socialMapRouter(s: Services): Router {
  const router = Router();
  const map = s.socialMap;

  const defaultDistrict = async (professionalId: string | null) =>
    (await s.places.ownDistrictOf(professionalId)) ?? undefined;

  const adminLog = (
    req: Parameters<typeof accessPoint>[0],
    userId: string,
    details: Record<string, string>,
  ) =>
    s.audit.record({
      event: 'social-map-changed',
      userId,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details,
    });

  router.get('/options', async (_req, res) => {
    const user = requireUser(res, [...readers]);
    const places = await s.places.list();
    const answer: MapOptions = {
      districtId: (await defaultDistrict(user.professionalId)) ?? null,
      districts: places.districts
        .filter((d) => d.archivedAt === null)
        .map((d) => ({
          id: d.id,
          name: d.name,
          neighbourhoods: d.neighbourhoods
            .filter((n) => n.archivedAt === null)
            .map((n) => ({ id: n.id, name: n.name })),
        })),
      organisations: (await map.organisations()).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
      staleDays: s.config.socialMap.staleDays,
    };
    res.json(answer);
  });

  router.get(
    '/services',
    checked({ query: serviceSearchQuerySchema }, async ({ query }, _req, res) => {
      const user = requireUser(res, [...readers]);
      const { districtId: asked, page, includeInactive, ...filter } = query;
      const districtId = asked ?? (await defaultDistrict(user.professionalId));
      if (!districtId)
        return void res.json({ services: [], total: 0, page, pageSize: 25 } satisfies ServiceSearchAnswer);
      const answer = await map.search(
        districtId,
        { ...filter, includeInactive: includeInactive && user.role === 'admin' },
        page,
      );
      res.json(answer satisfies ServiceSearchAnswer);
    }),
  );

  // Before `/services/:serviceId`: the services a board's goals link to.
  router.get(
    '/services/by-id',
    checked({ query: serviceIdsQuerySchema }, async ({ query }, _req, res) => {
      requireUser(res, [...readers]);
      res.json({ services: await map.byIds(query.ids) });
    }),
  );

  router.get(
    '/services/:serviceId',
    checked({ params: serviceParamsSchema }, async ({ params }, _req, res) => {
      requireUser(res, [...readers]);
      const service = await map.get(params.serviceId);
      if (!service) throw new HttpError(404, `serviceId: no service ${params.serviceId}`);
      res.json({ service } satisfies ServiceAnswer);
    }),
  );

  router.post(
    '/services',
    checked({ body: serviceBodySchema }, async ({ body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districtId, ...fields } = body;
      const id = await map.create(districtId, fields);
      await adminLog(req, user.id, { serviceId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/services/:serviceId',
    checked({ params: serviceParamsSchema, body: serviceBodySchema }, async ({ params, body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districtId, ...fields } = body;
      await map.update(params.serviceId, districtId, fields);
      await adminLog(req, user.id, { serviceId: params.serviceId, change: 'changed' });
      res.status(204).end();
    }),
  );

  router.post(
    '/services/:serviceId/confirmed',
    checked({ params: serviceParamsSchema }, async ({ params }, req, res) => {
      const user = requireUser(res, ['admin']);
      await map.confirm(params.serviceId);
      await adminLog(req, user.id, { serviceId: params.serviceId, change: 'confirmed' });
      res.status(204).end();
    }),
  );

  router.post(
    '/services/:serviceId/link',
    checked({ params: serviceParamsSchema }, async ({ params }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { token, expiresAt } = await map.issueLink(params.serviceId, user.id);
      await adminLog(req, user.id, { serviceId: params.serviceId, change: 'link-issued' });
      const answer: ServiceLinkAnswer = { url: `${s.config.publicUrl}/kaart/bevestig/${token}`, expiresAt };
      res.status(201).json(answer);
    }),
  );

  // The contact person's link: no account, the link itself is the right to answer once.
  router.get(
    '/confirm/:token',
    checked({ params: tokenParamsSchema }, async ({ params }, _req, res) => {
      const service = await map.byLink(params.token);
      if (!service)
        throw new HttpError(404, 'this link was used already or no longer works', {
          code: 'link-not-usable',
        });
      res.json({ service });
    }),
  );

  router.post(
    '/confirm/:token',
    checked({ params: tokenParamsSchema, body: confirmBodySchema }, async ({ params, body }, req, res) => {
      const service = await map.byLink(params.token);
      if (!service || !(await map.answerLink(params.token, body.fields)))
        throw new HttpError(404, 'this link was used already or no longer works', {
          code: 'link-not-usable',
        });
      await s.audit.record({
        event: 'social-map-changed',
        ...accessPoint(req),
        details: {
          serviceId: service.id,
          change: body.fields ? 'corrected-by-contact' : 'confirmed-by-contact',
        },
      });
      res.status(204).end();
    }),
  );

  hsdsExchangeRoutes(s, router);
  return router;
}
