import type { Router } from 'express';
import { checked } from '../../../http/checked.js';
import type { Services } from '../../../services/index.js';
import { adminOf } from '../adminOf.js';
import {
  archivedBodySchema,
  districtBodySchema,
  districtParamsSchema,
  neighbourhoodBodySchema,
  neighbourhoodParamsSchema,
  renameBodySchema,
} from './schema.js';

/** Districts and neighbourhoods: create, rename, archive and restore; nothing is ever deleted. */
export function placeRoutes(s: Services, router: Router): void {
  router.get('/places', async (_req, res) => {
    res.json(await s.places.list());
  });

  router.post(
    '/districts',
    checked({ body: districtBodySchema }, async ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = await s.places.createDistrict(body.name);
      await log('place-changed', { districtId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/districts/:districtId',
    checked({ params: districtParamsSchema, body: renameBodySchema }, async ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      await s.places.renameDistrict(params.districtId, body.name);
      await log('place-changed', { districtId: params.districtId, change: 'renamed' });
      res.status(204).end();
    }),
  );

  router.put(
    '/districts/:districtId/archived',
    checked(
      { params: districtParamsSchema, body: archivedBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        await s.places.setDistrictArchived(params.districtId, body.archived);
        await log('place-changed', {
          districtId: params.districtId,
          change: body.archived ? 'archived' : 'restored',
        });
        res.status(204).end();
      },
    ),
  );

  router.post(
    '/neighbourhoods',
    checked({ body: neighbourhoodBodySchema }, async ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = await s.places.createNeighbourhood(body.districtId, body.name);
      await log('place-changed', { neighbourhoodId: id, districtId: body.districtId, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/neighbourhoods/:neighbourhoodId',
    checked(
      { params: neighbourhoodParamsSchema, body: renameBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        await s.places.renameNeighbourhood(params.neighbourhoodId, body.name);
        await log('place-changed', { neighbourhoodId: params.neighbourhoodId, change: 'renamed' });
        res.status(204).end();
      },
    ),
  );

  router.put(
    '/neighbourhoods/:neighbourhoodId/archived',
    checked(
      { params: neighbourhoodParamsSchema, body: archivedBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        await s.places.setNeighbourhoodArchived(params.neighbourhoodId, body.archived);
        await log('place-changed', {
          neighbourhoodId: params.neighbourhoodId,
          change: body.archived ? 'archived' : 'restored',
        });
        res.status(204).end();
      },
    ),
  );
}
