import { parseDocumentName } from '../../../shared/protocol.js';
import type { SummaryStore } from '../../caseload/summaries.js';
import type { Logger } from '../../logger.js';
import type { ChangeContext, DocumentContext, SyncExtension } from '../extension.js';

/** Longest stretch of projecting before edits get their turn. */
const sliceMs = 5;

export interface ProjectionOptions {
  /** Wait this long after a change before projecting, so a burst of typing costs one write. */
  debounceMs: number;
}

/**
 * Keeps each case's summary row (the caseload's source) up to date: shortly after its board
 * changes (at most `debounceMs` later; the boards that changed meanwhile are written together),
 * when it is loaded without a row, and before it leaves memory.
 */
export class Projection implements SyncExtension {
  private readonly pending = new Map<string, { doc: ChangeContext['doc']; changedAt: Date }>();
  /** One wait for all boards: what changed during it is written together (one statement). */
  private tick: NodeJS.Timeout | null = null;
  /** Milliseconds spent projecting, for the benchmark. */
  readonly timings: number[] = [];

  constructor(
    private readonly summaries: Pick<SummaryStore, 'has' | 'project'>,
    private readonly options: ProjectionOptions,
    private readonly log: Logger,
  ) {}

  async onLoadDocument({ documentName, doc }: DocumentContext): Promise<void> {
    const caseId = boardCaseId(documentName);
    if (!caseId) return;
    try {
      if (await this.summaries.has(caseId)) return;
    } catch (error) {
      this.log.error('reading a case summary failed', { caseId, error: String(error) });
      return;
    }
    await this.run(caseId, doc, null);
  }

  onChange({ documentName, doc }: ChangeContext): void {
    if (!boardCaseId(documentName)) return;
    this.pending.set(documentName, { doc, changedAt: new Date() });
    if (this.tick) return;
    // flushAll never rejects: a failed write is logged in run.
    this.tick = setTimeout(() => void this.flushAll(), this.options.debounceMs);
    this.tick.unref();
  }

  onStoreDocument({ documentName }: DocumentContext): Promise<void> {
    return this.flush(documentName);
  }

  async onDestroy(): Promise<void> {
    await this.flushAll();
  }

  /** Writes every board that changed since the last write, together. Never rejects. */
  private async flushAll(): Promise<void> {
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
    const writes: Promise<void>[] = [];
    let sliceStart = performance.now();
    for (const name of [...this.pending.keys()]) {
      writes.push(this.flush(name));
      // Reading hundreds of boards is CPU work: let edits through every few milliseconds (the
      // rows read meanwhile still go to the database together).
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    await Promise.all(writes);
  }

  /** Writes what waits for this document now; the board is read before it returns. Never rejects. */
  private flush(documentName: string): Promise<void> {
    const entry = this.pending.get(documentName);
    if (!entry) return Promise.resolve();
    this.pending.delete(documentName);
    return this.run(boardCaseId(documentName)!, entry.doc, entry.changedAt);
  }

  /** Projects one board; a failure is logged (the case id only), never thrown. */
  private async run(caseId: string, doc: ChangeContext['doc'], changedAt: Date | null): Promise<void> {
    const start = performance.now();
    try {
      await this.summaries.project(caseId, doc, changedAt);
    } catch (error) {
      this.log.error('projecting a case summary failed', { caseId, error: String(error) });
    }
    this.timings.push(performance.now() - start);
    if (this.timings.length > 10_000) this.timings.splice(0, 5_000);
  }
}

function boardCaseId(documentName: string): string | null {
  const parsed = parseDocumentName(documentName);
  return parsed?.kind === 'case' && parsed.part === 'shared' ? parsed.caseId : null;
}
