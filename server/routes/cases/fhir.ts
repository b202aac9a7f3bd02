import type { Router } from 'express';
import { sendFhirBundle } from '../../export/send.js';
import { validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/**
 * The case as a FHIR R4 bundle (SPEC FH1): for everyone who may open the case, a closed case's
 * too, each download an `export` in the access log. Members may see the BSN (CL9), so it is in.
 */
export function fhirRoutes(s: Services, router: Router): void {
  router.get('/:caseId/fhir', validate('params', caseParamsSchema), async (req, res) => {
    const { facts, log } = await openCase(s, req, res, 'read', { whenClosed: 'allow' });
    const bundle = (await s.fhir.build(facts.caseId, { withBsn: true }))!;
    await log('export', { resource: 'fhir', resources: bundle.entry.length });
    sendFhirBundle(res, bundle, 'clientplan');
  });
}
