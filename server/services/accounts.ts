import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/api.js';
import type { Role } from '../../shared/permissions.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

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
function refusePassword(field: string, password: string, names: string[]): void {
  const problem = passwordProblem(password, names);
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

export function accountService(db: Db, hooks: AccountHooks = {}) {
  const insert = db.prepare(`INSERT INTO users
    (id, username, display_name, role, professional_id, client_case_id, password_hash, created_at)
    VALUES (@id, @username, @displayName, @role, @professionalId, @clientCaseId, @passwordHash, @createdAt)`);
  const byUsername = db.prepare<
    [string],
    { id: string; passwordHash: string | null; disabledAt: string | null }
  >('SELECT id, password_hash AS passwordHash, disabled_at AS disabledAt FROM users WHERE username = ?');
  const byId = db.prepare<[string], { passwordHash: string | null; username: string; displayName: string }>(
    'SELECT password_hash AS passwordHash, username, display_name AS displayName FROM users WHERE id = ?',
  );
  // A new password ends the other sessions of that person (SPEC AS5); a reset ends them all and
  // every browser must pass the second step again.
  const endOtherSessions = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?');
  const forgetSecondStep = db.prepare('UPDATE sign_in_devices SET two_factor_until = NULL WHERE user_id = ?');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const insertInvitation = db.prepare(
    'INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  // At most one link per account is usable: a new one revokes the ones before it.
  const revokeInvitations = db.prepare(
    'UPDATE invitations SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL',
  );
  const invitation = db.prepare<
    [string],
    {
      userId: string;
      expiresAt: string;
      usedAt: string | null;
      revokedAt: string | null;
      displayName: string;
      username: string;
    }
  >(`SELECT i.user_id AS userId, i.expires_at AS expiresAt, i.used_at AS usedAt, i.revoked_at AS revokedAt,
     u.display_name AS displayName, u.username
     FROM invitations i JOIN users u ON u.id = i.user_id
     WHERE i.token_hash = ? AND u.disabled_at IS NULL`); // a leaver's link never works
  const useInvitation = db.prepare(
    'UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL',
  );
  const clearPassword = db.prepare('UPDATE users SET password_hash = NULL WHERE id = ?');
  const setDisabled = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');
  const setLanguage = db.prepare('UPDATE users SET language = ? WHERE id = ?');
  const adminCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin'");
  const userOfCase = db.prepare<[string], { id: string; username: string }>(
    "SELECT id, username FROM users WHERE role = 'client' AND client_case_id = ?",
  );

  const create = (user: NewUser): string => {
    const id = randomUUID();
    if (byUsername.get(user.username))
      throw new HttpError(409, `username: ${user.username} is already taken`);
    insert.run({
      id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      professionalId: user.professionalId ?? null,
      clientCaseId: user.clientCaseId ?? null,
      passwordHash: user.passwordHash ?? null,
      createdAt: new Date().toISOString(),
    });
    return id;
  };

  /** A one-time link token for setting a password; valid for a week. Earlier unused links stop working. */
  const invite = (
    userId: string,
    createdBy: string,
    now = new Date(),
  ): { token: string; expiresAt: string } => {
    const token = newToken();
    const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
    db.transaction(() => {
      revokeInvitations.run(now.toISOString(), userId);
      insertInvitation.run(hashToken(token), userId, createdBy, now.toISOString(), expiresAt);
    })();
    return { token, expiresAt };
  };

  return {
    create,
    /** The user id when username and password match an active account; null otherwise. */
    async authenticate(username: string, password: string): Promise<string | null> {
      const row = byUsername.get(username);
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
      const user = byId.get(userId);
      if (!(await verifyPassword(current, user?.passwordHash ?? null))) {
        throw new HttpError(400, 'currentPassword: is not your current password');
      }
      refusePassword('newPassword', next, [user?.username ?? '', user?.displayName ?? '']);
      const hash = await hashPassword(next);
      const ended = db.transaction(() => {
        setHash.run(hash, userId);
        return endOtherSessions.run(userId, keepSession).changes;
      })();
      if (ended > 0) hooks.sessionsEnded?.();
      return ended;
    },
    setLanguage(userId: string, language: SessionUser['language']): void {
      setLanguage.run(language, userId);
    },
    hasAdmin: () => (adminCount.get()?.n ?? 0) > 0,
    /** The client's own account on a case, if they have one. */
    clientUserOfCase: (caseId: string) => userOfCase.get(caseId) ?? null,
    invite,
    /**
     * Account recovery (the admin's): the old password stops working and the account gets one new
     * link; the caller ends the account's sessions.
     */
    recover(userId: string, createdBy: string, now = new Date()): { token: string; expiresAt: string } {
      return db.transaction(() => {
        clearPassword.run(userId);
        return invite(userId, createdBy, now);
      })();
    },
    /**
     * Disables an account (a leaver) or enables it again. Disabling revokes its unused links; the
     * caller ends its sessions. Its password stays, so an enabled account signs in as before.
     */
    setDisabled(userId: string, disabled: boolean, now = new Date()): void {
      db.transaction(() => {
        setDisabled.run(disabled ? now.toISOString() : null, userId);
        if (disabled) revokeInvitations.run(now.toISOString(), userId);
      })();
    },
    /** Who an invitation is for, if it can still be used. */
    invitation(token: string, now = new Date()) {
      const row = invitation.get(hashToken(token));
      if (!row || row.usedAt || row.revokedAt || row.expiresAt < now.toISOString()) return null;
      return row;
    },
    async acceptInvitation(token: string, password: string, now = new Date()): Promise<string> {
      const row = invitation.get(hashToken(token));
      if (!row || row.usedAt || row.revokedAt || row.expiresAt < now.toISOString()) {
        throw new HttpError(410, 'token: this invitation link has expired or was used already');
      }
      refusePassword('password', password, [row.username, row.displayName]);
      const hash = await hashPassword(password);
      db.transaction(() => {
        if (useInvitation.run(now.toISOString(), hashToken(token)).changes !== 1) {
          throw new HttpError(410, 'token: this invitation link was used already');
        }
        setHash.run(hash, row.userId);
        // A password set through a link is a reset when the account had sessions: they all end.
        endOtherSessions.run(row.userId, '');
        forgetSecondStep.run(row.userId);
      })();
      hooks.sessionsEnded?.();
      return row.userId;
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
