import * as Y from 'yjs';
import { ensureMeetingNotes, meetingNotes } from '../../../shared/doc/meetingCase.js';
import { ensureGoalServiceSets, perspectivesOf } from '../../../shared/doc/board.js';
import { ensureDefaultPerspectives } from '../../../shared/doc/perspectives.js';
import { ensureSignalPlan, signalPlanOf } from '../../../shared/doc/signalPlan.js';
import { defaultPerspectives } from '../../../shared/domain.js';
import { parseDocumentName } from '../../../shared/protocol.js';
import type { DocumentContext, SyncExtension } from '../extension.js';

/** FNV-1a, 32 bits: a Yjs client id from a text. */
function clientIdOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The empty structure of a fresh document as one update made from nothing, under a client id
 * of the document's own (and of this code's structure): every instance that opens the fresh
 * document at the same moment makes the very same items, which Yjs merges into one instead of
 * keeping one instance's and dropping what was typed into the other's (SPEC SI2).
 */
function sameEverywhere(doc: Y.Doc, key: string, make: (scratch: Y.Doc) => void): void {
  const scratch = new Y.Doc();
  make(scratch);
  // What the structure holds, not its ids: another version of it gets another client id.
  const shape = JSON.stringify(scratch.toJSON());
  scratch.destroy();
  const canonical = new Y.Doc();
  canonical.clientID = clientIdOf(`${key}\u0000${shape}`);
  make(canonical);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(canonical), 'server');
  canonical.destroy();
}

/**
 * Gives every board the empty structure of its signal plan and perspectives (and every goal its
 * set of services), and every case in a meeting its
 * notes, before anyone edits them: two people opening a new document at once would otherwise
 * each create the same text field and lose each other's typing. A fresh document gets it the
 * same on every instance; one that has part of it already gets the rest.
 */
export class BoardDefaults implements SyncExtension {
  onDocumentReady({ documentName, doc }: DocumentContext): void {
    const name = parseDocumentName(documentName);
    if (name?.kind === 'case' && name.part === 'shared') {
      const fresh =
        !signalPlanOf(doc).has('green') && defaultPerspectives.every((id) => !perspectivesOf(doc).has(id));
      if (fresh)
        sameEverywhere(doc, documentName, (scratch) => {
          ensureSignalPlan(scratch);
          ensureDefaultPerspectives(scratch);
        });
      ensureSignalPlan(doc, 'server');
      ensureDefaultPerspectives(doc, 'server');
      ensureGoalServiceSets(doc, 'server');
    }
    if (name?.kind === 'meeting-case') {
      if (!meetingNotes(doc)) sameEverywhere(doc, documentName, (scratch) => ensureMeetingNotes(scratch));
      ensureMeetingNotes(doc, 'server');
    }
  }
}
