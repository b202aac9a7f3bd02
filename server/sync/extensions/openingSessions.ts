import { parse as parseCookie } from 'cookie';
import type { Session, SessionStore } from '../../auth/sessions.js';
import { sessionCookie } from '../../http/session.js';

export interface OpeningSessionsOptions {
  /** How long one lookup serves the connections of the same session that open after it. */
  keepMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const defaults = { keepMs: 1_000, now: Date.now };
/** More sessions opening within `keepMs` than this: the expired ones are forgotten first. */
const maxKept = 1_000;

interface Kept {
  lookup: Promise<Session | null>;
  until: number;
}

/**
 * The session of a connection that opens, looked up once for the connections of that session
 * that open together (a board with many panes, a reconnect after a network drop): the lookup is
 * kept for `keepMs` at most, never past the session's own end, and forgotten at once on every
 * re-check of open connections, which is what a sign-out, an ended session or a changed account
 * triggers on every instance (SPEC A4). A connection that opened during a re-check is checked
 * again right after it opened (SyncServer), so a kept lookup never lets a signed-out one in.
 * A limited session (two-factor sign-in still to set up) counts as none.
 */
export class OpeningSessions {
  private readonly kept = new Map<string, Kept>();
  private readonly options: Required<OpeningSessionsOptions>;

  constructor(
    private readonly sessions: Pick<SessionStore, 'getWithEnd'>,
    options: OpeningSessionsOptions = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  get(cookieHeader: string | undefined): Promise<Session | null> {
    const token = cookieHeader ? parseCookie(cookieHeader)[sessionCookie] : undefined;
    if (!token) return Promise.resolve(null);
    const now = this.options.now();
    const known = this.kept.get(token);
    if (known && known.until > now) return known.lookup;
    if (this.kept.size >= maxKept) this.forgetEnded(now);
    const kept: Kept = { lookup: Promise.resolve(null), until: now + this.options.keepMs };
    kept.lookup = this.lookUp(token, now, kept);
    this.kept.set(token, kept);
    return kept.lookup;
  }

  /** Forgets every kept lookup: sessions or accounts changed. */
  forget(): void {
    this.kept.clear();
  }

  private async lookUp(token: string, now: number, kept: Kept): Promise<Session | null> {
    const drop = () => {
      if (this.kept.get(token) === kept) this.kept.delete(token);
    };
    const found = await this.sessions.getWithEnd(token, new Date(now)).catch((error: unknown) => {
      drop();
      throw error;
    });
    if (!found || found.session.limited) {
      drop();
      return null;
    }
    kept.until = Math.min(kept.until, found.endsAt);
    return found.session;
  }

  private forgetEnded(now: number): void {
    for (const [token, kept] of this.kept) if (kept.until <= now) this.kept.delete(token);
    if (this.kept.size >= maxKept) this.kept.clear();
  }
}
