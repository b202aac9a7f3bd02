import { useCallback, useState } from 'react';

const key = 'veelzijdig.boardSections';

function read(): Record<string, boolean> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/**
 * Whether a section of the board is open, remembered in this browser across boards and visits
 * (only the section's name and a flag: nothing of the client).
 */
export function useRememberedOpen(section: string, openAtFirst: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => read()[section] ?? openAtFirst);
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      try {
        localStorage.setItem(key, JSON.stringify({ ...read(), [section]: next }));
      } catch {
        // Private mode or full storage: it is remembered for this page only.
      }
    },
    [section],
  );
  return [open, setOpen];
}
