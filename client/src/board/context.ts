import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CaseDetails, CaseMember } from '../../../shared/api.js';
import type { PerspectiveId } from '../../../shared/domain.js';
import type { PerspectiveState } from '../../../shared/doc/board.js';
import type { Peer } from '../sync/presence.js';
import type { LatestChanges } from './history/latestChanges.js';

/** What every part of an open board needs: the document, the people, presence. */
export interface BoardContextValue {
  doc: Y.Doc;
  awareness: Awareness;
  caseDetails: CaseDetails;
  members: Map<string, CaseMember>;
  peers: Peer[];
  perspectives: PerspectiveState[];
  highlighted: PerspectiveId | null;
  setHighlighted(id: PerspectiveId | null): void;
  openGoal(id: string | null): void;
  today: string;
  /** Read-only members see the board live but cannot change it. */
  readOnly: boolean;
  /** Who changed each goal and perspective last (SPEC H3). */
  latest: LatestChanges;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

/**
 * What a goal card needs, apart from its goal: kept apart from the board's context, which changes
 * whenever anyone types in a perspective, so the cards do not render again then.
 */
export interface CardContextValue {
  members: Map<string, CaseMember>;
  /** Each perspective's own label (null for a default one, named by the translations). */
  labels: ReadonlyMap<PerspectiveId, string | null>;
  peers: Peer[];
  highlighted: PerspectiveId | null;
  openGoal(id: string | null): void;
  today: string;
  readOnly: boolean;
  latest: LatestChanges;
}

export const CardContext = createContext<CardContextValue | null>(null);

export function useCardContext(): CardContextValue {
  const value = useContext(CardContext);
  if (!value) throw new Error('useCardContext outside a board');
  return value;
}

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside a board');
  return value;
}
