/** Languages offered first at intake and on the board; any ISO 639 code is accepted by the server. */
export const offeredLanguages = ['nl', 'en', 'tr', 'ar', 'ti', 'pl', 'so', 'fa', 'uk'];

/** The choices for a client's language: the offered ones, and the client's own if it is another. */
export const languageChoices = (current: string | null) =>
  current && !offeredLanguages.includes(current) ? [...offeredLanguages, current] : offeredLanguages;
