import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { readBoard } from '../../../shared/doc/board.js';
import type { Board } from '../../../shared/doc/board.js';
import { CaseDocument } from './caseDocument.js';
import type { ConnectionState } from './caseDocument.js';

/** Opens a case document for as long as the component lives. */
export function useCaseDocument(name: string): CaseDocument | null {
  const [document, setDocument] = useState<CaseDocument | null>(null);
  useEffect(() => {
    const opened = new CaseDocument(name);
    setDocument(opened);
    return () => opened.destroy();
  }, [name]);
  return document;
}

export function useConnectionState(document: CaseDocument): { state: ConnectionState; localReady: boolean } {
  const state = useSyncExternalStore(document.subscribe, () => document.state);
  const localReady = useSyncExternalStore(document.subscribe, () => document.localReady);
  return { state, localReady };
}

/** The board as plain data, re-read after every change of the document. */
export function useBoard(document: CaseDocument): Board {
  const cache = useRef<{ version: number; board: Board } | null>(null);
  return useSyncExternalStore(document.subscribeChanges, () => {
    if (!cache.current || cache.current.version !== document.version) {
      cache.current = { version: document.version, board: readBoard(document.doc) };
    }
    return cache.current.board;
  });
}
