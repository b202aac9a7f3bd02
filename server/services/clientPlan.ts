import type { ClientPlan, PlanContact, PlanReferral, PlanService } from '../../shared/api.js';
import type { ReferralStore } from '../referrals/store.js';
import type { SocialMapService } from '../socialMap/service.js';
import { goalText, readBoard } from '../../shared/doc/board.js';
import { readClientVoice } from '../../shared/doc/clientVoice.js';
import { currentSignalState, readObservations, readSignalPlan } from '../../shared/doc/signalPlan.js';
import { caseDocumentName } from '../../shared/protocol.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import type { Actor } from '../sync/extension.js';
import type { CaseService } from './cases.js';

/**
 * The client's view of their plan: a projection of the board with only what is marked visible
 * to the client. The client never receives the document itself.
 */
export function clientPlanService(
  registry: DocumentRegistry,
  cases: CaseService,
  socialMap: Pick<SocialMapService, 'byIds'>,
  referrals: Pick<ReferralStore, 'ofCase'>,
) {
  return {
    async plan(caseId: string): Promise<ClientPlan | null> {
      const details = await cases.getCase(caseId);
      if (!details) return null;
      const contacts = new Map<string, PlanContact>(
        details.members.map((m) => [
          m.id,
          {
            id: m.id,
            name: m.name,
            roleTitle: m.roleTitle,
            organisation: m.organisation,
            phone: m.phone,
            email: m.email,
          },
        ]),
      );
      const contact = (id: string | null) => (id ? (contacts.get(id) ?? null) : null);
      const { board, signalPlan, observations, voice } = await registry.use(
        caseDocumentName(caseId),
        (doc) => ({
          board: readBoard(doc),
          signalPlan: readSignalPlan(doc),
          observations: readObservations(doc),
          voice: readClientVoice(doc),
        }),
      );
      const visible = board.goals.filter((g) => g.visibleToClient);
      // Only services still offered: one that stopped is no help to call.
      const services = new Map<string, PlanService>(
        (await socialMap.byIds(visible.flatMap((g) => g.services)))
          .filter((s) => s.status === 'active')
          .map((s) => [
            s.id,
            {
              id: s.id,
              name: s.name,
              organisation: s.organisationName,
              description: s.description,
              howToGetIn: s.howToGetIn,
              contactName: s.contact.name,
              phone: s.contact.phone,
              peerRun: s.peerRun,
            },
          ]),
      );
      return {
        clientName: details.clientName,
        coordinator: contact(details.coordinator?.id ?? null),
        contacts: [...contacts.values()],
        goals: visible.map((g) => ({
          id: g.id,
          domain: g.domain,
          phase: g.phase,
          status: g.status,
          title: g.title,
          clientWords: g.clientWords,
          targetDate: g.targetDate,
          owner: contact(g.ownerId),
          steps: g.steps.map((s) => ({
            id: s.id,
            text: s.text,
            done: s.done,
            dueDate: s.dueDate,
            owner: contact(s.ownerId),
          })),
          services: g.services.flatMap((id) => services.get(id) ?? []),
        })),
        // Where the team referred the client, while under way and once done; not what was called off.
        referrals: (await referrals.ofCase(caseId)).flatMap((r): PlanReferral[] =>
          r.status === 'requested' ||
          r.status === 'accepted' ||
          r.status === 'in-progress' ||
          r.status === 'completed'
            ? [
                {
                  id: r.id,
                  toName: r.to.name,
                  toRoleTitle: r.to.roleTitle,
                  where: r.service?.name ?? r.to.organisation,
                  phone: r.to.phone,
                  status: r.status,
                  requestedAt: r.requestedAt,
                  firstContactAt: r.firstContactAt,
                },
              ]
            : [],
        ),
        signalPlan,
        currentState: currentSignalState(observations),
        voice: { questions: voice.questions, ratings: voice.ratings },
        readingLevel: details.client.readingLevel,
        // Whom to call once the support has ended: the contact named at closing, else the coordinator.
        supportEnded: details.closure
          ? {
              on: details.closure.closedAt,
              contact:
                contact(details.closure.contactAfter?.id ?? null) ?? contact(details.coordinator?.id ?? null),
            }
          : null,
      };
    },
    /**
     * The client's own words for a visible goal, written into the board as the client's edit.
     * Returns false when the goal is not (or no longer) visible to the client.
     */
    async setClientWords(caseId: string, by: Actor, goalId: string, words: string): Promise<boolean> {
      return registry.use(
        caseDocumentName(caseId),
        (doc) => {
          const goal = readBoard(doc).goals.find((g) => g.id === goalId && g.visibleToClient);
          if (!goal) return false;
          const text = goalText(doc, goalId, 'clientWords');
          doc.transact(() => {
            text.delete(0, text.length);
            text.insert(0, words);
          }, 'client');
          return true;
        },
        by,
      );
    },
  };
}
export type ClientPlanService = ReturnType<typeof clientPlanService>;
