import { nlGlossary } from '../i18n/nl/glossary.js';
import { addPageTexts } from '../i18n/pageTexts.js';

/** The shared terms' texts, registered by every page that shows them (the board, the terms page, the admin). */
export const glossaryTexts = () =>
  addPageTexts('glossary', nlGlossary, () => import('../i18n/en/glossary.js').then((m) => m.enGlossary));
