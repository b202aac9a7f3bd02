import type { SessionStore } from '../auth/sessions.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';
import type { AccountService } from './accounts.js';

export interface OtherAccountDeps {
  data: Data;
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
export function otherAccountService({ data, accounts, sessions, recheckConnections }: OtherAccountDeps) {
  const find = async (userId: string, tx: Executor = data.db) => {
    const row = await tx
      .selectFrom('users')
      .select([
        'role',
        'client_case_id as clientCaseId',
        'professional_id as professionalId',
        'disabled_at as disabledAt',
      ])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, `userId: no account ${userId}`);
    if (row.professionalId || (row.role !== 'client' && row.role !== 'admin'))
      throw new HttpError(400, "userId: a professional's account is disabled with the professional");
    return row;
  };
  const otherEnabledAdmins = async (tx: Executor, userId: string) => {
    const row = await tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('id', '<>', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  return {
    /**
     * Disables a client's or an admin's account: its unused links stop working, every session
     * ends and its open sync connections close at once. Returns null when it was disabled already.
     */
    async disable(userId: string, byUserId: string, now = new Date()) {
      // The checks and the disabling in one write: two admins disabling each other never both win.
      const result = await data.write(async (trx) => {
        const row = await find(userId, trx);
        if (row.disabledAt) return null;
        if (userId === byUserId) throw new HttpError(409, 'userId: you cannot disable your own account');
        if (row.role === 'admin' && (await otherEnabledAdmins(trx, userId)) === 0)
          throw new HttpError(409, 'userId: the last enabled administrator cannot be disabled');
        await accounts.setDisabled(userId, true, now, trx);
        return { sessionsEnded: await sessions.endAllOf(userId, trx), clientCaseId: row.clientCaseId };
      });
      if (result) recheckConnections();
      return result;
    },
    /** Enables the account again (the old password works again); null when it was not disabled. */
    async enable(userId: string) {
      const row = await find(userId);
      if (!row.disabledAt) return null;
      await accounts.setDisabled(userId, false);
      return { clientCaseId: row.clientCaseId };
    },
  };
}
export type OtherAccountService = ReturnType<typeof otherAccountService>;
