import { parseDocumentName } from '../../../shared/protocol.js';
import type { ActionStore } from '../../meetings/actions.js';
import type { Logger } from '../../logger.js';
import type { ChangeContext, DocumentContext, SyncExtension } from '../extension.js';

/**
 * Keeps the SQL rows of meeting actions (and the perspectives discussed) in step with the meeting
 * documents: shortly after a change and before a document leaves memory.
 */
export class MeetingProjection implements SyncExtension {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; doc: ChangeContext['doc'] }>();

  constructor(
    private readonly actions: ActionStore,
    private readonly options: { debounceMs: number },
    private readonly log: Logger,
  ) {}

  onChange({ documentName, doc }: ChangeContext): void {
    if (parseDocumentName(documentName)?.kind !== 'meeting-case' || this.pending.has(documentName)) return;
    // flush never rejects: a failed write is logged there.
    const timer = setTimeout(() => void this.flush(documentName), this.options.debounceMs);
    timer.unref();
    this.pending.set(documentName, { timer, doc });
  }

  onStoreDocument({ documentName }: DocumentContext): Promise<void> {
    return this.flush(documentName);
  }

  async onDestroy(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((name) => this.flush(name)));
  }

  /**
   * Projects now (e.g. before minutes are written at the close of a meeting). The document is
   * read before this returns; the promise resolves once the rows are written, and never rejects:
   * a failure is logged (the document name only).
   */
  async flush(documentName: string): Promise<void> {
    const entry = this.pending.get(documentName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(documentName);
    const name = parseDocumentName(documentName);
    if (name?.kind !== 'meeting-case') return;
    try {
      await this.actions.project(name.meetingId, name.caseId, entry.doc);
    } catch (error) {
      this.log.error('projecting meeting actions failed', { document: documentName, error: String(error) });
    }
  }
}
