import * as Y from 'yjs';
import { applyRebase } from '../../../shared/doc/applyRebase.js';
import { rebase } from '../../../shared/doc/rebase.js';
import type { LostText } from '../../../shared/doc/rebase.js';
import { shapeOfDocument } from '../../../shared/doc/shapes.js';
import { parseDocumentName } from '../../../shared/protocol.js';
import { CaseDocument, connectProvider } from './caseDocument.js';
import { describeField } from './fieldNames.js';
import type { FieldName } from './fieldNames.js';

/** The origin of the edits a recovery re-applies, so observers can tell them from typing. */
export const recoveryOrigin = Symbol('recovery');

/** The server closed the recovery's own connection for good (e.g. 4401: signed out meanwhile). */
export class RecoveryFailed extends Error {
  constructor(readonly code: number) {
    super(`recovery connection closed with ${code}`);
  }
}

type Lost = LostText | (Omit<LostText, 'reason'> & { reason: 'refusedAgain' | 'readOnly' });

/**
 * `reapply`: after a refusal, the local changes are made again on the server's copy; `again`: a
 * refusal right after a recovery, nothing is re-applied and the provider stays away; `readOnly`:
 * the connection may no longer write (a closed meeting or case), so the server's copy replaces
 * this one, the provider stays connected (read-only), and what it dropped is listed.
 */
export type RecoveryMode = 'reapply' | 'again' | 'readOnly';

export interface Recovered {
  /**
   * The new copy of the document, synced with the server, stored in IndexedDB in place of the
   * old one; null after `readOnly` when the old copy held nothing the server lacks (it stays).
   */
  document: CaseDocument | null;
  /**
   * What could not be kept, with its text and the field in words; after a repeated refusal
   * everything the server lacks.
   */
  lost: (Lost & { field: FieldName })[];
}

/**
 * The field in words as the server had it before the re-applied edits (a goal by the title
 * everyone knows), or as this browser had it when the server never had it (a new goal).
 */
function named(server: Y.Doc, local: Y.Doc, documentName: string, lost: Lost[]): Recovered['lost'] {
  return lost.map((l) => {
    const field = describeField(server, documentName, l.path);
    const unnamed = Object.values(field.names).some((n) => n === '');
    return { ...l, field: unnamed ? describeField(local, documentName, l.path) : field };
  });
}

/**
 * The way back from a refusal (SPEC C3). Opens a fresh copy of the document from the server,
 * re-applies the local person's changes as new edits (`shared/doc/rebase.ts`) in updates small
 * enough for the server, and makes that copy the one IndexedDB keeps. `again` (a refusal right
 * after a recovery) re-applies nothing: the fresh copy is the server's, the provider stays
 * disconnected, and everything the server lacks is returned as not saved.
 */
export async function recover(old: CaseDocument, mode: RecoveryMode): Promise<Recovered> {
  const name = parseDocumentName(old.name);
  if (!name) throw new Error('not a document name');
  const shape = shapeOfDocument(name);
  // The stored copy is open, so the new one can replace it in one IndexedDB transaction.
  await old.local.whenSynced;
  const doc = new Y.Doc();
  const provider = connectProvider(old.name, doc, old.options);
  return new Promise<Recovered>((resolve, reject) => {
    const cleanup = () => {
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
    };
    const onClosed = ({ code }: { code: number }) => {
      cleanup();
      provider.destroy();
      doc.destroy();
      reject(new RecoveryFailed(code));
    };
    // Runs inside the message that brought the server's state: nothing else reaches `doc` before
    // the edits are applied, so the plan fits the document it is applied to.
    const onSync = (synced: boolean) => {
      if (!synced) return;
      cleanup();
      if (old.destroyed) {
        // The page went away meanwhile: its stored copy is recovered the next time it opens.
        provider.destroy();
        doc.destroy();
        reject(new Error('document closed during recovery'));
        return;
      }
      try {
        const plan = rebase(old.doc, doc, shape);
        const notKept: 'refusedAgain' | 'readOnly' | null =
          mode === 'reapply' ? null : mode === 'again' ? 'refusedAgain' : 'readOnly';
        const lost = named(doc, old.doc, old.name, [
          ...plan.lost,
          ...(notKept ? plan.written.map((w) => ({ ...w, reason: notKept })) : []),
        ]);
        if (mode === 'readOnly' && plan.lost.length === 0 && plan.written.length === 0) {
          // Nothing here the server lacks: the old copy is the record already.
          provider.destroy();
          doc.destroy();
          resolve({ document: null, lost: [] });
          return;
        }
        if (mode === 'again') {
          provider.disconnect();
        } else if (mode === 'reapply') {
          applyRebase(doc, plan.edits, {
            maxUpdateBytes: old.options.maxUpdateBytes,
            origin: recoveryOrigin,
          });
        }
        old.replaceStoredCopy(doc);
        const document = new CaseDocument(old.name, old.options, {
          doc,
          provider,
          recoveredAt: Date.now(),
          fromServer: mode === 'readOnly',
        });
        resolve({ document, lost });
      } catch (error) {
        provider.destroy();
        doc.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
  });
}
