import { accessLogItem, caseOfChange, changedItem } from '../../shared/history.js';
import { parseDocumentName } from '../../shared/protocol.js';
import { accessPoint } from '../http/session.js';
import type { Logger } from '../logger.js';
import type { ChangeContext, ConnectionContext, SyncExtension } from '../sync/extension.js';
import type { AccessLog } from './accessLog.js';

export interface ChangeEntriesOptions {
  /** While someone keeps editing, their changes so far are logged at most this often. */
  intervalMs: number;
  /** Items named in one entry; the rest are counted. */
  maxItems: number;
}

const defaults: ChangeEntriesOptions = { intervalMs: 30_000, maxItems: 100 };

/** What one editing session changed in one client's file since its last entry. */
interface Changed {
  items: Set<string>;
  fields: Set<string>;
  added: number;
  removed: number;
  changes: number;
}

/** What the access concern keeps about the connection's grant (SessionAccess, `data.signed`). */
const authorizationOf = (context: ConnectionContext): string | null => {
  const signed = context.data.signed as { authorization?: unknown } | undefined;
  return typeof signed?.authorization === 'string' ? signed.authorization : null;
};

/**
 * NEN 7513 for live edits (SPEC A6, H4): each editing session that changed a client's data writes
 * a `document-change` entry naming what changed (item kinds and ids, field names, counts; never
 * content), when the connection closes and at most every `intervalMs` while editing goes on, so
 * a crash loses little. Changes the server makes through the API are logged there (api-write).
 */
export class ChangeEntries implements SyncExtension {
  private readonly options: ChangeEntriesOptions;
  private readonly sessions = new Map<ConnectionContext, Map<string, Changed>>();
  private timer: NodeJS.Timeout | null = null;
  /** Entries on their way into the log, so that stopping waits for them. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly audit: AccessLog,
    options: Partial<ChangeEntriesOptions> = {},
    private readonly log?: Logger,
  ) {
    this.options = { ...defaults, ...options };
  }

  onChange({ documentName, connection, actor, touched }: ChangeContext): void {
    if (!connection || !actor) return;
    const document = parseDocumentName(documentName);
    if (!document) return;
    let byCase = this.sessions.get(connection);
    for (const path of touched) {
      const changed = changedItem(document, path);
      const caseId = changed && caseOfChange(document, changed);
      if (!changed || !caseId) continue;
      if (!byCase) this.sessions.set(connection, (byCase = new Map()));
      let entry = byCase.get(caseId);
      if (!entry)
        byCase.set(
          caseId,
          (entry = { items: new Set(), fields: new Set(), added: 0, removed: 0, changes: 0 }),
        );
      entry.items.add(accessLogItem(changed));
      if (changed.field) entry.fields.add(`${changed.kind}.${changed.field}`);
      if (changed.action === 'added') entry.added++;
      if (changed.action === 'removed') entry.removed++;
      entry.changes++;
    }
    if (byCase && !this.timer) {
      this.timer = setTimeout(() => this.writeAll(), this.options.intervalMs);
      this.timer.unref();
    }
  }

  onDisconnect(context: ConnectionContext): void {
    this.write(context);
  }

  /** Writes what every session changed so far, and waits until all of it is in the log. */
  async onDestroy(): Promise<void> {
    this.writeAll();
    await Promise.all([...this.pending]);
  }

  private writeAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const context of [...this.sessions.keys()]) this.write(context);
  }

  /**
   * Records the session's entries without waiting (a disconnect or the timer does not wait for
   * the log); a failure is logged, with counts only, and onDestroy waits for what is pending.
   */
  private write(context: ConnectionContext): void {
    const byCase = this.sessions.get(context);
    this.sessions.delete(context);
    if (!byCase || !context.actor) return;
    const { document } = context;
    for (const [caseId, changed] of byCase) {
      const items = [...changed.items];
      this.track(
        this.audit.record({
          event: 'document-change',
          caseId,
          userId: context.actor.userId,
          role: context.actor.role,
          authorization: authorizationOf(context),
          ...accessPoint(context.request),
          details: {
            part: document.kind === 'case' ? document.part : document.kind,
            ...(document.kind === 'case' ? {} : { meetingId: document.meetingId }),
            items: items.slice(0, this.options.maxItems).join(' '),
            ...(items.length > this.options.maxItems
              ? { moreItems: items.length - this.options.maxItems }
              : {}),
            fields: [...changed.fields].sort().join(' '),
            added: changed.added,
            removed: changed.removed,
            changes: changed.changes,
          },
        }),
      );
    }
  }

  private track(recorded: Promise<unknown>): void {
    const done: Promise<void> = recorded.then(
      () => undefined,
      (error: unknown) => this.log?.error('writing a document-change entry failed', { error: String(error) }),
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }
}
