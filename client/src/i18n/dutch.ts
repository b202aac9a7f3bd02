import i18next from 'i18next';

type Texts = Record<string, unknown>;
const waiting: Texts[] = [];

/**
 * Adds one area of the Dutch texts (client/src/i18n/nl/*.ts) to the one translation. Each area
 * calls it when its module is first imported, and each component imports the areas whose words it
 * shows, so the texts travel in the chunk of the pages that use them: the client's plan does not
 * download the board's or the admin's words (issue 14, point 14). Keys stay as they are. An area
 * imported before i18next starts waits and is handed over at the start (`waitingDutch`).
 */
export function addDutch(texts: Texts): void {
  if (i18next.isInitialized) i18next.addResourceBundle('nl', 'translation', texts, true, false);
  else waiting.push(texts);
}

/** The areas imported before i18next started, merged, for its resources at the start. */
export function waitingDutch(): Texts {
  const merged: Texts = {};
  for (const texts of waiting.splice(0)) Object.assign(merged, texts);
  return merged;
}
