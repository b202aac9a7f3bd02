import { nlSocialMap } from '../i18n/nl/socialMap.js';
import { addPageTexts } from '../i18n/pageTexts.js';

/** The social map's texts, registered by every page that shows a part of it (the map, the board, the link page). */
export const socialMapTexts = () =>
  addPageTexts('socialMap', nlSocialMap, () => import('../i18n/en/socialMap.js').then((m) => m.enSocialMap));
