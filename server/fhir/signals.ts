import type { Observation, SignalPlan } from '../../shared/doc/signalPlan.js';
import { signalStates } from '../../shared/risk.js';
import { ours } from './codeSystems.js';
import { complexExtension, extensionUrl, textPrefixes, withParts } from './extensions.js';
import type { FhirResource } from './goals.js';
import { fhirId, fullUrl } from './ids.js';
import { roleReference } from './people.js';

/** What each state of the plan asks of whom, as one text (FHIR's mitigation is a string). */
const actionsOf = (s: SignalPlan['states'][keyof SignalPlan['states']]) =>
  [
    s.clientActions && `Cliënt: ${s.clientActions}`,
    s.networkActions && `Netwerk: ${s.networkActions}`,
    s.professionalActions && `Professionals: ${s.professionalActions}`,
    s.callName && `Bellen: ${s.callName}${s.callPhone ? ` (${s.callPhone})` : ''}`,
  ]
    .filter(Boolean)
    .join('\n');

export interface SignalContext {
  publicUrl: string;
  caseId: string;
  /** Professionals with a role in the bundle: an author outside it is named, not referred to. */
  inTeam: ReadonlySet<string>;
  /** When the bundle is made: the risk assessment's moment when nothing was observed yet. */
  now: string;
}

/** The chance of relapse each state of the plan stands for (risk-probability codes). */
const riskOf = { green: 'low', amber: 'moderate', red: 'high' } as const;

const patientOf = (caseId: string) => ({ reference: fullUrl(fhirId('patient', caseId)) });

/** Each observation of the signal state, with the relapse flag as a component. */
export function observationResources(observations: readonly Observation[], c: SignalContext): FhirResource[] {
  return observations.map((o) => ({
    resourceType: 'Observation',
    id: fhirId('observation', `${c.caseId}/${o.id}`),
    identifier: [{ system: `${c.publicUrl}/api/fhir/observation`, value: o.id }],
    status: 'final',
    code: ours(c.publicUrl, 'observation', 'signal-state'),
    subject: patientOf(c.caseId),
    effectiveDateTime: o.at,
    performer: [
      c.inTeam.has(o.authorId)
        ? { reference: roleReference(o.authorId), ...(o.authorName ? { display: o.authorName } : {}) }
        : { display: o.authorName || '—' },
    ],
    valueCodeableConcept: ours(c.publicUrl, 'signal-state', o.state),
    ...(o.note ? { note: [{ text: o.note }] } : {}),
    component: [{ code: ours(c.publicUrl, 'observation', 'relapse'), valueBoolean: o.relapse }],
  }));
}

/**
 * The signal plan as a RiskAssessment: the relapse kinds it watches, per state its signs (the
 * outcome it predicts), triggers and what everyone does, the protective factors as a note, and
 * the observations as its basis. Its moment is the last observation's.
 */
export function riskAssessmentResource(
  plan: SignalPlan,
  observations: readonly Observation[],
  c: SignalContext,
): FhirResource {
  const code = ours(c.publicUrl, 'observation', 'relapse-risk');
  const kinds = plan.relapseKinds.map((k) => ours(c.publicUrl, 'relapse-kind', k).coding[0]!);
  const predictions = signalStates.flatMap((state) => {
    const s = plan.states[state];
    if (!s.signs && !s.triggers && !actionsOf(s)) return [];
    return [
      {
        ...withParts(
          complexExtension(extensionUrl(c.publicUrl, 'signal-state-actions'), {
            clientActions: s.clientActions,
            networkActions: s.networkActions,
            professionalActions: s.professionalActions,
            callName: s.callName,
            callPhone: s.callPhone,
          }),
        ),
        outcome: { ...ours(c.publicUrl, 'signal-state', state), ...(s.signs ? { text: s.signs } : {}) },
        // How likely relapse is once these signs show, in words: there is no number for it.
        qualitativeRisk: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: riskOf[state] }],
        },
        ...(s.triggers ? { rationale: `${textPrefixes.triggers}${s.triggers}` } : {}),
      },
    ];
  });
  const mitigation = signalStates
    .map((state) => [state, actionsOf(plan.states[state])] as const)
    .filter(([, text]) => text)
    .map(([state, text]) => `${state}:\n${text}`)
    .join('\n\n');
  return {
    resourceType: 'RiskAssessment',
    id: fhirId('riskassessment', c.caseId),
    status: 'final',
    code: { coding: [...code.coding, ...kinds] },
    subject: patientOf(c.caseId),
    occurrenceDateTime: observations.at(-1)?.at ?? c.now,
    ...(observations.length
      ? {
          basis: observations.map((o) => ({
            reference: fullUrl(fhirId('observation', `${c.caseId}/${o.id}`)),
          })),
        }
      : {}),
    ...(predictions.length ? { prediction: predictions } : {}),
    ...(mitigation ? { mitigation } : {}),
    ...(plan.protectiveFactors
      ? { note: [{ text: `${textPrefixes.protectiveFactors}${plan.protectiveFactors}` }] }
      : {}),
  };
}
