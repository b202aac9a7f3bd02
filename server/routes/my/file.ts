import type { Request, Response, Router } from 'express';
import { HttpError } from '../../http/validate.js';
import { sendClientFile, sendFhirBundle } from '../../export/send.js';
import type { ExportFormat } from '../../export/send.js';
import type { Services } from '../../services/index.js';
import { clientOf } from './client.js';

/**
 * The client's right of access and to a copy (AVG art. 15 and 20, SPEC RT9–RT11): everything
 * stored about them, both compartments included, for the print page or as a JSON file. Each
 * copy is an `export` in the access log.
 */
export function myFileRoutes(s: Services, router: Router): void {
  /** Each copy the client makes of their own file is an export in the access log. */
  const logged = (client: ReturnType<typeof clientOf>, details: Record<string, string | number>) =>
    s.audit.record({
      event: 'export',
      caseId: client.caseId,
      userId: client.user.id,
      role: 'client',
      authorization: 'client-self',
      ...client.point,
      details,
    });
  const send = (format: ExportFormat) => async (req: Request, res: Response) => {
    const client = clientOf(s, req, res);
    const file = await s.clientFiles.build(client.caseId, {
      madeBy: { name: client.user.displayName, role: 'client' },
      compartments: new Set(['medical', 'social']),
    });
    if (!file) throw new HttpError(404, 'your file was not found');
    await logged(client, { resource: 'client-file', format });
    sendClientFile(res, file, format, 'mijn-dossier');
  };
  router.get('/file', send('print'));
  router.get('/file.json', send('json'));

  // The same plan as a FHIR R4 bundle, to take to a GP system or another team (SPEC FH4).
  router.get('/fhir', async (req, res) => {
    const client = clientOf(s, req, res);
    const bundle = await s.fhir.build(client.caseId, { withBsn: true });
    if (!bundle) throw new HttpError(404, 'your file was not found');
    await logged(client, { resource: 'fhir', resources: bundle.entry.length });
    sendFhirBundle(res, bundle, 'mijn-plan');
  });
}
