import type * as Y from 'yjs';
import { z } from 'zod';
import type { Goal, PerspectiveState, Step } from '../../shared/doc/board.js';
import { readBoard } from '../../shared/doc/board.js';
import { writePerspective } from '../../shared/doc/perspectives.js';
import { restoreGoal } from '../../shared/doc/restore.js';
import {
  ensureSignalPlan,
  protectiveFactorsText,
  setCallContact,
  setRelapseKind,
  signalText,
} from '../../shared/doc/signalPlan.js';
import type { SignalPlan } from '../../shared/doc/signalPlan.js';
import { relapseKinds } from '../../shared/doc/signalPlanShape.js';
import type { RelapseKind } from '../../shared/doc/signalPlanShape.js';
import { lifeDomains, recoveryPhases } from '../../shared/domain.js';
import type { GoalStatus, LifeDomain, PerspectiveId, RecoveryPhase } from '../../shared/domain.js';
import { signalStates } from '../../shared/risk.js';
import type { SignalState } from '../../shared/risk.js';
import { goalStatusToFhir } from './codeSystems.js';
import { partsOf, textPrefixes } from './extensions.js';

type Json = Record<string, unknown>;

/** What an import needs to find in the bundle; anything else in it is left alone. */
export const importBundleSchema = z.object({
  resourceType: z.literal('Bundle', { error: 'must be a FHIR Bundle' }),
  type: z.literal('collection', { error: 'must be a collection bundle, as the export makes' }),
  entry: z
    .array(
      z.object({
        fullUrl: z.string().min(1),
        resource: z.looseObject({ resourceType: z.string(), id: z.string() }),
      }),
    )
    .max(20_000, 'holds more entries than one case has'),
});
export type ImportBundle = z.infer<typeof importBundleSchema>;

/** The board an exported case holds: its goals and steps, perspectives and signal plan. */
export interface ImportedBoard {
  goals: Goal[];
  perspectives: PerspectiveState[];
  signalPlan: SignalPlan;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const text = (v: unknown): string => (str(v) === '—' ? '' : str(v));
const strip = (v: unknown, prefix: string) =>
  str(v).startsWith(prefix) ? str(v).slice(prefix.length) : str(v);
const codings = (concepts: unknown): { system: string; code: string }[] =>
  ((Array.isArray(concepts) ? concepts : [concepts]) as Json[]).flatMap((c) =>
    ((c?.coding ?? []) as Json[]).map((x) => ({ system: str(x.system), code: str(x.code) })),
  );
/** The code of our code system `id` among codings (matched on the path: any PUBLIC_URL). */
const codeIn = (list: { system: string; code: string }[], id: string) =>
  list.filter((c) => c.system.endsWith(`/api/fhir/CodeSystem/${id}`)).map((c) => c.code);
const ref = (v: unknown): string => str((v as Json | undefined)?.reference);
const extension = (resource: Json, name: string) =>
  ((resource.extension ?? []) as Json[]).filter((e) => str(e.url).endsWith(`/StructureDefinition/${name}`));

const statusOf = (lifecycle: string): GoalStatus =>
  (Object.entries(goalStatusToFhir).find(([, f]) => f.lifecycleStatus === lifecycle)?.[0] as GoalStatus) ??
  'open';

/**
 * Reads the board back out of a bundle the export made (SPEC FH6). People are kept only when the
 * importing server knows them (`known`): a professional of another server is no one here.
 */
export function boardFromBundle(
  bundle: ImportBundle,
  known: (professionalId: string) => boolean,
): ImportedBoard {
  const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource as Json]));
  const all = (type: string) =>
    bundle.entry.map((e) => e.resource as Json).filter((r) => r.resourceType === type);
  /** A PractitionerRole's reference → our professional id, through its Practitioner's identifier. */
  const professionalOf = (reference: string): string | null => {
    const role = byUrl.get(reference);
    const practitioner = role && byUrl.get(ref(role.practitioner));
    const id = ((practitioner?.identifier ?? []) as Json[]).find((i) =>
      str(i.system).endsWith('/api/fhir/professional'),
    )?.value;
    return typeof id === 'string' && known(id) ? id : null;
  };
  const ownId = (resource: Json, kind: string) =>
    str(
      ((resource.identifier ?? []) as Json[]).find((i) => str(i.system).endsWith(`/api/fhir/${kind}`))?.value,
    );

  const stepsOf = (goalUrl: string): Step[] =>
    all('Task')
      .filter((t) => ref(t.focus) === goalUrl && ownId(t, 'step'))
      .map((t, i) => ({
        id: ownId(t, 'step'),
        text: text(t.description),
        ownerId: professionalOf(ref(t.owner)),
        dueDate: str(((t.restriction as Json | undefined)?.period as Json | undefined)?.end) || null,
        done: t.status === 'completed',
        order: String(i).padStart(4, '0'),
      }));

  const goalEntries = bundle.entry.filter((e) => e.resource.resourceType === 'Goal');
  const goals = goalEntries.flatMap(({ fullUrl: url, resource }): Goal[] => {
    const g = resource as Json;
    const categories = codings(g.category);
    const domain = codeIn(categories, 'life-domain')[0] as LifeDomain | undefined;
    const phase = codeIn(categories, 'recovery-phase')[0] as RecoveryPhase | undefined;
    if (!domain || !lifeDomains.includes(domain) || !phase || !recoveryPhases.includes(phase)) return [];
    return [
      {
        id: ownId(g, 'goal') || str(g.id),
        title: text((g.description as Json | undefined)?.text),
        clientWords: str(((g.note ?? []) as Json[])[0]?.text),
        domain,
        phase,
        order: '',
        status: statusOf(str(g.lifecycleStatus)),
        ownerId: professionalOf(ref(g.expressedBy)),
        targetDate: str(((g.target ?? []) as Json[])[0]?.dueDate) || null,
        visibleToClient: extension(g, 'visible-to-client')[0]?.valueBoolean === true,
        perspectives: codeIn(categories, 'perspective') as PerspectiveId[],
        services: [],
        steps: stepsOf(url),
        createdAt: str(g.startDate) ? `${str(g.startDate)}T00:00:00.000Z` : null,
      },
    ];
  });

  const carePlan = all('CarePlan')[0];
  const perspectives = (carePlan ? extension(carePlan, 'perspective') : []).map((e): PerspectiveState => {
    const p = partsOf(e);
    return {
      id: str(p.id) as PerspectiveId,
      active: p.active === true,
      label: str(p.label) || null,
      addedAt: str(p.addedAt) || null,
      situation: str(p.situation),
      strengths: str(p.strengths),
      concerns: str(p.concerns),
      leadId: str(p.lead) && known(str(p.lead)) ? str(p.lead) : null,
    };
  });

  return {
    goals,
    perspectives: perspectives.filter((p) => p.id),
    signalPlan: signalPlanOf(all('RiskAssessment')[0]),
  };
}

