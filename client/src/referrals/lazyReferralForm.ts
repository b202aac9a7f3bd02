import { lazyPart } from '../lazyPart.js';

/** The referral form (with its letters), opened by a button: not needed to show the board. */
export const ReferralForm = lazyPart(() => import('./ReferralForm.js').then((m) => m.ReferralForm));
