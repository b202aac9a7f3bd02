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
  router.get('/teams', (_req, res) => {
    res.json(s.teams.list());
  });

  router.post(
    '/teams',
    checked({ body: teamBodySchema }, ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = s.teams.create(body);
      log('team-changed', { teamId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/teams/:teamId',
    checked({ params: teamParamsSchema, body: teamBodySchema }, ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      s.teams.update(params.teamId, body);
      log('team-changed', { teamId: params.teamId, change: 'updated' });
      res.status(204).end();
    }),
  );

  router.put(
    '/teams/:teamId/archived',
    checked({ params: teamParamsSchema, body: archivedBodySchema }, ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      s.teams.setArchived(params.teamId, body.archived);
      log('team-changed', { teamId: params.teamId, change: body.archived ? 'archived' : 'restored' });
      res.status(204).end();
    }),
  );

  router.post(
    '/organisations',
    checked({ body: organisationBodySchema }, ({ body }, req, res) => {
      const { log } = adminOf(s, req, res);
      const id = s.teams.createOrganisation(body.name, body.kind);
      log('team-changed', { organisationId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/organisations/:organisationId',
    checked(
      { params: organisationParamsSchema, body: organisationBodySchema },
      ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        s.teams.updateOrganisation(params.organisationId, body.name, body.kind);
        log('team-changed', { organisationId: params.organisationId, change: 'updated' });
        res.status(204).end();
      },
    ),
  );

  router.put(
    '/organisations/:organisationId/archived',
    checked({ params: organisationParamsSchema, body: archivedBodySchema }, ({ params, body }, req, res) => {
      const { log } = adminOf(s, req, res);
      s.teams.setOrganisationArchived(params.organisationId, body.archived);
      log('team-changed', {
        organisationId: params.organisationId,
        change: body.archived ? 'archived' : 'restored',
      });
      res.status(204).end();
    }),
  );
}
