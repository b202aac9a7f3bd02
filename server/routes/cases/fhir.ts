import type { Router } from 'express';
import { sendFhirBundle } from '../../export/send.js';
import { readBoard } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { boardFromBundle, importBundleSchema, writeImportedBoard } from '../../fhir/importBoard.js';
import { checked } from '../../http/checked.js';
import { HttpError, validate } from '../../http/validate.js';
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

  /**
   * A plan that comes with the client from another team (SPEC FH6): the coordinator of a case
   * just registered reads the exported bundle into its board, which must still have no goals.
   * Stored like any edit, in the coordinator's name; people not on this case's team are left out.
   */
  router.put(
    '/:caseId/fhir',
    validate('params', caseParamsSchema),
    checked({ body: importBundleSchema }, async ({ body }, req, res) => {
      const { user, facts, log } = await openCase(s, req, res, 'manage');
      // Owners and leads only from this case's own team: anyone else is no one on this board.
      const known = new Set([
        ...(facts.coordinatorId ? [facts.coordinatorId] : []),
        ...facts.members.map((m) => m.professionalId),
      ]);
      const board = boardFromBundle(body, (id) => known.has(id));
      const written = await s.registry.use(
        caseDocumentName(facts.caseId),
        (doc) => {
          if (readBoard(doc).goals.length > 0) return false;
          writeImportedBoard(doc, board);
          return true;
        },
        { userId: user.id, role: user.role },
      );
      if (!written)
        throw new HttpError(409, 'the board already has goals: a plan is read only into an empty board', {
          code: 'board-not-empty',
        });
      await log('api-write', { resource: 'fhir-import', goals: board.goals.length });
      res.json({ goals: board.goals.length, perspectives: board.perspectives.length });
    }),
  );
}
