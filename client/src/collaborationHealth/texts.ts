import { addPageTexts } from '../i18n/pageTexts.js';
import { nlCollaborationHealth } from './nl.js';

/** The collaboration-health page's texts, registered with its page (pageTexts.ts). */
export const collaborationHealthTexts = () =>
  addPageTexts('collaborationHealth', nlCollaborationHealth, () =>
    import('./en.js').then((m) => m.enCollaborationHealth),
  );
