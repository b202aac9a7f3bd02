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
export function accountService(db: Db) {
  const insert = db.prepare(`INSERT INTO users
    (id, username, display_name, role, professional_id, client_case_id, password_hash, created_at)
    VALUES (@id, @username, @displayName, @role, @professionalId, @clientCaseId, @passwordHash, @createdAt)`);
  const byUsername = db.prepare<
    [string],
    { id: string; passwordHash: string | null; disabledAt: string | null }
  >('SELECT id, password_hash AS passwordHash, disabled_at AS disabledAt FROM users WHERE username = ?');
  const byId = db.prepare<[string], { passwordHash: string | null }>(
    'SELECT password_hash AS passwordHash FROM users WHERE id = ?',
  );
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const insertInvitation = db.prepare(
    'INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const invitation = db.prepare<
    [string],
    { userId: string; expiresAt: string; usedAt: string | null; displayName: string; username: string }
  >(`SELECT i.user_id AS userId, i.expires_at AS expiresAt, i.used_at AS usedAt, u.display_name AS displayName, u.username
     FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = ?`);
  const useInvitation = db.prepare(
    'UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  );
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

  return {
    create,
    /** The user id when username and password match an active account; null otherwise. */
    async authenticate(username: string, password: string): Promise<string | null> {
      const row = byUsername.get(username);
      const ok = await verifyPassword(password, row?.passwordHash ?? null);
      return ok && row && !row.disabledAt ? row.id : null;
    },
    async changePassword(userId: string, current: string, next: string): Promise<void> {
      if (!(await verifyPassword(current, byId.get(userId)?.passwordHash ?? null))) {
        throw new HttpError(400, 'currentPassword: is not your current password');
      }
      const problem = passwordProblem(next);
      if (problem) throw new HttpError(400, `newPassword: ${problem}`);
      setHash.run(await hashPassword(next), userId);
    },
    setLanguage(userId: string, language: SessionUser['language']): void {
      setLanguage.run(language, userId);
    },
    hasAdmin: () => (adminCount.get()?.n ?? 0) > 0,
    /** The client's own account on a case, if they have one. */
    clientUserOfCase: (caseId: string) => userOfCase.get(caseId) ?? null,
    /** A one-time link token for setting a password; valid for a week. */
    invite(userId: string, createdBy: string, now = new Date()): { token: string; expiresAt: string } {
      const token = newToken();
      const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
      insertInvitation.run(hashToken(token), userId, createdBy, now.toISOString(), expiresAt);
      return { token, expiresAt };
    },
    /** Who an invitation is for, if it can still be used. */
    invitation(token: string, now = new Date()) {
      const row = invitation.get(hashToken(token));
      if (!row || row.usedAt || row.expiresAt < now.toISOString()) return null;
      return row;
    },
    async acceptInvitation(token: string, password: string, now = new Date()): Promise<string> {
      const row = invitation.get(hashToken(token));
      if (!row || row.usedAt || row.expiresAt < now.toISOString()) {
        throw new HttpError(410, 'token: this invitation link has expired or was used already');
      }
      const problem = passwordProblem(password);
      if (problem) throw new HttpError(400, `password: ${problem}`);
      const hash = await hashPassword(password);
      db.transaction(() => {
        if (useInvitation.run(now.toISOString(), hashToken(token)).changes !== 1) {
          throw new HttpError(410, 'token: this invitation link was used already');
        }
        setHash.run(hash, row.userId);
      })();
      return row.userId;
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
