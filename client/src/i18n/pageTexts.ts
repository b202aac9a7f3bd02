import i18next from 'i18next';

type Texts = Record<string, unknown>;
const english = new Map<string, () => Promise<Texts>>();

async function loadEnglish(ns: string, load: () => Promise<Texts>): Promise<void> {
  if (!i18next.hasResourceBundle('en', ns)) i18next.addResourceBundle('en', ns, await load());
}

/**
 * The texts of a page that download with the page instead of with every page (the client's plan
 * does not carry the board's words): a namespace of its own, Dutch at once, English when chosen.
 * Resolves when the texts can be shown in the current language; calling it again does nothing new.
 */
export function addPageTexts(ns: string, nl: Texts, en: () => Promise<Texts>): Promise<void> {
  if (!i18next.hasResourceBundle('nl', ns)) i18next.addResourceBundle('nl', ns, nl);
  english.set(ns, en);
  return i18next.language === 'en' ? loadEnglish(ns, en) : Promise.resolve();
}

/** Before switching to English: the English texts of every page opened so far. */
export async function loadPageTexts(lng: string): Promise<void> {
  if (lng !== 'en') return;
  await Promise.all([...english].map(([ns, load]) => loadEnglish(ns, load)));
}
