import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The sections of the plan that the page shows folded, as their heading only (a button that
 * opens them). The page decides, not each section: on a phone the plan itself comes first and
 * the parts a client uses now and then are one tap away; on a wide screen everything is open.
 */
export const FoldedSections = createContext<ReadonlySet<string>>(new Set());

/** Whether the section with this id starts folded on this page. */
export const useFolded = (id: string): boolean => useContext(FoldedSections).has(id);

/** The width below which the plan is laid out for a phone (as in myplan.css). */
const narrowQuery = '(max-width: 40rem)';

const subscribe = (listener: () => void) => {
  const media = window.matchMedia(narrowQuery);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
};

/** True on a phone-width screen; follows the screen when it turns or the window changes size. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(narrowQuery).matches,
    () => false,
  );
}
