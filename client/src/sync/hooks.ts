import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { readBoard } from '../../../shared/doc/board.js';
import type { Board } from '../../../shared/doc/board.js';
import type { CaseDocument, ConnectionState } from './caseDocument.js';
import { DocumentSession } from './documentSession.js';
import { useDocRead } from '../board/useDocRead.js';

const noSession = () => () => {};

/**
 * Opens a case document for as long as the component lives. After a refusal the document is
 * rebuilt from the server (SPEC C3) and this returns the new copy, so the page re-renders with it.
 */
export function useCaseDocument(name: string): CaseDocument | null {
  const [session, setSession] = useState<DocumentSession | null>(null);
  useEffect(() => {
    const opened = new DocumentSession(name);
    setSession(opened);
    return () => opened.destroy();
  }, [name]);
  const document = useSyncExternalStore(session?.subscribe ?? noSession, () => session?.current ?? null);
  return document?.name === name ? document : null;
}

export function useConnectionState(document: CaseDocument): { state: ConnectionState; localReady: boolean } {
  const state = useSyncExternalStore(document.subscribe, () => document.state);
  const localReady = useSyncExternalStore(document.subscribe, () => document.localReady);
  return { state, localReady };
}

/** The board as plain data, re-read after every change of the document (unchanged goals kept). */
export const useBoard = (document: CaseDocument): Board => useDocRead(document.doc, readBoard);

/**
 * Whether the server takes this browser's writes to the document (its access notice, SPEC A2);
 * `onChange` runs when that changes while open (a meeting or case closed, a membership changed),
 * so a page can read its details again.
 */
export function useDocumentAccess(document: CaseDocument, onChange?: () => void): 'read' | 'write' | null {
  const access = useSyncExternalStore(document.subscribe, () => document.access);
  const previous = useRef<{ document: CaseDocument; access: 'read' | 'write' | null } | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const before = previous.current;
    previous.current = { document, access };
    if (before && before.document === document && before.access !== null && before.access !== access)
      changed.current?.();
  }, [document, access]);
  return access;
}
