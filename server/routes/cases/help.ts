import type { Router } from 'express';
import { checked } from '../../http/checked.js';
import type { Services } from '../../services/index.js';
import { helpQuerySchema } from '../socialMap/schema.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/**
 * "Who can help with this?" from a goal (SPEC SM3): active services of the social map for the
 * goal's life domain in the client's neighbourhood (or the whole district), those serving more
 * of the goal's perspectives first. Only for who may open the case: the neighbourhood is the client's.
 */
export function caseHelpRoutes(s: Services, router: Router): void {
  router.get(
    '/:caseId/help',
    checked({ params: caseParamsSchema, query: helpQuerySchema }, async ({ query }, req, res) => {
      const { facts, log } = await openCase(s, req, res, 'read');
      const place = await s.data.db
        .selectFrom('cases as c')
        .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
        .select(['n.id as neighbourhoodId', 'n.district_id as districtId'])
        .where('c.id', '=', facts.caseId)
        .executeTakeFirstOrThrow();
      const answer = await s.socialMap.helpFor(place, {
        lifeDomain: query.lifeDomain,
        perspectives: query.perspectives,
        q: query.q,
        everywhere: query.everywhere,
      });
      await log('api-read', { resource: 'social-map-help', results: answer.total });
      res.json({ ...answer, neighbourhoodId: place.neighbourhoodId });
    }),
  );
}
