import type { Board } from './doc/board.js';

/** Payloads of the board versions routes (`/api/cases/:caseId/versions`), shared by both sides. */
export const versionKinds = ['meeting', 'auto', 'relapse'] as const;
/** Why a version was kept: a meeting closed, a while of editing passed, or before a relapse moved goals. */
export type VersionKind = (typeof versionKinds)[number];

export interface VersionSummary {
  id: number;
  kind: VersionKind;
  /** The meeting's title and date for meeting versions; empty for the others (the UI names them). */
  name: string;
  meetingId: string | null;
  createdAt: string;
}

export interface VersionsAnswer {
  versions: VersionSummary[];
}

export interface VersionAnswer {
  version: VersionSummary;
  /** The board as it was then: what can be looked at and restored from it. */
  board: Board;
}
