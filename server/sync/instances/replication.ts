import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../../logger.js';
import type { StoredUpdate } from '../../storage/documentLog.js';
import type { AppliedSequence } from '../extensions/appliedSequence.js';
import type { DocumentReplication } from '../documentRegistry.js';
import type { SharedDocument } from '../sharedDocument.js';
import type { Bus } from './bus.js';

/** The origin of what another instance changed: applied here, never stored or published again. */
export const fromOtherInstance = Symbol('another instance');

/** What replication reads of the document log: the missed updates and how far each log is. */
export interface ReplicationLog {
  load(name: string, afterSeq: number): Promise<StoredUpdate[]>;
  heads(names: readonly string[]): Promise<Map<string, number>>;
}

export interface ReplicationOptions {
  /** How long a gap in the sequence may stay open before the missing updates are read back. */
  gapWaitMs: number;
  /** How often every loaded document's head is compared with what this copy applied (safety net). */
  checkEveryMs: number;
}

interface Copy {
  document: SharedDocument;
  applied: AppliedSequence;
  unsubscribe: () => void;
  gapTimer: NodeJS.Timeout | null;
  /** The timer must read back whatever it finds (a load, a reconnect), not only a gap still open. */
  readAnyway: boolean;
  /** The highest sequence known to exist in the log (heard of, or seen in its head). */
  known: number;
  catchingUp: Promise<void> | null;
}

const encodeUpdate = (seq: number, update: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, seq);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
};

const decodeUpdate = (payload: Uint8Array) => {
  const decoder = decoding.createDecoder(payload);
  return { seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) };
};

/**
 * Keeps the copies of a document on several instances the same (SPEC SI2). The log in the
 * database is the truth: an update is published (with its sequence) only after it was stored,
 * and an instance applies what it receives at once. A sequence it has not seen before the one
 * received is a gap: what is missing is read back from the log after `gapWaitMs` (the message
 * may just be late), and so is everything after a dropped bus connection; every `checkEveryMs`
 * the heads of all loaded documents are compared, so even a lost last message is found.
 * Presence travels the same way, without the database (it is not kept).
 */
export class Replication implements DocumentReplication {
  private readonly copies = new Map<string, Copy>();
  private readonly timer: NodeJS.Timeout | null;
  private readonly stopReconnect: () => void;

  constructor(
    private readonly bus: Bus,
    private readonly log: ReplicationLog,
    /** Through which sequence a loaded copy holds every update (Persistence keeps it). */
    private readonly appliedOf: (doc: Y.Doc) => AppliedSequence | undefined,
    private readonly options: ReplicationOptions,
    private readonly logger: Logger,
  ) {
    this.stopReconnect = bus.onReconnect(() => this.catchUpAll());
    this.timer =
      options.checkEveryMs > 0 ? setInterval(() => void this.checkHeads(), options.checkEveryMs) : null;
    this.timer?.unref();
  }

