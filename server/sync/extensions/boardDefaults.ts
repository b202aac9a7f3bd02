import { ensureSignalPlan } from '../../../shared/doc/signalPlan.js';
import { parseDocumentName } from '../../../shared/protocol.js';
import type { DocumentContext, SyncExtension } from '../extension.js';

/**
 * Gives every board the empty structure of its signal plan before anyone edits it, so two people
 * opening a new board at once never each create the same text field and lose each other's typing.
 */
export class BoardDefaults implements SyncExtension {
  onDocumentReady({ documentName, doc }: DocumentContext): void {
    if (parseDocumentName(documentName)?.part === 'shared') ensureSignalPlan(doc, 'server');
  }
}
