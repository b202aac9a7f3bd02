import { closeCodes } from '../../../shared/protocol.js';
import type { SyncNotice } from '../../../shared/protocol.js';
import { CaseDocument } from './caseDocument.js';
import type { CaseDocumentOptions } from './caseDocument.js';
import { describeField } from './fieldNames.js';
import { notSaved } from './notSaved.js';
import { recover, RecoveryFailed } from './recovery.js';

/** Refusals of this browser's own changes: each has a way back (SPEC C3). */
const recoverable = new Set<number>([
  closeCodes.malformedMessage,
  closeCodes.tooLarge,
  closeCodes.invalidUpdate,
]);
/** A refusal this soon after a recovery means the recovery itself was refused: stop, never loop. */
export const refusedAgainWithinMs = 60_000;

/**
 * A document as long as a page has it open. Usually one `CaseDocument`; when the server refuses
 * this browser's changes it recovers (recovery.ts) and hands out the new copy, so the pages
 * re-render with it. What was not kept, and what the server cut off when two people typed past a
 * limit (R2), goes to the "not saved" list with its text.
 */
export class DocumentSession {
  current: CaseDocument;
  private readonly listeners = new Set<() => void>();
  private destroyed = false;

  constructor(
    readonly name: string,
    options: CaseDocumentOptions = {},
  ) {
    this.current = this.watch(new CaseDocument(name, options));
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private watch(document: CaseDocument): CaseDocument {
    document.onRefused = (code) => this.refused(document, code);
    document.onNotice = (notice) => this.noticed(document, notice);
    return document;
  }

  private refused(document: CaseDocument, code: number): void {
    if (this.destroyed || document !== this.current || !recoverable.has(code)) {
      document.setState({ kind: 'refused', code });
      return;
    }
    const again = document.recoveredAt !== null && Date.now() - document.recoveredAt < refusedAgainWithinMs;
    document.setState({ kind: 'recovering', code });
    recover(document, again).then(
      ({ document: next, lost }) => {
        if (this.destroyed) {
          next.destroy();
          return;
        }
        notSaved.add(
          lost.map((l) => ({
            document: this.name,
            path: l.path,
            field: l.field,
            text: l.text,
            reason: l.reason,
            maxLength: l.maxLength,
          })),
        );
        this.current = this.watch(next);
        if (again) next.setState({ kind: 'refused', code, again: true });
        for (const listener of this.listeners) listener();
        // The pages move to the new copy on their next render; the old one goes after that.
        setTimeout(() => document.destroy(), 1_000);
      },
      (error: unknown) => {
        document.setState({ kind: 'refused', code: error instanceof RecoveryFailed ? error.code : code });
      },
    );
  }

  private noticed(document: CaseDocument, notice: SyncNotice): void {
    if (notice.kind !== 'trimmed') return;
    notSaved.add([
      {
        document: this.name,
        path: notice.path,
        field: describeField(document.doc, this.name, notice.path),
        text: notice.removed,
        reason: 'trimmed',
        maxLength: notice.maxLength,
      },
    ]);
  }

  destroy(): void {
    this.destroyed = true;
    this.current.destroy();
  }
}
