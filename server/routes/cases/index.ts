import { Router } from 'express';
import type { CaseDetails } from '../../../shared/api.js';
import { documentGrant, lifecycleRights, mayManageCase } from '../../../shared/permissions.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { caseActionRoutes } from './actions.js';
import { caseAdminRoutes } from './admin.js';
import { clientDetailsRoutes } from './client/index.js';
import { caseConsentRoutes } from './consents.js';
import { clientFileRoutes } from './clientFile.js';
import { fhirRoutes } from './fhir.js';
import { clientQuestionRoutes } from './clientQuestions.js';
import { caseHelpRoutes } from './help.js';
import { caseReferralRoutes } from './referrals.js';
import { caseTreeRoutes } from './treeAdvice.js';
import { caseHistoryRoutes } from './history/index.js';
import { caseIntakeRoutes } from './intake/index.js';
import { caseLifecycleRoutes } from './lifecycle/index.js';
import { observationRoutes } from './observations.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';
import { versionRoutes } from './versions.js';

export function casesRouter(s: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const cases = await s.cases.listCases(await s.access.visibleCaseIds(viewerOf(user)));
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      cases: cases.map((c) => c.id),
      details: { list: 'cases', count: cases.length },
    });
    res.json({ cases });
  });

  // Before `/:caseId`: `/intake` is a page's options, not a case.
  caseIntakeRoutes(s, router);

  router.get('/:caseId', validate('params', caseParamsSchema), async (req, res) => {
    const { user, facts, grant, point } = await openCase(s, req, res, 'read');
    const details = (await s.cases.getCase(facts.caseId))!;
    const viewer = viewerOf(user);
    const compartments = (['medical', 'social'] as const).filter((p) => documentGrant(viewer, facts, p));
    await s.audit.record({
      event: 'api-read',
      caseId: facts.caseId,
      userId: user.id,
      role: user.role,
      authorization: grant.authorization,
      ...point,
      details: { resource: 'case' },
    });
    const body: CaseDetails = {
      ...details,
      myAccess: {
        access: grant.access,
        manage: mayManageCase(viewer, facts),
        compartments,
        lifecycle: lifecycleRights(viewer, facts),
      },
    };
    res.json({ case: body });
  });

  caseAdminRoutes(s, router);
  caseConsentRoutes(s, router);
  observationRoutes(s, router);
  caseActionRoutes(s, router);
  clientQuestionRoutes(s, router);
  caseHistoryRoutes(s, router);
  versionRoutes(s, router);
  clientFileRoutes(s, router);
  fhirRoutes(s, router);
  caseLifecycleRoutes(s, router);
  clientDetailsRoutes(s, router);
  caseHelpRoutes(s, router);
  caseReferralRoutes(s, router);
  caseTreeRoutes(s, router);
  return router;
}
