import { ensureMeetingNotes } from '../../../shared/doc/meetingCase.js';
import { ensureDefaultPerspectives } from '../../../shared/doc/perspectives.js';
import { ensureSignalPlan } from '../../../shared/doc/signalPlan.js';
import { parseDocumentName } from '../../../shared/protocol.js';
import type { DocumentContext, SyncExtension } from '../extension.js';

/**
 * Gives every board the empty structure of its signal plan and perspectives, and every case in a meeting its
 * notes, before anyone edits them: two people opening a new document at once would otherwise
 * each create the same text field and lose each other's typing.
 */
export class BoardDefaults implements SyncExtension {
  onDocumentReady({ documentName, doc }: DocumentContext): void {
    const name = parseDocumentName(documentName);
    if (name?.kind === 'case' && name.part === 'shared') {
      ensureSignalPlan(doc, 'server');
      ensureDefaultPerspectives(doc, 'server');
    }
    if (name?.kind === 'meeting-case') ensureMeetingNotes(doc, 'server');
  }
}
