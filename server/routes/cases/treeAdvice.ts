import type { Router } from 'express';
import { walkSummary, walkTree } from '../../../shared/decisionTree.js';
import type { TreeAdvice } from '../../../shared/decisionTree.js';
import type { ReferralPerson } from '../../../shared/referralApi.js';
import { checked } from '../../http/checked.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { adviceQuerySchema, treeParamsSchema } from '../decisionTrees/schema.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/**
 * Walking a decision tree for a case (SPEC DT4): the answers given so far, where they lead, and at
 * an advice the named people to refer to — of that kind of team in the client's neighbourhood, or
 * of the advised service's organisation — so the walk ends in a prefilled referral.
 */
export function caseTreeRoutes(s: Services, router: Router): void {
  router.get(
    '/:caseId/decision-trees/:treeId/advice',
    checked(
      { params: caseParamsSchema.merge(treeParamsSchema), query: adviceQuerySchema },
      async ({ params, query }, req, res) => {
        const { user, facts, log } = await openCase(s, req, res, 'read');
        const place = await s.data.db
          .selectFrom('cases as c')
          .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
          .select(['n.id as neighbourhoodId', 'n.district_id as districtId'])
          .where('c.id', '=', facts.caseId)
          .executeTakeFirstOrThrow();
        const tree = await s.decisionTrees.one(params.treeId);
        if (!tree || tree.archivedAt || tree.districtId !== place.districtId)
          throw new HttpError(404, `treeId: no decision tree ${params.treeId} of the client's district`);
        const walk = walkTree(tree, query.answers);
        let candidates: ReferralPerson[] = [];
        let service = null;
        if (walk.at.kind === 'advice') {
          const advice = walk.at;
          service = advice.serviceId ? ((await s.socialMap.get(advice.serviceId)) ?? null) : null;
          let people = s.data.db
            .selectFrom('professionals as p')
            .innerJoin('users as u', 'u.professional_id', 'p.id')
            .select('p.id')
            .where('u.disabled_at', 'is', null);
          if (service) people = people.where('p.organisation_id', '=', service.organisationId);
          else if (advice.teamKind)
            people = people.where('p.team_id', 'in', (eb) =>
              eb
                .selectFrom('teams')
                .select('id')
                .where('kind', '=', advice.teamKind!)
                .where('neighbourhood_id', '=', place.neighbourhoodId)
                .where('archived_at', 'is', null),
            );
          else people = people.where('p.id', '=', '');
          const ids = (await people.execute()).map((r) => r.id).filter((id) => id !== user.professionalId);
          candidates = [...(await s.referrals.store.people(ids)).values()].sort((a, b) =>
            a.name.localeCompare(b.name, 'nl'),
          );
        }
        await log('api-read', { resource: 'decision-tree-advice', treeId: tree.id, version: tree.version });
        const answer: TreeAdvice = {
          tree: { id: tree.id, version: tree.version, title: tree.title },
          steps: walk.steps.map((st) => ({ question: st.question.text, answer: st.answer.label })),
          at: walk.at,
          summary: walkSummary(walk),
          candidates,
          service,
        };
        res.json(answer);
      },
    ),
  );
}