function signalPlanOf(risk: Json | undefined): SignalPlan {
  const empty = {
    signs: '',
    triggers: '',
    clientActions: '',
    networkActions: '',
    professionalActions: '',
    callName: '',
    callPhone: '',
  };
  const states = Object.fromEntries(signalStates.map((s) => [s, { ...empty }])) as SignalPlan['states'];
  if (!risk) return { relapseKinds: [], protectiveFactors: '', states };
  for (const prediction of (risk.prediction ?? []) as Json[]) {
    const state = codeIn(codings(prediction.outcome), 'signal-state')[0] as SignalState | undefined;
    if (!state || !signalStates.includes(state)) continue;
    const actions = partsOf(extension(prediction, 'signal-state-actions')[0]);
    states[state] = {
      signs: str((prediction.outcome as Json).text),
      triggers: strip(prediction.rationale, textPrefixes.triggers),
      clientActions: str(actions.clientActions),
      networkActions: str(actions.networkActions),
      professionalActions: str(actions.professionalActions),
      callName: str(actions.callName),
      callPhone: str(actions.callPhone),
    };
  }
  const kinds = codeIn(codings(risk.code), 'relapse-kind').filter((k): k is RelapseKind =>
    (relapseKinds as readonly string[]).includes(k),
  );
  const note = ((risk.note ?? []) as Json[]).find((n) =>
    str(n.text).startsWith(textPrefixes.protectiveFactors),
  );
  return {
    relapseKinds: kinds,
    protectiveFactors: strip(note?.text, textPrefixes.protectiveFactors),
    states,
  };
}

/** Writes an imported board into a board that is still empty, in one transaction per part. */
export function writeImportedBoard(doc: Y.Doc, board: ImportedBoard): void {
  if (readBoard(doc).goals.length > 0) throw new Error('the board already has goals');
  for (const p of board.perspectives) writePerspective(doc, p);
  for (const goal of board.goals) restoreGoal(doc, goal);
  ensureSignalPlan(doc);
  doc.transact(() => {
    for (const kind of board.signalPlan.relapseKinds) setRelapseKind(doc, kind, true);
    if (board.signalPlan.protectiveFactors)
      protectiveFactorsText(doc).insert(0, board.signalPlan.protectiveFactors);
    for (const state of signalStates) {
      const s = board.signalPlan.states[state];
      for (const field of [
        'signs',
        'triggers',
        'clientActions',
        'networkActions',
        'professionalActions',
      ] as const)
        if (s[field]) signalText(doc, state, field).insert(0, s[field]);
      if (s.callName || s.callPhone) setCallContact(doc, state, { name: s.callName, phone: s.callPhone });
    }
  });
}
