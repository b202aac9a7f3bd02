import { Router } from 'express';
import type { DecisionTree } from '../../../shared/decisionTree.js';
import { checked } from '../../http/checked.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import {
  archivedBodySchema,
  newTreeBodySchema,
  treeContentSchema,
  treeParamsSchema,
  treeQuerySchema,
  treesQuerySchema,
} from './schema.js';

const readers = ['professional', 'coordinator', 'admin'] as const;

/**
 * A district's referral decision trees (SPEC DT1–DT3): every professional reads and walks them;
 * the functional administrator writes them, each save a new version, and archives them.
 */
export function decisionTreesRouter(s: Services): Router {
  const router = Router();
  const log = (
    req: Parameters<typeof accessPoint>[0],
    userId: string,
    details: Record<string, string | number>,
  ) =>
    s.audit.record({
      event: 'decision-tree-changed',
      userId,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details,
    });

  router.get(
    '/',
    checked({ query: treesQuerySchema }, async ({ query }, _req, res) => {
      const user = requireUser(res, [...readers]);
      const districtId = query.districtId ?? (await s.places.ownDistrictOf(user.professionalId));
      const trees = districtId
        ? await s.decisionTrees.list(districtId, !!query.includeArchived && user.role === 'admin')
        : [];
      res.json({ trees } satisfies { trees: DecisionTree[] });
    }),
  );

  router.get(
    '/:treeId',
    checked({ params: treeParamsSchema, query: treeQuerySchema }, async ({ params, query }, _req, res) => {
      requireUser(res, [...readers]);
      const tree = await s.decisionTrees.one(params.treeId, query.version);
      if (!tree)
        throw new HttpError(
          404,
          `treeId: no decision tree ${params.treeId}${query.version ? ` version ${query.version}` : ''}`,
        );
      res.json({ tree } satisfies { tree: DecisionTree });
    }),
  );

  router.get(
    '/:treeId/versions',
    checked({ params: treeParamsSchema }, async ({ params }, _req, res) => {
      requireUser(res, [...readers]);
      res.json({ versions: await s.decisionTrees.versions(params.treeId) });
    }),
  );

  router.post(
    '/',
    checked({ body: newTreeBodySchema }, async ({ body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districtId, ...content } = body;
      const id = await s.decisionTrees.create(districtId, content, user.id);
      await log(req, user.id, { treeId: id, change: 'created' });
      res.status(201).json({ id });
    }),
  );

  router.put(
    '/:treeId',
    checked({ params: treeParamsSchema, body: treeContentSchema }, async ({ params, body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const version = await s.decisionTrees.save(params.treeId, body, user.id);
      await log(req, user.id, { treeId: params.treeId, change: 'saved', version });
      res.json({ version });
    }),
  );

  router.put(
    '/:treeId/archived',
    checked({ params: treeParamsSchema, body: archivedBodySchema }, async ({ params, body }, req, res) => {
      const user = requireUser(res, ['admin']);
      await s.decisionTrees.setArchived(params.treeId, body.archived);
      await log(req, user.id, { treeId: params.treeId, change: body.archived ? 'archived' : 'restored' });
      res.status(204).end();
    }),
  );

  return router;
}
