import { useMemo } from 'react';
import { findTerms } from '../../../shared/glossary.js';
import type { GlossaryAnswer, GlossaryTerm, TermMatch } from '../../../shared/glossary.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';

export interface Glossary {
  /** The same array while the terms do not change, so matching compiles once (shared/glossary.ts). */
  terms: readonly GlossaryTerm[];
  byId: ReadonlyMap<string, GlossaryTerm>;
}

const none: Glossary = { terms: [], byId: new Map() };

/**
 * The shared terms of the signed-in professional's district (SPEC GL5), read once and shared by
 * every text on the page (TanStack Query); nothing for a client, who has no board texts.
 */
export function useGlossary(
  path = '/api/glossary',
): Glossary & { answer: GlossaryAnswer | null; error: string | null } {
  const { user } = useSession();
  const allowed = !!user && user.role !== 'client' && !user.twoFactorSetupRequired;
  // The terms change when an admin edits them (that browser reloads them at once); every card and
  // text shows them, so a card that appears or moves does not read them again for five minutes.
  const { data, error } = useApi<GlossaryAnswer>(allowed ? path : null, { freshForMs: 5 * 60_000 });
  const glossary = useMemo(
    () => (data ? { terms: data.terms, byId: new Map(data.terms.map((t) => [t.id, t])) } : none),
    [data],
  );
  return { ...glossary, answer: data, error };
}

/** Where the terms occur in a text, matched again only when the text or the terms change (GL5). */
export function useTermMatches(text: string, glossary: Glossary): TermMatch[] {
  const { terms } = glossary;
  return useMemo(() => findTerms(text, terms), [text, terms]);
}
