import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import type { AccountService } from './accounts.js';

export interface OtherAccountDeps {
  db: Db;
  accounts: AccountService;
  sessions: SessionStore;
  /** Open sync connections are checked again (a disabled client's close at once, SPEC A4). */
  recheckConnections(): void;
}

/**
 * Disabling and enabling the accounts that are not a professional's (clients and admins; a
 * professional's account goes with the professional). An admin never disables their own account,
 * and the last enabled admin stays enabled, so the organisation is never locked out (SPEC PP13).
 */
export function otherAccountService({ db, accounts, sessions, recheckConnections }: OtherAccountDeps) {
  const account = db.prepare<
    [string],
    { role: string; clientCaseId: string | null; professionalId: string | null; disabledAt: string | null }
  >(
    `SELECT role, client_case_id AS clientCaseId, professional_id AS professionalId, disabled_at AS disabledAt
     FROM users WHERE id = ?`,
  );
  const otherEnabledAdmins = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> ?",
  );

  const find = (userId: string) => {
    const row = account.get(userId);
    if (!row) throw new HttpError(404, `userId: no account ${userId}`);
    if (row.professionalId || (row.role !== 'client' && row.role !== 'admin'))
      throw new HttpError(400, "userId: a professional's account is disabled with the professional");
    return row;
  };

  return {
    /**
     * Disables a client's or an admin's account: its unused links stop working, every session
     * ends and its open sync connections close at once. Returns null when it was disabled already.
     */
    disable(userId: string, byUserId: string, now = new Date()) {
      const result = db.transaction(() => {
        const row = find(userId);
        if (row.disabledAt) return null;
        if (userId === byUserId) throw new HttpError(409, 'userId: you cannot disable your own account');
        if (row.role === 'admin' && otherEnabledAdmins.get(userId)!.n === 0)
          throw new HttpError(409, 'userId: the last enabled administrator cannot be disabled');
        accounts.setDisabled(userId, true, now);
        return { sessionsEnded: sessions.endAllOf(userId), clientCaseId: row.clientCaseId };
      })();
      if (result) recheckConnections();
      return result;
    },
    /** Enables the account again (the old password works again); null when it was not disabled. */
    enable(userId: string) {
      const row = find(userId);
      if (!row.disabledAt) return null;
      accounts.setDisabled(userId, false);
      return { clientCaseId: row.clientCaseId };
    },
  };
}
export type OtherAccountService = ReturnType<typeof otherAccountService>;
