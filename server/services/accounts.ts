import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/api.js';
import type { Role } from '../../shared/permissions.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  professionalId?: string | null;
  clientCaseId?: string | null;
  passwordHash?: string | null;
}

const invitationDays = 7;

/** Accounts, passwords and one-time invitation links. */
/** A new password that breaks the rule (shared/passwordPolicy.ts): 400 with a code the pages translate. */
async function refusePassword(field: string, password: string, names: string[]): Promise<void> {
  const problem = await passwordProblem(password, names);
  if (problem)
    throw new HttpError(400, `${field}: ${problem.message}`, {
      code: problem.code,
      warning: problem.warning,
    });
}

export interface AccountHooks {
  /** Sessions of someone ended (a password was changed or reset): open sync connections are checked. */
  sessionsEnded?(): void;
}

export function accountService(data: Data, hooks: AccountHooks = {}) {
  const { db } = data;
  /** `work` in the caller's transaction when there is one, else in a write of its own. */
  const inWrite = <T>(tx: Executor | undefined, work: (trx: Executor) => Promise<T>): Promise<T> =>
    tx ? work(tx) : data.write(work);

  // Usernames are unique whatever their case: matched on lower(username), the same on both engines.
  const byUsername = (username: string, tx: Executor = db) =>
    tx
      .selectFrom('users')
      .select(['id', 'password_hash as passwordHash', 'disabled_at as disabledAt'])
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
  const byId = (userId: string) =>
    db
      .selectFrom('users')
      .select(['password_hash as passwordHash', 'username', 'display_name as displayName'])
      .where('id', '=', userId)
      .executeTakeFirst();
  // A new password ends the other sessions of that person (SPEC AS5); a reset ends them all and
  // every browser must pass the second step again.
  const endOtherSessions = async (tx: Executor, userId: string, keepIdHash: string) => {
    const result = await tx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id_hash', '<>', keepIdHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  };
  const setHash = (tx: Executor, userId: string, hash: string | null) =>
    tx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
  // At most one link per account is usable: a new one revokes the ones before it.
  const revokeInvitations = (tx: Executor, userId: string, now: Date) =>
    tx
      .updateTable('invitations')
      .set({ revoked_at: now.toISOString() })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
  const invitationOf = (token: string) =>
    db
      .selectFrom('invitations as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select([
        'i.user_id as userId',
        'i.expires_at as expiresAt',
        'i.used_at as usedAt',
        'i.revoked_at as revokedAt',
        'u.display_name as displayName',
        'u.username',
      ])
      .where('i.token_hash', '=', hashToken(token))
      .where('u.disabled_at', 'is', null) // a leaver's link never works
      .executeTakeFirst();

  /** A new account; in the caller's transaction when `tx` is given (an intake, a new professional). */
  const create = async (user: NewUser, tx: Executor = db): Promise<string> => {
    const id = randomUUID();
    if (await byUsername(user.username, tx))
      throw new HttpError(409, `username: ${user.username} is already taken`);
    await tx
      .insertInto('users')
      .values({
        id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        professional_id: user.professionalId ?? null,
        client_case_id: user.clientCaseId ?? null,
        password_hash: user.passwordHash ?? null,
        created_at: new Date().toISOString(),
      })
      .execute();
    return id;
  };

  /**
   * A one-time link token for setting a password; valid for a week. Earlier unused links stop
   * working. In the caller's transaction when `tx` is given.
   */
  const invite = async (
    userId: string,
    createdBy: string,
    now = new Date(),
    tx?: Executor,
  ): Promise<{ token: string; expiresAt: string }> => {
    const token = newToken();
    const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
    await inWrite(tx, async (trx) => {
      await revokeInvitations(trx, userId, now);
      await trx
        .insertInto('invitations')
        .values({
          token_hash: hashToken(token),
          user_id: userId,
          created_by: createdBy,
          created_at: now.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
    });
    return { token, expiresAt };
  };

  return {
    create,
    /** The user id when username and password match an active account; null otherwise. */
    async authenticate(username: string, password: string): Promise<string | null> {
      const row = await byUsername(username);
      const ok = await verifyPassword(password, row?.passwordHash ?? null);
      return ok && row && !row.disabledAt ? row.id : null;
    },
    /** Changes one's own password; every other session of the person ends. Returns how many ended. */
    async changePassword(
      userId: string,
      current: string,
      next: string,
      keepSession: string,
    ): Promise<number> {
      const user = await byId(userId);
      if (!(await verifyPassword(current, user?.passwordHash ?? null))) {
        throw new HttpError(400, 'currentPassword: is not your current password');
      }
      await refusePassword('newPassword', next, [user?.username ?? '', user?.displayName ?? '']);
      const hash = await hashPassword(next);
      const ended = await data.write(async (trx) => {
        await setHash(trx, userId, hash);
        return endOtherSessions(trx, userId, keepSession);
      });
      if (ended > 0) hooks.sessionsEnded?.();
      return ended;
    },
    async setLanguage(userId: string, language: SessionUser['language']): Promise<void> {
      await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
    },
    async hasAdmin(): Promise<boolean> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'admin')
        .executeTakeFirst();
      return Number(row?.n ?? 0) > 0;
    },
    /** The client's own account on a case, if they have one. */
    clientUserOfCase: async (caseId: string, tx: Executor = db) =>
      (await tx
        .selectFrom('users')
        .select(['id', 'username'])
        .where('role', '=', 'client')
        .where('client_case_id', '=', caseId)
        .executeTakeFirst()) ?? null,
    invite,
    /**
     * Account recovery (the admin's): the old password stops working and the account gets one new
     * link; the caller ends the account's sessions.
     */
    recover(
      userId: string,
      createdBy: string,
      now = new Date(),
      tx?: Executor,
    ): Promise<{ token: string; expiresAt: string }> {
      return inWrite(tx, async (trx) => {
        await setHash(trx, userId, null);
        return invite(userId, createdBy, now, trx);
      });
    },
    /**
     * Disables an account (a leaver) or enables it again. Disabling revokes its unused links; the
     * caller ends its sessions. Its password stays, so an enabled account signs in as before.
     */
    async setDisabled(userId: string, disabled: boolean, now = new Date(), tx?: Executor): Promise<void> {
      await inWrite(tx, async (trx) => {
        await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? now.toISOString() : null })
          .where('id', '=', userId)
          .execute();
        if (disabled) await revokeInvitations(trx, userId, now);
      });
    },
    /** Who an invitation is for, if it can still be used. */
    async invitation(token: string, now = new Date()) {
      const row = await invitationOf(token);
      if (!row || row.usedAt || row.revokedAt || row.expiresAt < now.toISOString()) return null;
      return row;
    },
    async acceptInvitation(token: string, password: string, now = new Date()): Promise<string> {
      const row = await invitationOf(token);
      if (!row || row.usedAt || row.revokedAt || row.expiresAt < now.toISOString()) {
        throw new HttpError(410, 'token: this invitation link has expired or was used already');
      }
      await refusePassword('password', password, [row.username, row.displayName]);
      const hash = await hashPassword(password);
      await data.write(async (trx) => {
        const used = await trx
          .updateTable('invitations')
          .set({ used_at: now.toISOString() })
          .where('token_hash', '=', hashToken(token))
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) {
          throw new HttpError(410, 'token: this invitation link was used already');
        }
        await setHash(trx, row.userId, hash);
        // A password set through a link is a reset when the account had sessions: they all end.
        await endOtherSessions(trx, row.userId, '');
        await trx
          .updateTable('sign_in_devices')
          .set({ two_factor_until: null })
          .where('user_id', '=', row.userId)
          .execute();
      });
      hooks.sessionsEnded?.();
      return row.userId;
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
