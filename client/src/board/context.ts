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

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside a board');
  return value;
}
