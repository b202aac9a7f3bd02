import type { Router } from 'express';
import { checked } from '../../../http/checked.js';
import type { Services } from '../../../services/index.js';
import { adminOf } from '../adminOf.js';
import { archivedBodySchema } from '../places/schema.js';
import {
  organisationBodySchema,
  organisationParamsSchema,
  teamBodySchema,
  teamParamsSchema,
} from './schema.js';

/** Teams (each in one neighbourhood, of one kind) and the organisations people work for. */
export function teamRoutes(s: Services, router: Router): void {
  router.get('/teams', async (_req, res) => {
    res.json(await s.teams.list());
  });

  router.post(
    '/teams',
    checked({ body: teamBodySchema }, async ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = await s.teams.create(body);
      await log('team-changed', { teamId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/teams/:teamId',
    checked({ params: teamParamsSchema, body: teamBodySchema }, async ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      await s.teams.update(params.teamId, body);
      await log('team-changed', { teamId: params.teamId, change: 'updated' });
      res.status(204).end();
    }),
  );

  router.put(
    '/teams/:teamId/archived',
    checked({ params: teamParamsSchema, body: archivedBodySchema }, async ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      await s.teams.setArchived(params.teamId, body.archived);
      await log('team-changed', { teamId: params.teamId, change: body.archived ? 'archived' : 'restored' });
      res.status(204).end();
    }),
  );

  router.post(
    '/organisations',
    checked({ body: organisationBodySchema }, async ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = await s.teams.createOrganisation(body.name, body.kind);
      await log('team-changed', { organisationId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/organisations/:organisationId',
    checked(
      { params: organisationParamsSchema, body: organisationBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        await s.teams.updateOrganisation(params.organisationId, body.name, body.kind);
        await log('team-changed', { organisationId: params.organisationId, change: 'updated' });
        res.status(204).end();
      },
    ),
  );

  router.put(
    '/organisations/:organisationId/archived',
    checked(
      { params: organisationParamsSchema, body: archivedBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        await s.teams.setOrganisationArchived(params.organisationId, body.archived);
        await log('team-changed', {
          organisationId: params.organisationId,
          change: body.archived ? 'archived' : 'restored',
        });
        res.status(204).end();
      },
    ),
  );
}
