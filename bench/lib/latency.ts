import type * as Y from 'yjs';

/**
 * Edit-to-everyone latency. An edit is identified by its author's Yjs client id and the clock
 * the author's state reached with it, so nothing is embedded in the document: a receiver "has"
 * the edit once its state vector for that author reaches that clock (Yjs integrates an author's
 * changes in clock order). An edit's latency is the time until the last other client of its
 * board has it.
 */
interface Edit {
  sentAt: number;
  clock: number;
  remaining: number;
  measured: boolean;
}

export class Recorder {
  readonly latencies: number[] = [];
  /** Measured edits not yet at every receiver. */
  pending = 0;
  sent = 0;

  record(edit: Edit, now: number): void {
    if (!edit.measured) return;
    this.pending--;
    this.latencies.push(now - edit.sentAt);
  }
}

export class BoardLatency {
  private readonly edits = new Map<number, Edit[]>();
  /** Per receiver: per author, the index of the first edit it does not have yet. */
  private readonly cursors: Map<number, number>[];

  constructor(
    private readonly recorder: Recorder,
    private readonly clientCount: number,
  ) {
    this.cursors = Array.from({ length: clientCount }, () => new Map<number, number>());
  }

  /** Watches a receiver's document for remote changes. */
  watch(receiver: number, doc: Y.Doc): void {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      for (const [author, after] of tr.afterState) {
        if (after > (tr.beforeState.get(author) ?? 0)) this.arrived(receiver, author, after, now);
      }
    });
  }

  /** The author made an edit that brought its clock to `clock`. */
  sent(author: number, clock: number, sentAt: number, measured: boolean): void {
    if (this.clientCount < 2) return;
    const list = this.edits.get(author) ?? [];
    list.push({ sentAt, clock, remaining: this.clientCount - 1, measured });
    this.edits.set(author, list);
    if (measured) {
      this.recorder.pending++;
      this.recorder.sent++;
    }
  }

  private arrived(receiver: number, author: number, clock: number, now: number): void {
    const list = this.edits.get(author);
    if (!list) return;
    const cursors = this.cursors[receiver]!;
    let i = cursors.get(author) ?? 0;
    for (; i < list.length && list[i]!.clock <= clock; i++) {
      const edit = list[i]!;
      edit.remaining--;
      if (edit.remaining === 0) this.recorder.record(edit, now);
    }
    cursors.set(author, i);
  }
}

export interface LatencySummary {
  p50Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  maxMs: number | null;
  edits: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentiles of the recorded latencies. */
export function summarize(latencies: readonly number[]): LatencySummary {
  if (latencies.length === 0) return { p50Ms: null, p99Ms: null, meanMs: null, maxMs: null, edits: 0 };
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(mean),
    maxMs: round(sorted.at(-1)!),
    edits: sorted.length,
  };
}
