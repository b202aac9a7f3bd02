import type { SessionStore } from '../auth/sessions.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import type { AccountService } from './accounts.js';
import type { ProfessionalRow as Row } from './professionalRows.js';

export interface ProfessionalAccountDeps {
  db: Db;
  accounts: AccountService;
  sessions: SessionStore;
  twoFactor: TwoFactorService;
  /** The professional's row; throws a 404 when there is none. */
  find(id: string): Row;
  /** Open sync connections are checked again (a leaver's close at once, SPEC A4). */
  recheckConnections(): void;
}

/**
 * What the admin does to a professional's account: disable it for a leaver, enable it again,
 * and reset a forgotten password (and a lost second step) by a one-time link.
 */
export function professionalAccounts({
  db,
  accounts,
  sessions,
  twoFactor,
  find,
  recheckConnections,
}: ProfessionalAccountDeps) {
  const accountOf = (row: Row): string => {
    if (!row.userId) throw new HttpError(409, 'professionalId: this professional has no account');
    return row.userId;
  };

  return {
    /**
     * A leaver: the account is disabled, its unused links stop working, every session ends and
     * its open sync connections close at once. Returns how many sessions ended, or null when it
     * was disabled already.
     */
    disable(id: string, now = new Date()): { sessionsEnded: number } | null {
      const row = find(id);
      const userId = accountOf(row);
      if (row.disabledAt) return null;
      const sessionsEnded = db.transaction(() => {
        accounts.setDisabled(userId, true, now);
        return sessions.endAllOf(userId);
      })();
      recheckConnections();
      return { sessionsEnded };
    },
    /** Enables a disabled account again (the old password works again); false when it was not disabled. */
    enable(id: string): boolean {
      const row = find(id);
      const userId = accountOf(row);
      if (!row.disabledAt) return false;
      accounts.setDisabled(userId, false);
      return true;
    },

    /**
     * A forgotten password: the old one stops working, every session ends, and the admin gets one
     * new one-time link (an earlier one stops working). With `twoFactor` a lost phone too: the
     * second step is cleared, to be set up again after signing in (required where REQUIRE_2FA is).
     */
    resetPassword(id: string, createdBy: string, options: { twoFactor: boolean }, now = new Date()) {
      const row = find(id);
      const userId = accountOf(row);
      if (row.disabledAt) throw new HttpError(409, 'professionalId: enable the account first');
      const result = db.transaction(() => {
        const link = accounts.recover(userId, createdBy, now);
        const sessionsEnded = sessions.endAllOf(userId);
        const twoFactorReset = options.twoFactor && twoFactor.isEnabled(userId);
        if (twoFactorReset) twoFactor.disable(userId);
        return { ...link, userId, sessionsEnded, twoFactorReset };
      })();
      recheckConnections();
      return result;
    },
  };
}
