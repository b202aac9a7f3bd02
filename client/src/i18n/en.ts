import type { nl } from './nl.js';
import type { Translation } from './types.js';
import { enCore } from './en/core.js';
import { enBoard } from './en/board.js';
import { enAccess } from './en/access.js';
import { enConsent } from './en/consent.js';
import { enRecovery } from './en/recovery.js';
import { enMeeting } from './en/meeting.js';
import { enMyPlan } from './en/myPlan.js';
import { enActions } from './en/actions.js';
import { enHistory } from './en/history.js';
import { enVersions } from './en/versions.js';
import { enSync } from './en/sync.js';
import { enSignIn } from './en/signIn.js';
import { enRights } from './en/rights.js';
import { enIntake } from './en/intake.js';
import { enAdmin } from './en/admin.js';

/** English, the second language; every area is typed against its Dutch original. */
export const en: Translation<typeof nl> = {
  ...enCore,
  ...enBoard,
  ...enAccess,
  ...enConsent,
  ...enRecovery,
  ...enMeeting,
  ...enMyPlan,
  ...enActions,
  ...enHistory,
  ...enVersions,
  ...enSync,
  ...enSignIn,
  ...enRights,
  ...enIntake,
  ...enAdmin,
};
