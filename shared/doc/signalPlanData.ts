import type { SignalState } from '../risk.js';
import { signalStates } from '../risk.js';
import type { RelapseKind } from './signalPlanShape.js';

/**
 * The signal plan as plain data, without Yjs: what the client's plan reads from the server and
 * shows. `signalPlan.ts` reads and writes it in the board document.
 */
export const signalStateTextFields = [
  'signs',
  'triggers',
  'clientActions',
  'networkActions',
  'professionalActions',
] as const;
export type SignalStateTextField = (typeof signalStateTextFields)[number];

export interface SignalStatePlan {
  signs: string;
  triggers: string;
  clientActions: string;
  networkActions: string;
  professionalActions: string;
  callName: string;
  callPhone: string;
}

export interface SignalPlan {
  relapseKinds: RelapseKind[];
  protectiveFactors: string;
  states: Record<SignalState, SignalStatePlan>;
}

/** Whether the team wrote signs for at least one state. */
export const hasSignalPlan = (plan: SignalPlan) =>
  signalStates.some((s) => plan.states[s].signs.trim() !== '');
