import type { ConsentRecord } from '../../shared/api.js';
import { readBoard } from '../../shared/doc/board.js';
import { readObservations, readSignalPlan } from '../../shared/doc/signalPlan.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { clientDetailsService } from '../cases/clientDetails.js';
import type { CaseService } from '../services/cases.js';
import type { Data } from '../storage/data.js';
import type { DocumentLog } from '../storage/documentLog.js';
import { readStored } from '../storage/readStored.js';
import { consentResource } from './consents.js';
import { carePlanResource, collectionBundle, goalResource, stepResources } from './goals.js';
import type { FhirResource } from './goals.js';
import { fhirId } from './ids.js';
import { careTeamResources, patientResource, roleReference } from './people.js';
import { observationResources, riskAssessmentResource } from './signals.js';

export interface FhirExportOptions {
  /** The BSN goes in only when the reader may see it (a member of the case, the client). */
  withBsn: boolean;
  now?: Date;
}

/**
 * A case as a FHIR R4 `collection` Bundle (SPEC FH1–FH3): the client, the team, the board as a
 * CarePlan with its Goals and steps as Tasks, the signal plan and observations, and the consents.
 * Read from storage like the client's copy (server/export/clientFile.ts): making it never loads
 * or changes a live board. The compartments' notes are not part of it.
 */
export function fhirExportService(deps: {
  data: Data;
  documents: Pick<DocumentLog, 'load'>;
  cases: Pick<CaseService, 'getCase'>;
  consents(caseId: string): Promise<ConsentRecord[]> | ConsentRecord[];
  publicUrl(): string;
}) {
  const details = clientDetailsService(deps.data);
  return {
    /** The bundle of one case; null when there is no such case. */
    async build(caseId: string, options: FhirExportOptions) {
      const found = await deps.cases.getCase(caseId);
      if (!found) return null;
      const publicUrl = deps.publicUrl();
      const now = (options.now ?? new Date()).toISOString();
      const { board, plan, observations } = await readStored(
        deps.documents,
        caseDocumentName(caseId),
        (doc) => ({ board: readBoard(doc), plan: readSignalPlan(doc), observations: readObservations(doc) }),
      );
      const coordinatorId = found.coordinator?.id ?? null;
      const inTeam = new Set(found.members.map((m) => m.id));
      const context = {
        publicUrl,
        caseId,
        patientId: fhirId('patient', caseId),
        roleOf: (id: string | null) => (id && inTeam.has(id) ? roleReference(id) : null),
      };
      const closed = found.status === 'closed';
      const resources: FhirResource[] = [
        patientResource(publicUrl, {
          caseId,
          name: found.clientName,
          birthYear: found.birthYear,
          client: found.client,
          bsn: options.withBsn && found.client.hasBsn ? await details.bsn(caseId) : null,
          closed,
        }),
        ...careTeamResources(publicUrl, caseId, found.members, coordinatorId, closed),
        {
          ...carePlanResource(board.goals, context, `Herstelplan van ${found.clientName}`),
          status: closed ? 'completed' : 'active',
          careTeam: [{ reference: `urn:uuid:${fhirId('careteam', caseId)}` }],
        },
        ...board.goals.flatMap((g) => [goalResource(g, context), ...stepResources(g, context)]),
        riskAssessmentResource(plan, observations, { publicUrl, caseId, inTeam, now }),
        ...observationResources(observations, { publicUrl, caseId, inTeam, now }),
        ...(await deps.consents(caseId)).map((c) => consentResource(publicUrl, caseId, c, inTeam)),
      ];
      return collectionBundle(fhirId('bundle', `${caseId}/${now}`), now, resources);
    },
  };
}
export type FhirExportService = ReturnType<typeof fhirExportService>;
