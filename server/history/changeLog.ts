import { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import { caseOfChange, changedItem } from '../../shared/history.js';
import type { ChangedItem } from '../../shared/history.js';
import { parseDocumentName } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { ChangeContext, SyncExtension } from '../sync/extension.js';
import type { ChangeStore, RowWrite } from './store.js';

export interface ChangeLogOptions {
  /** One person's changes to one field of one item with pauses shorter than this are one row. */
  coalesceMs: number;
  /** How long changes wait in memory before they are written together. */
  flushMs: number;
  /** Rows kept in memory to grow; past this the log writes at once and forgets the oldest. */
  maxOpenRows: number;
  now: () => number;
}

const defaults: ChangeLogOptions = {
  coalesceMs: 5 * 60_000,
  flushMs: 2_000,
  maxOpenRows: 10_000,
  now: Date.now,
};

/** A row that may still grow: its newest change in ms, and `delta` changes not yet written. */
interface OpenRow extends RowWrite {
  lastMs: number;
}

const keyOf = (documentName: string, userId: string, c: ChangedItem) =>
  [documentName, userId, c.kind, c.id ?? '', c.field ?? '', c.action].join('\u0000');

/**
 * Whether a change created the map entry at `path` (a client's question asked, not marked
 * discussed): Yjs links a map entry's new value to the value it replaced.
 */
function isNewEntry(doc: Y.Doc, path: readonly string[]): boolean {
  if (path.length !== 2) return false;
  const root = doc.share.get(path[0]!) as unknown as { _map?: Map<string, { left: unknown }> } | undefined;
  const item = root?._map?.get(path[1]!);
  return !!item && item.left === null;
}

/**
 * Who changed what (SPEC H1, H2): turns every accepted change made by a person into change-log
 * rows (which item, which field, added/changed/removed). Rows grow in memory while the same person
 * keeps changing the same field (H2), and are written in one transaction a short while later,
 * when a document is stored or unloaded, and when the server stops: typing never costs a write
 * per keystroke. The server's own upkeep (defaults, repairs) is nobody's change and not logged.
 */
export class ChangeLog implements SyncExtension {
  private readonly options: ChangeLogOptions;
  private readonly open = new Map<string, OpenRow>();
  /** Rows that can no longer grow but were not written yet. */
  private retired: RowWrite[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The flush under way: flushes run one after the other, so no batch is written twice. */
  private flushing: Promise<void> = Promise.resolve();
  /** Emits `rows` with each batch after it was written (e.g. for "last changed by" on open boards). */
  readonly written = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly store: ChangeStore,
    options: Partial<ChangeLogOptions> = {},
    private readonly log?: Logger,
  ) {
    this.options = { ...defaults, ...options };
  }

  onChange({ documentName, doc, actor, touched }: ChangeContext): void {
    if (!actor) return;
    const document = parseDocumentName(documentName);
    if (!document) return;
    const nowMs = this.options.now();
    const seen = new Set<string>();
    for (const { path, removed } of touched) {
      const changed = changedItem(document, { path, removed, added: !removed && isNewEntry(doc, path) });
      if (!changed) continue;
      const key = keyOf(documentName, actor.userId, changed);
      if (seen.has(key)) continue;
      seen.add(key);
      this.record(
        key,
        { documentName, caseId: caseOfChange(document, changed), userId: actor.userId },
        changed,
        nowMs,
      );
    }
    // The flush logs its own failures and never rejects.
    if (this.open.size + this.retired.length > this.options.maxOpenRows) void this.flush();
    else if (seen.size > 0) this.schedule();
  }

  onStoreDocument(): Promise<void> {
    return this.flush();
  }

  onDestroy(): Promise<void> {
    return this.flush();
  }

  /**
   * Writes what is waiting now (also before the history is read, so it is complete); resolves
   * when it is written, after any flush under way. Never rejects: a failure is logged and kept.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushNow());
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const nowMs = this.options.now();
    const retired = this.retired;
    this.retired = [];
    const batch = [...retired, ...[...this.open.values()].filter((row) => row.delta > 0)];
    // What is written: rows may grow meanwhile, by changes the next flush writes.
    const writes = batch.map((row) => ({ ...row }));
    if (batch.length > 0) {
      try {
        const ids = await this.store.write(writes, new Date(nowMs - this.options.coalesceMs).toISOString());
        batch.forEach((row, index) => {
          row.id = ids[index]!;
          row.delta -= writes[index]!.delta;
          writes[index]!.id = row.id;
        });
        this.written.emit('rows', writes);
      } catch (error) {
        // Kept for the next try, within the bound; the documents themselves are stored anyway.
        this.log?.error('writing the change log failed', { rows: batch.length, error: String(error) });
        this.retired = [...retired, ...this.retired].slice(0, this.options.maxOpenRows);
        this.schedule();
      }
    }
    this.prune(nowMs);
  }

  private record(
    key: string,
    where: Pick<RowWrite, 'documentName' | 'caseId' | 'userId'>,
    changed: ChangedItem,
    nowMs: number,
  ): void {
    const at = new Date(nowMs).toISOString();
    // Filling in what one just added (the title of a new goal) is part of adding it.
    const adding =
      changed.action === 'changed'
        ? this.growing(
            keyOf(where.documentName, where.userId, { ...changed, field: null, action: 'added' }),
            nowMs,
          )
        : undefined;
    const row = adding ?? this.growing(key, nowMs);
    if (row) {
      row.lastAt = at;
      row.lastMs = nowMs;
      row.delta++;
      return;
    }
    const stale = this.open.get(key);
    if (stale && stale.delta > 0) this.retired.push(stale);
    this.open.delete(key); // re-inserted last, so the map stays ordered by age
    this.open.set(key, {
      ...where,
      kind: changed.kind,
      itemId: changed.id,
      parentId: changed.parentId,
      field: changed.field,
      action: changed.action,
      firstAt: at,
      lastAt: at,
      lastMs: nowMs,
      id: null,
      delta: 1,
    });
  }

  private growing(key: string, nowMs: number): OpenRow | undefined {
    const row = this.open.get(key);
    return row && nowMs - row.lastMs <= this.options.coalesceMs ? row : undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  /** Forgets rows that can no longer grow, and the oldest written ones past the bound. */
  private prune(nowMs: number): void {
    for (const [key, row] of this.open) {
      if (row.delta === 0 && nowMs - row.lastMs > this.options.coalesceMs) this.open.delete(key);
    }
    // Down to nine tenths, so a busy server does not write at every new row once past the bound.
    const keep = Math.floor(this.options.maxOpenRows * 0.9);
    for (const [key, row] of this.open) {
      if (this.open.size <= keep) break;
      if (row.delta === 0) this.open.delete(key);
    }
  }
}
