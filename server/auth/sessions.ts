import type { Db } from '../db/database.js';
import type { SessionUser } from '../../shared/api.js';
import { hashToken, newToken } from './tokens.js';

export interface SessionOptions {
  /** A session ends this long after it was last used. */
  idleMinutes: number;
  /** And at the latest this long after sign-in. */
  maxHours: number;
}

export interface Session {
  idHash: string;
  user: SessionUser;
  csrfToken: string;
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
}

/** Server-side sessions: the cookie holds a random token; the database holds its hash. */
export function sessionStore(db: Db, options: SessionOptions) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string], Row>(`
    SELECT s.id_hash AS idHash, s.csrf_token AS csrfToken, s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt,
           u.id, u.username, u.display_name AS displayName, u.role, u.professional_id AS professionalId,
           p.domain, u.client_case_id AS clientCaseId, u.language
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN professionals p ON p.id = u.professional_id
    WHERE s.id_hash = ? AND u.disabled_at IS NULL`);
  const selectLive = db.prepare<[string], { expiresAt: string; lastSeenAt: string }>(`
    SELECT s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id_hash = ? AND u.disabled_at IS NULL`);
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  const idleMs = options.idleMinutes * 60_000;
  const lastTouched = new Map<string, number>();

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
      const { idHash, csrfToken, expiresAt: _e, lastSeenAt: _l, ...user } = row;
      return { idHash, csrfToken, user };
    },
    /** Marks a session as used (editing over a sync connection counts), at most once a minute. */
    touch(idHash: string, now = new Date()): void {
      const last = lastTouched.get(idHash) ?? 0;
      if (now.getTime() - last < 60_000) return;
      lastTouched.set(idHash, now.getTime());
      touch.run(now.toISOString(), idHash);
    },
    /** Whether the session behind an open connection is still valid. */
    isLive(idHash: string, now = new Date()): boolean {
      const row = selectLive.get(idHash);
      return (
        !!row && row.expiresAt >= now.toISOString() && Date.parse(row.lastSeenAt) + idleMs >= now.getTime()
      );
    },
    end(idHash: string): void {
      lastTouched.delete(idHash);
      remove.run(idHash);
    },
    endAllOf(userId: string): void {
      removeForUser.run(userId);
    },
    purgeExpired(now = new Date()): void {
      removeExpired.run(now.toISOString());
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
