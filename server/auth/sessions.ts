import type { SessionUser } from '../../shared/api.js';
import type { Data, Executor } from '../storage/data.js';
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

/** Server-side sessions: the cookie holds a random token; the database holds its hash. */
export function sessionStore(data: Data, options: SessionOptions) {
  const { db } = data;
  /** The session and its person (not a disabled one), with whether two-factor sign-in is on. */
  const select = (idHash: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('professionals as p', 'p.id', 'u.professional_id')
      .select((eb) => [
        's.id_hash as idHash',
        's.csrf_token as csrfToken',
        's.expires_at as expiresAt',
        's.last_seen_at as lastSeenAt',
        'u.id',
        'u.username',
        'u.display_name as displayName',
        'u.role',
        'u.professional_id as professionalId',
        'p.domain',
        'u.client_case_id as clientCaseId',
        'u.language',
        eb
          .exists(
            eb
              .selectFrom('two_factor as t')
              .select('t.user_id')
              .whereRef('t.user_id', '=', 'u.id')
              .where('t.enabled_at', 'is not', null),
          )
          .as('twoFactorOn'),
      ])
      .where('s.id_hash', '=', idHash)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  const selectLive = (idHash: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select((eb) => [
        's.expires_at as expiresAt',
        's.last_seen_at as lastSeenAt',
        'u.role',
        eb
          .exists(
            eb
              .selectFrom('two_factor as t')
              .select('t.user_id')
              .whereRef('t.user_id', '=', 'u.id')
              .where('t.enabled_at', 'is not', null),
          )
          .as('twoFactorOn'),
      ])
      .where('s.id_hash', '=', idHash)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  const touch = async (at: Date, idHash: string) => {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: at.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  };
  const remove = async (idHash: string) => {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  };
  const idleMs = options.idleMinutes * 60_000;
  const lastTouched = new Map<string, number>();
  const twoFactorRoles = new Set(options.twoFactorRoles ?? []);
  // EXISTS is true/false on PostgreSQL and 1/0 on SQLite.
  const limited = (role: SessionUser['role'], twoFactorIsOn: unknown) =>
    twoFactorRoles.has(role) && !twoFactorIsOn;

  return {
    async create(userId: string, now = new Date()): Promise<{ token: string; csrfToken: string }> {
      const token = newToken();
      const csrfToken = newToken();
      const expires = new Date(now.getTime() + options.maxHours * 3_600_000);
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashToken(token),
          user_id: userId,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expires.toISOString(),
          last_seen_at: now.toISOString(),
        })
        .execute();
      return { token, csrfToken };
    },
    /** The live session for a cookie token, or null when unknown, expired or idle too long. */
    async get(token: string | undefined, now = new Date()): Promise<Session | null> {
      if (!token) return null;
      const row = await select(hashToken(token));
      if (!row) return null;
      if (row.expiresAt < now.toISOString() || Date.parse(row.lastSeenAt) + idleMs < now.getTime()) {
        await remove(row.idHash);
        return null;
      }
      if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) await touch(now, row.idHash);
      const { idHash, csrfToken, expiresAt: _e, lastSeenAt: _l, twoFactorOn: on, ...fields } = row;
      const isLimited = limited(fields.role, on);
      const user: SessionUser = isLimited ? { ...fields, twoFactorSetupRequired: true } : fields;
      return { idHash, csrfToken, user, limited: isLimited };
    },
    /**
     * Marks a session as used (editing over a sync connection counts), at most once a minute.
     * Callers may leave it running (`void sessions.touch(id).catch(log)`): nothing waits for it.
     */
    async touch(idHash: string, now = new Date()): Promise<void> {
      const last = lastTouched.get(idHash) ?? 0;
      if (now.getTime() - last < 60_000) return;
      lastTouched.set(idHash, now.getTime());
      await touch(now, idHash);
    },
    /** Whether the session behind an open connection is still valid (and not limited). */
    async isLive(idHash: string, now = new Date()): Promise<boolean> {
      const row = await selectLive(idHash);
      return (
        !!row &&
        row.expiresAt >= now.toISOString() &&
        Date.parse(row.lastSeenAt) + idleMs >= now.getTime() &&
        !limited(row.role, row.twoFactorOn)
      );
    },
    async end(idHash: string): Promise<void> {
      lastTouched.delete(idHash);
      await remove(idHash);
    },
    /** Ends every session of the person; returns how many ended. `tx` inside a caller's write. */
    async endAllOf(userId: string, tx: Executor = db): Promise<number> {
      const result = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Ends every session of the person but this one; returns how many ended. */
    async endOthersOf(userId: string, keepIdHash: string, tx: Executor = db): Promise<number> {
      const result = await tx
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id_hash', '<>', keepIdHash)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async purgeExpired(now = new Date()): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
