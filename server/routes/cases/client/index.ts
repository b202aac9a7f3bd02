import type { Router } from 'express';
import { clientDetailsService } from '../../../cases/clientDetails.js';
import { validate } from '../../../http/validate.js';
import type { Services } from '../../../services/index.js';
import { openCase } from '../openCase.js';
import { caseParamsSchema } from '../schema.js';
import { clientDetailsBodySchema } from './schema.js';
import type { ClientDetailsBody } from './schema.js';

/**
 * The client's details on the board (SPEC CL9): the BSN is answered only when someone on the case
 * presses "Toon BSN" (a read in the access log, never the number), and only the coordinator of an
 * open case corrects the details (logged with the names of the fields that changed, never the values).
 */
export function clientDetailsRoutes(s: Services, router: Router): void {
  const details = clientDetailsService(s.data);

  router.get('/:caseId/client/bsn', validate('params', caseParamsSchema), async (req, res) => {
    const { facts, log } = await openCase(s, req, res, 'read');
    await log('api-read', { resource: 'bsn' });
    res.json({ bsn: await details.bsn(facts.caseId) });
  });

  router.put(
    '/:caseId/client',
    validate('params', caseParamsSchema),
    validate('body', clientDetailsBodySchema),
    async (req, res) => {
      const { facts, log } = await openCase(s, req, res, 'manage');
      const changed = await details.correct(facts.caseId, req.body as ClientDetailsBody);
      await log('api-write', { resource: 'client-details', fields: changed.join(',') });
      // Open boards read the case again; the client's plan follows a new reading level.
      s.caseAdmin.changes.emit('case', facts.caseId);
      res.status(204).end();
    },
  );
}
