import type { ComponentType } from 'react';

/**
 * The texts that are i18n namespaces of their own (client/src/i18n/pageTexts.ts), each downloaded
 * with the first page that shows them, so the entry and the client's plan do not carry them.
 */
const loaders = {
  socialMap: () => import('./socialMap/texts.js').then((m) => m.socialMapTexts()),
  glossary: () => import('./glossary/texts.js').then((m) => m.glossaryTexts()),
  referrals: () => import('./referrals/texts.js').then((m) => m.referralTexts()),
  collaborationHealth: () =>
    import('./collaborationHealth/texts.js').then((m) => m.collaborationHealthTexts()),
};

/** A page (or a part of one), shown once the named texts can be shown in the current language. */
export async function withTexts<P extends object = object>(
  page: Promise<ComponentType<P>>,
  ...texts: (keyof typeof loaders)[]
): Promise<ComponentType<P>> {
  const [component] = await Promise.all([page, ...texts.map((name) => loaders[name]())]);
  return component;
}
