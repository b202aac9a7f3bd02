import type { Db } from '../db/database.js';
import type { SessionUser } from '../../shared/api.js';
import { hashToken, newToken } from './tokens.js';

export interface SessionOptions {
  /** A session ends this long after it was last used. */
  idleMinutes: number;
  /** And at the latest this long after sign-in. */
  maxHours: number;
  /**
   * Roles that must have two-factor sign-in set up (REQUIRE_2FA). Until they do, their session is
   * `limited`: it opens the set-up page and nothing else (no case, no document).
   */
  twoFactorRoles?: readonly SessionUser['role'][];
}

export interface Session {
  idHash: string;
  user: SessionUser;
  csrfToken: string;
  /** Two-factor sign-in is required for this person and not set up yet: only the set-up works. */
  limited: boolean;
}

interface Row {
  idHash: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
  id: string;
  username: string;
  displayName: string;
  role: SessionUser['role'];
  professionalId: string | null;
  domain: SessionUser['domain'];
  clientCaseId: string | null;
  language: SessionUser['language'];
  twoFactorOn: number;
}

/** Server-side sessions: the cookie holds a random token; the database holds its hash. */
export function sessionStore(db: Db, options: SessionOptions) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string], Row>(`
    SELECT s.id_hash AS idHash, s.csrf_token AS csrfToken, s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt,
           u.id, u.username, u.display_name AS displayName, u.role, u.professional_id AS professionalId,
           p.domain, u.client_case_id AS clientCaseId, u.language,
           EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL) AS twoFactorOn
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN professionals p ON p.id = u.professional_id
    WHERE s.id_hash = ? AND u.disabled_at IS NULL`);
  const selectLive = db.prepare<
    [string],
    { expiresAt: string; lastSeenAt: string; role: SessionUser['role']; twoFactorOn: number }
  >(`
    SELECT s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt, u.role,
           EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL) AS twoFactorOn
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id_hash = ? AND u.disabled_at IS NULL`);
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeOthersOfUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  const idleMs = options.idleMinutes * 60_000;
  const lastTouched = new Map<string, number>();
  const twoFactorRoles = new Set(options.twoFactorRoles ?? []);
  const limited = (role: SessionUser['role'], twoFactorOn: number) =>
    twoFactorRoles.has(role) && !twoFactorOn;

  return {
    create(userId: string, now = new Date()): { token: string; csrfToken: string } {
      const token = newToken();
      const csrfToken = newToken();
      const expires = new Date(now.getTime() + options.maxHours * 3_600_000);
      insert.run(
        hashToken(token),
        userId,
        csrfToken,
        now.toISOString(),
        expires.toISOString(),
        now.toISOString(),
      );
      return { token, csrfToken };
    },
    /** The live session for a cookie token, or null when unknown, expired or idle too long. */
    get(token: string | undefined, now = new Date()): Session | null {
      if (!token) return null;
      const row = select.get(hashToken(token));
      if (!row) return null;
      if (row.expiresAt < now.toISOString() || Date.parse(row.lastSeenAt) + idleMs < now.getTime()) {
        remove.run(row.idHash);
        return null;
      }
      if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) touch.run(now.toISOString(), row.idHash);
      const { idHash, csrfToken, expiresAt: _e, lastSeenAt: _l, twoFactorOn, ...fields } = row;
      const isLimited = limited(fields.role, twoFactorOn);
      const user: SessionUser = isLimited ? { ...fields, twoFactorSetupRequired: true } : fields;
      return { idHash, csrfToken, user, limited: isLimited };
    },
    /** Marks a session as used (editing over a sync connection counts), at most once a minute. */
    touch(idHash: string, now = new Date()): void {
      const last = lastTouched.get(idHash) ?? 0;
      if (now.getTime() - last < 60_000) return;
      lastTouched.set(idHash, now.getTime());
      touch.run(now.toISOString(), idHash);
    },
    /** Whether the session behind an open connection is still valid (and not limited). */
    isLive(idHash: string, now = new Date()): boolean {
      const row = selectLive.get(idHash);
      return (
        !!row &&
        row.expiresAt >= now.toISOString() &&
        Date.parse(row.lastSeenAt) + idleMs >= now.getTime() &&
        !limited(row.role, row.twoFactorOn)
      );
    },
    end(idHash: string): void {
      lastTouched.delete(idHash);
      remove.run(idHash);
    },
    endAllOf(userId: string): number {
      return removeForUser.run(userId).changes;
    },
    /** Ends every session of the person but this one; returns how many ended. */
    endOthersOf(userId: string, keepIdHash: string): number {
      return removeOthersOfUser.run(userId, keepIdHash).changes;
    },
    purgeExpired(now = new Date()): void {
      removeExpired.run(now.toISOString());
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
