import type { SessionUser } from '../../../shared/api.js';
import { colorFor } from '../../../shared/presence.js';
import { closeCodes } from '../../../shared/protocol.js';
import type { AccessLog } from '../../audit/accessLog.js';
import type { SessionStore } from '../../auth/sessions.js';
import { accessPoint, sessionFromHeaders } from '../../http/session.js';
import { viewerOf } from '../../services/access.js';
import { FactsCache } from '../../services/documentAccess.js';
import type { DocumentAccess } from '../../services/documentAccess.js';
import type { AwarenessEntry } from '../awarenessCodec.js';
import type { ConnectionContext, SyncExtension, UpdateContext } from '../extension.js';
import { SyncRefusal } from '../extension.js';

interface Signed {
  sessionIdHash: string;
  user: SessionUser;
  authorization: string;
  openedAt: number;
  /** The `document-open` entry, named by the close so a crash's open sessions can be found (interrupted.ts). */
  openEntryId: number;
}

export interface SessionAccessOptions {
  sessions: SessionStore;
  /** Who may open which document (cases, meetings); see services/documentAccess.ts. */
  grant: DocumentAccess;
  audit: AccessLog;
  /** Origins whose pages may open sync connections (cross-site WebSocket hijacking). */
  allowedOrigins: () => ReadonlySet<string>;
  /**
   * Several instances: this one's name, written into each `document-open`, so after a crash it
   * closes only its own sessions as interrupted, never those open on another instance (SPEC A6).
   */
  instance?: string;
}

const signed = (context: ConnectionContext) => context.data.signed as Signed | undefined;

/** The one reason for a document that does not exist and one the person may not open (A3). */
export const noAccess = 'no access to this document';

/**
 * Who may open which document: the session cookie names the person (4401 without one), the
 * Origin must be one of ours (4403), and the person needs a grant on the document (membership,
 * coordinator, consent; else 4403, the same for a case or meeting that does not exist). Read-only
 * members are marked read-only. Every opening, refusal
 * and editing session goes to the access log. Presence identity comes from the session.
 */
export class SessionAccess implements SyncExtension {
  constructor(private readonly options: SessionAccessOptions) {}

  async onConnect(context: ConnectionContext): Promise<void> {
    const { request, document } = context;
    const point = accessPoint(request);
    const refuse = async (code: number, reason: string, user?: SessionUser, missing = false) => {
      await this.options.audit.record({
        event: 'document-refused',
        outcome: 'refused',
        caseId: missing ? null : document.caseId,
        userId: user?.id ?? null,
        role: user?.role ?? null,
        ...point,
        details: { ...documentDetails(context), code, reason, ...(missing ? { missing } : {}) },
      });
      return new SyncRefusal(code as never, reason);
    };
    const origin = request.headers.origin;
    if (origin && !this.options.allowedOrigins().has(origin))
      throw await refuse(closeCodes.forbidden, 'origin not allowed');
    const session = await sessionFromHeaders(this.options.sessions, request.headers.cookie);
    if (!session) throw await refuse(closeCodes.notSignedIn, 'not signed in');
    const grant = await this.options.grant(viewerOf(session.user), document);
    // An unknown case or meeting gets exactly the answer of someone else's (A3): the socket must
    // not tell anyone whether a case id exists. Only the access log knows which it was.
    if (!grant || grant === 'missing') {
      throw await refuse(closeCodes.forbidden, noAccess, session.user, grant === 'missing');
    }
    const opened = await this.options.audit.record({
      event: 'document-open',
      caseId: document.caseId,
      userId: session.user.id,
      role: session.user.role,
      authorization: grant.authorization,
      ...point,
      details: {
        ...documentDetails(context),
        access: grant.access,
        ...(this.options.instance ? { instance: this.options.instance } : {}),
      },
    });
    context.readOnly = grant.access === 'read';
    context.actor = { userId: session.user.id, role: session.user.role };
    context.data.signed = {
      sessionIdHash: session.idHash,
      user: session.user,
      authorization: grant.authorization,
      openedAt: Date.now(),
      openEntryId: opened.id,
    } satisfies Signed;
  }

  async checkAccess(context: ConnectionContext): Promise<void> {
    const me = signed(context);
    if (!me) return;
    // Taken before the first await, so every check the re-check starts in one go shares the pass.
    const pass = this.pass();
    let live = pass.sessions.get(me.sessionIdHash);
    if (live === undefined) {
      live = Promise.resolve(this.options.sessions.isLive(me.sessionIdHash));
      pass.sessions.set(me.sessionIdHash, live);
    }
    if (!(await live)) throw new SyncRefusal(closeCodes.notSignedIn, 'session ended');
    const grant = await this.options.grant(viewerOf(me.user), context.document, pass.facts);
    if (!grant || grant === 'missing') throw new SyncRefusal(closeCodes.forbidden, 'access was withdrawn');
    context.readOnly = grant.access === 'read';
  }

  /**
   * Facts read during one re-check of all connections (the checks start in the same tick), shared
   * between connections of the same case and session (hundreds of connections cost one query per
   * case), then forgotten.
   */
  private currentPass: { facts: FactsCache; sessions: Map<string, Promise<boolean>> } | null = null;
  private pass() {
    if (!this.currentPass) {
      this.currentPass = { facts: new FactsCache(), sessions: new Map() };
      queueMicrotask(() => (this.currentPass = null));
    }
    return this.currentPass;
  }

  /** Editing the board is using the app: it keeps the session from running idle. */
  beforeApplyUpdate({ connection }: UpdateContext): void {
    const me = signed(connection);
    // Fire and forget: the edit does not wait for the session's last-seen time to be written.
    if (me) void Promise.resolve(this.options.sessions.touch(me.sessionIdHash)).catch(() => undefined);
  }

  beforeAwareness(context: ConnectionContext, entries: AwarenessEntry[]): void {
    const me = signed(context);
    if (!me) return;
    const user = { id: me.user.id, name: me.user.displayName, color: colorFor(me.user.id) };
    for (const entry of entries) if (entry.state) entry.state.user = user;
  }

  onDisconnect(context: ConnectionContext): void {
    const me = signed(context);
    if (!me) return;
    // Not awaited: the socket is gone already; a failure to log it is reported, never thrown here.
    void Promise.resolve(
      this.options.audit.record({
        event: 'document-close',
        caseId: context.document.caseId,
        userId: me.user.id,
        role: me.user.role,
        authorization: me.authorization,
        ...accessPoint(context.request),
        details: {
          ...documentDetails(context),
          openId: me.openEntryId,
          seconds: Math.round((Date.now() - me.openedAt) / 1000),
        },
      }),
    ).catch((error: unknown) => console.error('document-close entry failed', String(error)));
  }
}

/** What the access log says about which document: the part of a case, or the meeting. */
function documentDetails({ document }: ConnectionContext): Record<string, string> {
  if (document.kind === 'case') return { part: document.part };
  return { part: document.kind, meetingId: document.meetingId };
}
