import type { Request, Response, Router } from 'express';
import { documentGrant } from '../../../shared/permissions.js';
import { sendClientFile } from '../../export/send.js';
import type { ExportFormat } from '../../export/send.js';
import { validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/**
 * The coordinator makes the client's copy on their behalf (a client without an account, or one
 * who asks for it on paper; SPEC RT10), a closed case's too. Other members get 403, anyone else
 * the same 404 as for an unknown case. A compartment the coordinator may not open stays out,
 * marked as left out.
 */
export function clientFileRoutes(s: Services, router: Router): void {
  const send = (format: ExportFormat) => async (req: Request, res: Response) => {
    const { user, facts, log } = await openCase(s, req, res, 'manage', { whenClosed: 'allow' });
    const viewer = viewerOf(user);
    const compartments = new Set(
      (['medical', 'social'] as const).filter((p) => documentGrant(viewer, facts, p)),
    );
    const file = (await s.clientFiles.build(facts.caseId, {
      madeBy: { name: user.displayName, role: user.role === 'coordinator' ? 'coordinator' : 'professional' },
      compartments,
    }))!;
    await log('export', {
      resource: 'client-file',
      format,
      medical: compartments.has('medical'),
      social: compartments.has('social'),
    });
    sendClientFile(res, file, format, 'clientdossier');
  };
  router.get('/:caseId/client-file', validate('params', caseParamsSchema), send('print'));
  router.get('/:caseId/client-file.json', validate('params', caseParamsSchema), send('json'));
}
