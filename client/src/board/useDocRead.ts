import { replaceEqualDeep } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Plain data read from a Y.Doc (a selector), read again after every change of it. `read` must
 * be a stable function (e.g. one defined at module level), as it is only called when the
 * document changed. What did not change keeps its identity (structural sharing): a goal nobody
 * touched is the same object as before, so a memoised card or an effect on it does not run
 * again when someone types elsewhere on the board. The one hook for reading documents.
 */
export function useDocRead<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const version = useRef(0);
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      const onUpdate = () => {
        version.current++;
        notify();
      };
      doc.on('update', onUpdate);
      // Changes that arrived between the first render and now (e.g. the server's first sync) were
      // not counted: read again once, which React does right after subscribing.
      version.current++;
      return () => doc.off('update', onUpdate);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const c = cache.current;
    if (!c || c.doc !== doc || c.version !== version.current) {
      // The same document: what is equal to what it gave before stays that very object.
      const before = c?.doc === doc ? c.value : undefined;
      cache.current = { doc, version: version.current, value: replaceEqualDeep(before, read(doc)) };
    }
    return cache.current!.value;
  });
}
