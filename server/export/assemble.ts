import type { CaseDetails, ConsentRecord, FileAccess, ProfessionalSummary } from '../../shared/api.js';
import type { Board } from '../../shared/doc/board.js';
import type { ClientVoice } from '../../shared/doc/clientVoice.js';
import type { CompartmentNote } from '../../shared/doc/compartment.js';
import type { MeetingCase } from '../../shared/doc/meetingCase.js';
import type { Observation, SignalPlan } from '../../shared/doc/signalPlan.js';
import type { ProfessionalDomain } from '../../shared/domain.js';
import { currentSignalState } from '../../shared/doc/signalPlan.js';
import { clientFileFormat } from '../../shared/rightsApi.js';
import type { ClientFile, FileMeeting, FilePerson } from '../../shared/rightsApi.js';

/** What the copy is made of, read by the export service from SQL and the stored documents. */
export interface ClientFileInput {
  exportedAt: string;
  madeBy: ClientFile['madeBy'];
  details: Omit<CaseDetails, 'myAccess'>;
  registeredAt: string;
  /** The case row's other columns, references already given as names. */
  otherDetails: Record<string, string | number | null>;
  board: Board;
  signalPlan: SignalPlan;
  observations: readonly Observation[];
  voice: ClientVoice;
  ratingHistory: ClientFile['voice']['ratingHistory'];
  /** Per side: its notes, or null when whoever makes the copy may not open that compartment. */
  compartments: Record<ProfessionalDomain, readonly CompartmentNote[] | null>;
  meetings: readonly {
    title: string;
    startsAt: string;
    status: FileMeeting['status'];
    question: string;
    content: MeetingCase;
  }[];
  consents: readonly ConsentRecord[];
  versions: readonly ClientFile['versions'][number][];
  accessLog: readonly FileAccess[];
  /** A professional's name by id; null for someone no longer known. */
  nameOf(professionalId: string | null): string | null;
}

const person = (p: ProfessionalSummary): FilePerson => ({
  name: p.name,
  roleTitle: p.roleTitle,
  side: p.domain,
  organisation: p.organisation,
  phone: p.phone,
  email: p.email,
});

/**
 * Everything stored about the client in one document (SPEC RT9): the whole board (goals the
 * plan does not show included), what the team wrote, the compartments, the meetings' lines, the
 * consents and the access log. Pure: the same input always gives the same copy.
 */
export function assembleClientFile(input: ClientFileInput): ClientFile {
  const { details, nameOf } = input;
  const coordinatorId = details.coordinator?.id ?? null;
  const coordinator = details.members.find((m) => m.id === coordinatorId);
  return {
    format: clientFileFormat,
    version: 1,
    exportedAt: input.exportedAt,
    madeBy: input.madeBy,
    client: {
      name: details.clientName,
      birthYear: details.birthYear,
      neighbourhood: details.neighbourhood,
      recoveryContext: details.recoveryContext,
      status: details.status,
      registeredAt: input.registeredAt,
      details: input.otherDetails,
    },
    coordinator: coordinator ? person(coordinator) : null,
    team: details.members.map((m) => ({ ...person(m), caseRole: m.caseRole, access: m.access })),
    perspectives: input.board.perspectives.map((p) => ({
      id: p.id,
      label: p.label,
      active: p.active,
      situation: p.situation,
      strengths: p.strengths,
      concerns: p.concerns,
      lead: nameOf(p.leadId),
    })),
    goals: input.board.goals.map((g) => ({
      title: g.title,
      clientWords: g.clientWords,
      domain: g.domain,
      phase: g.phase,
      status: g.status,
      owner: nameOf(g.ownerId),
      targetDate: g.targetDate,
      visibleToClient: g.visibleToClient,
      perspectives: g.perspectives,
      createdAt: g.createdAt,
      steps: g.steps.map((s) => ({
        text: s.text,
        owner: nameOf(s.ownerId),
        dueDate: s.dueDate,
        done: s.done,
      })),
    })),
    signalPlan: { ...input.signalPlan, currentState: currentSignalState(input.observations) },
    observations: input.observations.map((o) => ({
      at: o.at,
      by: o.authorName || nameOf(o.authorId) || '',
      state: o.state,
      note: o.note,
      relapse: o.relapse,
    })),
    voice: {
      questions: input.voice.questions.map((q) => ({
        text: q.text,
        askedAt: q.askedAt,
        discussedAt: q.discussedAt,
      })),
      ratings: input.voice.ratings,
      teamRatings: Object.fromEntries(
        Object.entries(input.voice.teamRatings).map(([domain, { byId: _id, ...rating }]) => [domain, rating]),
      ),
      ratingHistory: [...input.ratingHistory],
    },
    compartments: (['medical', 'social'] as const).map((side) => {
      const notes = input.compartments[side];
      return {
        side,
        included: notes !== null,
        notes: (notes ?? []).map((n) => ({
          text: n.text,
          author: nameOf(n.authorId),
          createdAt: n.createdAt,
        })),
      };
    }),
    meetings: input.meetings.map((m) => ({
      title: m.title,
      startsAt: m.startsAt,
      status: m.status,
      question: m.question,
      notes: m.content.notes,
      decisions: m.content.decisions.map((d) => d.text).filter(Boolean),
      actions: m.content.actions.map((a) => ({
        text: a.text,
        owner: nameOf(a.ownerId),
        dueDate: a.dueDate,
        done: a.done,
      })),
      perspectives: m.content.perspectives,
    })),
    consents: [...input.consents],
    referrals: [],
    versions: [...input.versions],
    accessLog: [...input.accessLog],
  };
}
