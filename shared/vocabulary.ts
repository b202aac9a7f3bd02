/**
 * The words of the domain as plain constants, without schemas: what a page needs to list or
 * name them (the client's plan among them) without downloading zod. `domain.ts` adds the schemas.
 */

/** The four life domains a recovery goal belongs to (rows of the board). */
export const lifeDomains = ['care', 'housing', 'income', 'work'] as const;
export type LifeDomain = (typeof lifeDomains)[number];

/** The default recovery phases (columns of the board), in their fixed order. */
export const recoveryPhases = ['treatment', 'transition', 'rebuilding', 'sustaining'] as const;
export type RecoveryPhase = (typeof recoveryPhases)[number];

export const goalStatuses = ['open', 'active', 'achieved', 'stalled', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** The five default perspectives (lenses), in the fixed neutral order the UI always uses. */
export const defaultPerspectives = [
  'patient',
  'unemployed',
  'refugee',
  'low-literacy',
  'ex-detainee',
] as const;
export type DefaultPerspective = (typeof defaultPerspectives)[number];

/** Their English names: the English UI's texts (a custom perspective may match neither language). */
export const defaultPerspectiveNamesEn: Record<DefaultPerspective, string> = {
  patient: 'Patient',
  unemployed: 'Job seeker',
  refugee: 'Refugee',
  'low-literacy': 'Low literacy',
  'ex-detainee': 'Ex-detainee',
};

/** Their Dutch names: the UI's texts, and what the server writes into Dutch minutes. */
export const defaultPerspectiveNamesNl: Record<DefaultPerspective, string> = {
  patient: 'Patiënt',
  unemployed: 'Werkzoekende',
  refugee: 'Vluchteling',
  'low-literacy': 'Laaggeletterd',
  'ex-detainee': 'Ex-gedetineerde',
};

/** Professionals work either in the medical (GP, POH-GGZ, FACT…) or the social domain. */
export const professionalDomains = ['medical', 'social'] as const;
export type ProfessionalDomain = (typeof professionalDomains)[number];

/** A score on the five-step face scale: 1 (very bad) to 5 (very good). */
export const faceScores = [1, 2, 3, 4, 5] as const;
export type FaceScore = (typeof faceScores)[number];
