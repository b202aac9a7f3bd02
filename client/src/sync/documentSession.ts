import { closeCodes } from '../../../shared/protocol.js';
import type { SyncNotice } from '../../../shared/protocol.js';
import { CaseDocument } from './caseDocument.js';
import type { CaseDocumentOptions } from './caseDocument.js';
import { describeField } from './fieldNames.js';
import { notSaved } from './notSaved.js';
import { recover, RecoveryFailed } from './recovery.js';
import type { Recovered } from './recovery.js';

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
    document.onReadOnlyWrites = () => this.readOnlyWrites(document);
    return document;
  }

  /** What was not kept of `document` goes to the "not saved" list, with its text. */
  private listLost(lost: Recovered['lost']): void {
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
  }

  /** The pages move to the new copy on their next render; the old one goes after that. */
  private adopt(document: CaseDocument, next: CaseDocument): void {
    this.current = this.watch(next);
    for (const listener of this.listeners) listener();
    setTimeout(() => document.destroy(), 1_000);
  }

  private checking: CaseDocument | null = null;
  private checkAgain = false;
  /**
   * The connection is read-only and this copy may hold writes the server dropped (SPEC A2): the
   * server's copy replaces it and what it lacked is listed as not saved, so the screen never
   * shows a dropped write as part of the record. One check at a time; typing meanwhile checks again.
   */
  private readOnlyWrites(document: CaseDocument): void {
    if (this.destroyed || document !== this.current) return;
    if (this.checking === document) {
      this.checkAgain = true;
      return;
    }
    this.checking = document;
    this.checkAgain = false;
    recover(document, 'readOnly').then(
      ({ document: next, lost }) => {
        this.checking = null;
        if (this.destroyed) return next?.destroy();
        this.listLost(lost);
        if (next) this.adopt(document, next);
        else if (this.checkAgain) this.readOnlyWrites(document);
      },
      () => {
        // Offline or signed out: the copy stays as it is and is checked when it reconnects.
        this.checking = null;
      },
    );
  }

  private refused(document: CaseDocument, code: number): void {
    if (this.destroyed || document !== this.current || !recoverable.has(code)) {
      document.setState({ kind: 'refused', code });
      return;
    }
    const again = document.recoveredAt !== null && Date.now() - document.recoveredAt < refusedAgainWithinMs;
    document.setState({ kind: 'recovering', code });
    recover(document, again ? 'again' : 'reapply').then(
      ({ document: next, lost }) => {
        if (!next) return; // only a read-only check keeps the old copy
        if (this.destroyed) return next.destroy();
        this.listLost(lost);
        if (again) next.setState({ kind: 'refused', code, again: true });
        this.adopt(document, next);
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
