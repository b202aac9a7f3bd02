import type { Referral, ReferralPerson, ReferralStatus, Urgency } from '../../shared/referralApi.js';
import type { FhirResource } from './goals.js';
import { fhirId, fullUrl } from './ids.js';
import { roleReference } from './people.js';

export interface WorkContext {
  publicUrl: string;
  caseId: string;
  /** Professionals with a role in the bundle: anyone else is named, not referred to. */
  inTeam: ReadonlySet<string>;
  /** The goals on the board: a goal removed since is not in the bundle, so nothing refers to it. */
  goalIds: ReadonlySet<string>;
}

const goalOf = (c: WorkContext, goalId: string | null) =>
  goalId && c.goalIds.has(goalId)
    ? { focus: { reference: fullUrl(fhirId('goal', `${c.caseId}/${goalId}`)) } }
    : {};

const patientOf = (caseId: string) => ({ reference: fullUrl(fhirId('patient', caseId)) });

/** A professional as a reference: their role in the bundle when on the team, else their name. */
const who = (c: WorkContext, person: Pick<ReferralPerson, 'id' | 'name'>) =>
  c.inTeam.has(person.id)
    ? { reference: roleReference(person.id), display: person.name }
    : { display: person.name };

/** Our statuses are FHIR Task's already (SPEC RF2); the request itself is active, done or revoked. */
const requestStatus: Record<ReferralStatus, string> = {
  requested: 'active',
  accepted: 'active',
  'in-progress': 'active',
  completed: 'completed',
  rejected: 'revoked',
  cancelled: 'revoked',
  failed: 'revoked',
};

const priority: Record<Urgency, string> = { routine: 'routine', soon: 'urgent', urgent: 'asap' };

/**
 * A referral to a named person as a ServiceRequest (what is asked, of whom, why) and the Task
 * that follows it (its status as it is, accepted and closed as its period, the first contact as
 * an output), the way FHIR's workflow pairs them. The goal it serves is the Task's focus.
 */
export function referralResources(r: Referral, c: WorkContext): FhirResource[] {
  const requestId = fhirId('servicerequest', `${c.caseId}/${r.id}`);
  const identifier = [{ system: `${c.publicUrl}/api/fhir/referral`, value: r.id }];
  const request: FhirResource = {
    resourceType: 'ServiceRequest',
    id: requestId,
    identifier,
    status: requestStatus[r.status],
    intent: 'order',
    priority: priority[r.urgency],
    code: {
      text: r.service ? `${r.service.name} (${r.service.organisation})` : `Verwijzing naar ${r.to.name}`,
    },
    subject: patientOf(c.caseId),
    authoredOn: r.requestedAt,
    requester: who(c, r.from),
    performer: [who(c, r.to)],
    ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
    ...(r.question ? { note: [{ text: r.question }] } : {}),
  };
  const task: FhirResource = {
    resourceType: 'Task',
    id: fhirId('referraltask', `${c.caseId}/${r.id}`),
    identifier,
    basedOn: [{ reference: fullUrl(requestId) }],
    status: r.status,
    intent: 'order',
    priority: priority[r.urgency],
    description: r.question || r.reason || '—',
    ...goalOf(c, r.goalId),
    for: patientOf(c.caseId),
    authoredOn: r.requestedAt,
    requester: who(c, r.from),
    owner: who(c, r.to),
    ...(r.acceptedAt
      ? { executionPeriod: { start: r.acceptedAt, ...(r.closedAt ? { end: r.closedAt } : {}) } }
      : {}),
    ...(r.firstContactAt
      ? { output: [{ type: { text: 'Eerste contact met de cliënt' }, valueDateTime: r.firstContactAt }] }
      : {}),
  };
  return [request, task];
}

/** One action a case meeting agreed on for the client. */
export interface MeetingActionRow {
  meetingId: string;
  actionId: string;
  text: string;
  ownerId: string;
  ownerName: string | null;
  dueDate: string;
  done: boolean;
  goalId: string | null;
  createdAt: string | null;
}

/** A meeting's action as a Task: what, who, by when, done or not, and the goal it is for. */
export function meetingActionResource(a: MeetingActionRow, c: WorkContext): FhirResource {
  return {
    resourceType: 'Task',
    id: fhirId('meetingaction', `${c.caseId}/${a.meetingId}/${a.actionId}`),
    identifier: [{ system: `${c.publicUrl}/api/fhir/meeting-action`, value: `${a.meetingId}/${a.actionId}` }],
    status: a.done ? 'completed' : 'requested',
    intent: 'plan',
    code: { text: 'Afspraak uit het casusoverleg' },
    description: a.text || '—',
    ...goalOf(c, a.goalId),
    for: patientOf(c.caseId),
    ...(a.createdAt ? { authoredOn: a.createdAt } : {}),
    owner: who(c, { id: a.ownerId, name: a.ownerName ?? '—' }),
    restriction: { period: { end: a.dueDate } },
  };
}
