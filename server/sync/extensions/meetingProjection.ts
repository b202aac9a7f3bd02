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
    const timer = setTimeout(() => this.flush(documentName), this.options.debounceMs);
    timer.unref();
    this.pending.set(documentName, { timer, doc });
  }

  onStoreDocument({ documentName }: DocumentContext): void {
    this.flush(documentName);
  }

  onDestroy(): void {
    for (const name of [...this.pending.keys()]) this.flush(name);
  }

  /** Projects now (e.g. before minutes are written at the close of a meeting). */
  flush(documentName: string): void {
    const entry = this.pending.get(documentName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(documentName);
    const name = parseDocumentName(documentName);
    if (name?.kind !== 'meeting-case') return;
    try {
      this.actions.project(name.meetingId, name.caseId, entry.doc);
    } catch (error) {
      this.log.error('projecting meeting actions failed', { document: documentName, error: String(error) });
    }
  }
}
