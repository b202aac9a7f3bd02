import { nlCore } from './nl/core.js';
import { nlBoard } from './nl/board.js';
import { nlAccess } from './nl/access.js';
import { nlConsent } from './nl/consent.js';
import { nlRecovery } from './nl/recovery.js';
import { nlMeeting } from './nl/meeting.js';
import { nlMyPlan } from './nl/myPlan.js';
import { nlActions } from './nl/actions.js';
import { nlHistory } from './nl/history.js';
import { nlVersions } from './nl/versions.js';
import { nlSync } from './nl/sync.js';
import { nlSignIn } from './nl/signIn.js';
import { nlRights } from './nl/rights.js';
import { nlIntake } from './nl/intake.js';
import { nlAdmin } from './nl/admin.js';

/** Dutch, the first language of the app, by area of the app. Keys are shared with en.ts. */
export const nl = {
  ...nlCore,
  ...nlBoard,
  ...nlAccess,
  ...nlConsent,
  ...nlRecovery,
  ...nlMeeting,
  ...nlMyPlan,
  ...nlActions,
  ...nlHistory,
  ...nlVersions,
  ...nlSync,
  ...nlSignIn,
  ...nlRights,
  ...nlIntake,
  ...nlAdmin,
};
