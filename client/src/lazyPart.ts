import type { ComponentType } from 'react';
import { page } from './pageFrame.js';

/**
 * A part of a page that only some moments need (the goal editor, a form one button opens): its
 * code is not in what the page must download before it can show, yet it is fetched the moment
 * the page's own code runs, so the part opens at once later, offline too. A failed fetch is tried
 * again when the part is shown (and then says so, as a page does).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const early = load().catch(() => null);
  return page(async () => (await early) ?? load());
}