  /** A document is loaded here: follow the others' changes to it. */
  attach(document: SharedDocument): void {
    const name = document.name;
    const applied = this.appliedOf(document.doc);
    if (!applied) return; // not from the log (a test's document): nothing to follow
    const unsubscribeUpdates = this.bus.subscribe(`doc:${name}`, (payload) => this.received(name, payload));
    const unsubscribeAwareness = this.bus.subscribe(`aw:${name}`, (payload) =>
      document.applyRemoteAwareness(payload, fromOtherInstance),
    );
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      // Another instance's state, or one that ran out here: each instance times out on its own.
      if (origin === fromOtherInstance || origin === 'timeout') return;
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      this.bus.publish(`aw:${name}`, awarenessProtocol.encodeAwarenessUpdate(document.awareness, changed));
    };
    document.awareness.on('update', onAwareness);
    this.copies.set(name, {
      document,
      applied,
      gapTimer: null,
      readAnyway: false,
      known: applied.through,
      catchingUp: null,
      unsubscribe: () => {
        unsubscribeUpdates();
        unsubscribeAwareness();
        document.awareness.off('update', onAwareness);
      },
    });
    // Changes stored by others between this copy's load and the subscription.
    this.scheduleReadBack(name);
  }

  /** The document left memory here. */
  detach(document: SharedDocument): void {
    const copy = this.copies.get(document.name);
    if (!copy || copy.document !== document) return;
    copy.unsubscribe();
    if (copy.gapTimer) clearTimeout(copy.gapTimer);
    copy.gapTimer = null;
    this.copies.delete(document.name);
    this.ended();
  }

  /** A change made here was stored with sequence `seq`: tell the others. */
  stored(document: SharedDocument, seq: number, update: Uint8Array): void {
    this.bus.publish(`doc:${document.name}`, encodeUpdate(seq, update));
    const copy = this.copies.get(document.name);
    if (!copy || copy.document !== document) return;
    copy.known = Math.max(copy.known, seq);
    // Our sequence may leave a gap (another instance's append before it, not heard of yet).
    if (this.lacking(copy)) this.scheduleCatchUp(document.name);
  }

  private received(name: string, payload: Uint8Array): void {
    const copy = this.copies.get(name);
    if (!copy) return;
    const { seq, update } = decodeUpdate(payload);
    if (seq <= copy.applied.through) return;
    this.apply(copy, update);
    copy.applied.add(seq);
    copy.known = Math.max(copy.known, seq);
    if (this.lacking(copy)) this.scheduleCatchUp(name);
  }

  /** Whether the log holds an update this copy has not applied (as far as this instance knows). */
  private lacking(copy: Copy): boolean {
    return copy.applied.through < copy.known || copy.applied.gapped;
  }

  private apply(copy: Copy, update: Uint8Array): void {
    Y.applyUpdate(copy.document.doc, update, fromOtherInstance);
  }

  /**
   * After `gapWaitMs`, reads back what is still missing then; a gap that the late message closed
   * meanwhile costs no query.
   */
  private scheduleCatchUp(name: string): void {
    const copy = this.copies.get(name);
    if (!copy || copy.gapTimer) return;
    copy.gapTimer = setTimeout(() => {
      copy.gapTimer = null;
      if (copy.readAnyway || this.lacking(copy)) void this.catchUp(name);
      copy.readAnyway = false;
      this.ended();
    }, this.options.gapWaitMs);
    copy.gapTimer.unref();
  }

  /** Reads back at once whatever the log holds past this copy (after a load or a reconnect). */
  private scheduleReadBack(name: string): void {
    const copy = this.copies.get(name);
    if (!copy) return;
    if (copy.gapTimer) clearTimeout(copy.gapTimer);
    copy.readAnyway = false;
    copy.gapTimer = setTimeout(() => {
      copy.gapTimer = null;
      void this.catchUp(name);
      this.ended();
    }, 0);
    copy.gapTimer.unref();
  }

  /** Reads what this copy lacks from the log and applies it (SPEC ST3). */
  private catchUp(name: string): Promise<void> {
    const copy = this.copies.get(name);
    if (!copy) return Promise.resolve();
    copy.catchingUp ??= (async () => {
      try {
        const after = copy.applied.through;
        const rows = await this.log.load(name, after);
        if (this.copies.get(name) !== copy || rows.length === 0) return;
        copy.document.doc.transact(() => {
          for (const row of rows) Y.applyUpdate(copy.document.doc, row.data, fromOtherInstance);
        }, fromOtherInstance);
        // The rows after `after` hold every update through the last one (a merged state included).
        copy.applied.coverThrough(rows.at(-1)!.seq);
      } catch (error) {
        this.logger.warn('reading missed changes failed; trying again', { error: String(error) });
        copy.readAnyway = true;
        this.scheduleCatchUp(name);
      } finally {
        copy.catchingUp = null;
        this.ended();
      }
    })();
    return copy.catchingUp;
  }

  private catchUpAll(): void {
    for (const name of this.copies.keys()) this.scheduleReadBack(name);
  }

  /** The safety net: a document whose log is ahead of this copy is read back. */
  private async checkHeads(): Promise<void> {
    const names = [...this.copies.keys()];
    if (names.length === 0) return;
    try {
      const heads = await this.log.heads(names);
      for (const [name, head] of heads) {
        const copy = this.copies.get(name);
        if (!copy || head <= copy.applied.through) continue;
        // The message of the newest update may still be on its way: read back only what is
        // still missing after the gap wait.
        copy.known = Math.max(copy.known, head);
        this.scheduleCatchUp(name);
      }
    } catch (error) {
      this.logger.warn('comparing document heads failed', { error: String(error) });
    }
  }

  /** Resolves once no gap is waited for and no read-back is under way (tests). */
  async settled(): Promise<void> {
    const busy = () => [...this.copies.values()].some((c) => c.gapTimer !== null || c.catchingUp !== null);
    while (busy()) await new Promise<void>((resolve) => this.whenQuiet.push(resolve));
  }

  private readonly whenQuiet: (() => void)[] = [];
  /** A wait or a read-back ended: whoever waits for `settled` looks again. */
  private ended(): void {
    for (const resolve of this.whenQuiet.splice(0)) resolve();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.stopReconnect();
    for (const copy of this.copies.values()) this.detach(copy.document);
  }
}
