import type { SessionStore } from '../auth/sessions.js';
import type { TwoFactorService } from '../auth/twoFactor.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';
import type { AccountService } from './accounts.js';
import type { ProfessionalRow as Row } from './professionalRows.js';

export interface ProfessionalAccountDeps {
  data: Data;
  accounts: AccountService;
  sessions: SessionStore;
  twoFactor: TwoFactorService;
  /** The professional's row; throws a 404 when there is none. */
  find(id: string): Promise<Row>;
  /** Open sync connections are checked again (a leaver's close at once, SPEC A4). */
  recheckConnections(): void;
}

/**
 * What the admin does to a professional's account: disable it for a leaver, enable it again,
 * and reset a forgotten password (and a lost second step) by a one-time link.
 */
export function professionalAccounts({
  data,
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
    async disable(id: string, now = new Date()): Promise<{ sessionsEnded: number } | null> {
      const row = await find(id);
      const userId = accountOf(row);
      if (row.disabledAt) return null;
      const sessionsEnded = await data.write(async (trx) => {
        await accounts.setDisabled(userId, true, now, trx);
        return sessions.endAllOf(userId, trx);
      });
      recheckConnections();
      return { sessionsEnded };
    },
    /** Enables a disabled account again (the old password works again); false when it was not disabled. */
    async enable(id: string): Promise<boolean> {
      const row = await find(id);
      const userId = accountOf(row);
      if (!row.disabledAt) return false;
      await accounts.setDisabled(userId, false);
      return true;
    },

    /**
     * A forgotten password: the old one stops working, every session ends, and the admin gets one
     * new one-time link (an earlier one stops working). With `twoFactor` a lost phone too: the
     * second step is cleared, to be set up again after signing in (required where REQUIRE_2FA is).
     */
    async resetPassword(id: string, createdBy: string, options: { twoFactor: boolean }, now = new Date()) {
      const row = await find(id);
      const userId = accountOf(row);
      if (row.disabledAt) throw new HttpError(409, 'professionalId: enable the account first');
      const { link, sessionsEnded } = await data.write(async (trx) => ({
        link: await accounts.recover(userId, createdBy, now, trx),
        sessionsEnded: await sessions.endAllOf(userId, trx),
      }));
      // The second step after that write: its store keeps its own writes (a password that no
      // longer works and no session left make a failure here harmless; the admin asks again).
      const twoFactorReset = options.twoFactor && (await twoFactor.isEnabled(userId));
      if (twoFactorReset) await twoFactor.disable(userId);
      recheckConnections();
      return { ...link, userId, sessionsEnded, twoFactorReset };
    },
  };
}
