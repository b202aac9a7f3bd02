import type { ConsentRecord } from '../../shared/api.js';
import type { Referral } from '../../shared/referralApi.js';
import { readBoard } from '../../shared/doc/board.js';
import { readObservations, readSignalPlan } from '../../shared/doc/signalPlan.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { clientDetailsService } from '../cases/clientDetails.js';
import type { CaseService } from '../services/cases.js';
import type { Data } from '../storage/data.js';
import type { DocumentLog } from '../storage/documentLog.js';
import { readStored } from '../storage/readStored.js';
import { consentResource } from './consents.js';
import { complexExtension, extensionUrl } from './extensions.js';
import { carePlanResource, collectionBundle, goalResource, stepResources } from './goals.js';
import type { FhirResource } from './goals.js';
import { fhirId } from './ids.js';
import { careTeamResources, patientResource, roleReference } from './people.js';
import { meetingActionResource, referralResources } from './referrals.js';
import type { MeetingActionRow } from './referrals.js';
import { observationResources, riskAssessmentResource } from './signals.js';

export interface FhirExportOptions {
  /** The BSN goes in only when the reader may see it (a member of the case, the client). */
  withBsn: boolean;
  now?: Date;
}

/**
 * A case as a FHIR R4 `collection` Bundle (SPEC FH1–FH3): the client, the team, the board as a
 * CarePlan with its Goals and steps as Tasks, the signal plan and observations, the consents, the
 * referrals (ServiceRequest and Task) and the case meetings' actions (Tasks).
 * Read from storage like the client's copy (server/export/clientFile.ts): making it never loads
 * or changes a live board. The compartments' notes are not part of it.
 */
export function fhirExportService(deps: {
  data: Data;
  documents: Pick<DocumentLog, 'load'>;
  cases: Pick<CaseService, 'getCase'>;
  referrals: { ofCase(caseId: string): Promise<Referral[]> };
  consents(caseId: string): Promise<ConsentRecord[]> | ConsentRecord[];
  publicUrl(): string;
}) {
  const details = clientDetailsService(deps.data);
  const meetingActions = async (caseId: string): Promise<MeetingActionRow[]> =>
    (
      await deps.data.db
        .selectFrom('meeting_actions as a')
        .leftJoin('professionals as p', 'p.id', 'a.owner_id')
        .select([
          'a.meeting_id as meetingId',
          'a.action_id as actionId',
          'a.text',
          'a.owner_id as ownerId',
          'p.name as ownerName',
          'a.due_date as dueDate',
          'a.done',
          'a.goal_id as goalId',
          'a.created_at as createdAt',
        ])
        .where('a.case_id', '=', caseId)
        .orderBy('a.due_date')
        .orderBy('a.action_id')
        .execute()
    ).map((a) => ({ ...a, done: Number(a.done) === 1 }));
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
      const work = { publicUrl, caseId, inTeam, goalIds: new Set(board.goals.map((g) => g.id)) };
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
          // The board's perspectives, switched on or off, with what the team wrote in each.
          ...(board.perspectives.length > 0 && {
            extension: board.perspectives.map((p) =>
              complexExtension(extensionUrl(publicUrl, 'perspective'), {
                id: p.id,
                label: p.label,
                active: p.active,
                addedAt: p.addedAt,
                situation: p.situation,
                strengths: p.strengths,
                concerns: p.concerns,
                lead: p.leadId,
              }),
            ),
          }),
          status: closed ? 'completed' : 'active',
          careTeam: [{ reference: `urn:uuid:${fhirId('careteam', caseId)}` }],
        },
        ...board.goals.flatMap((g) => [goalResource(g, context), ...stepResources(g, context)]),
        riskAssessmentResource(plan, observations, { publicUrl, caseId, inTeam, now }),
        ...observationResources(observations, { publicUrl, caseId, inTeam, now }),
        ...(await deps.consents(caseId)).map((c) => consentResource(publicUrl, caseId, c, inTeam)),
        ...(await deps.referrals.ofCase(caseId)).flatMap((r) => referralResources(r, work)),
        ...(await meetingActions(caseId)).map((a) => meetingActionResource(a, work)),
      ];
      return collectionBundle(fhirId('bundle', `${caseId}/${now}`), now, resources);
    },
  };
}
export type FhirExportService = ReturnType<typeof fhirExportService>;
