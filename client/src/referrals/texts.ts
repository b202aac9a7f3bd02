import { nlReferrals } from '../i18n/nl/referrals.js';
import { addPageTexts } from '../i18n/pageTexts.js';

/** The referrals' texts, registered by every page that shows referrals (the inbox and the board). */
export const referralTexts = () =>
  addPageTexts('referrals', nlReferrals, () => import('../i18n/en/referrals.js').then((m) => m.enReferrals));
