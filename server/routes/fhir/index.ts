import { Router } from 'express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { checked } from '../../http/checked.js';
import { HttpError } from '../../http/validate.js';
import { codeSystemIds, codeSystemResource, valueSetResource } from '../../fhir/codeSystems.js';
import type { CodeSystemId } from '../../fhir/codeSystems.js';
import { extensionDefinition, extensionNames } from '../../fhir/extensions.js';
import type { ExtensionName } from '../../fhir/extensions.js';
import type { Services } from '../../services/index.js';

const idParams = z.object({ id: z.string().max(64) });

/**
 * Our own FHIR code systems, their value sets and our extensions' definitions at their canonical
 * URLs (SPEC FH3, FH6), for anyone:
 * a receiver of a bundle looks the codes up where it came from. They hold no one's data.
 */
export function fhirRouter(s: Services): Router {
  const router = Router();
  const send =
    (build: typeof codeSystemResource | typeof valueSetResource, kind: string) =>
    ({ params }: { params: { id: string } }, _req: Request, res: Response) => {
      if (!codeSystemIds.includes(params.id as CodeSystemId))
        throw new HttpError(404, `id: no ${kind} ${params.id}; there are ${codeSystemIds.join(', ')}`);
      res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
      res.send(JSON.stringify(build(s.config.publicUrl, params.id as CodeSystemId)));
    };
  router.get('/CodeSystem/:id', checked({ params: idParams }, send(codeSystemResource, 'CodeSystem')));
  router.get('/ValueSet/:id', checked({ params: idParams }, send(valueSetResource, 'ValueSet')));
  router.get(
    '/StructureDefinition/:id',
    checked({ params: idParams }, ({ params }, _req, res) => {
      if (!extensionNames.includes(params.id as ExtensionName))
        throw new HttpError(404, `id: no extension ${params.id}; there are ${extensionNames.join(', ')}`);
      res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
      res.send(JSON.stringify(extensionDefinition(s.config.publicUrl, params.id as ExtensionName)));
    }),
  );
  return router;
}
