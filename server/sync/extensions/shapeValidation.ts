import type * as Y from 'yjs';
import { shapeOfDocument } from '../../../shared/doc/shapes.js';
import { closeCodes, parseDocumentName } from '../../../shared/protocol.js';
import type { DocumentContext, SyncExtension, UpdateContext } from '../extension.js';
import { SyncRefusal } from '../extension.js';
import { textAuthorsFrom } from '../textAuthors.js';
import { InvalidUpdate, MissingDependencies, validateUpdate } from '../validation/updateValidator.js';

/** The origin of the server's repairs, so the change log can tell them from people's edits. */
export const repairOrigin = Symbol('repair');

/**
 * Refuses updates that would break the document's shape, before they are applied (SPEC V1–V7),
 * and repairs what two valid edits broke together: a text typed past its limit by two people at
 * once is cut back to the limit, as a server edit everyone receives (SPEC R1).
 */
export class ShapeValidation implements SyncExtension {
  onLoadDocument({ documentName, doc }: DocumentContext): void {
    // Declare the root types first, so every root has its proper kind before any update.
    for (const root of Object.keys(this.shapeOf(documentName))) doc.getMap(root);
  }

  beforeApplyUpdate(context: UpdateContext): void {
    try {
      context.validated = validateUpdate(context.doc, context.update, this.shapeOf(context.documentName));
    } catch (error) {
      if (error instanceof MissingDependencies) throw error;
      if (error instanceof InvalidUpdate) throw new SyncRefusal(closeCodes.invalidUpdate, error.message);
      throw new SyncRefusal(closeCodes.malformedMessage, 'update cannot be decoded');
    }
  }

  afterApplyUpdate(context: UpdateContext): void {
    for (const { text, path, maxLength } of context.validated?.growing ?? []) {
      if (text.length <= maxLength || !text.doc) continue;
      // Never cut between the two halves of a character outside the basic plane (an emoji).
      const high = text.toString().charCodeAt(maxLength - 1);
      const cut = high >= 0xd800 && high <= 0xdbff ? maxLength - 1 : maxLength;
      const removedByClient = textAuthorsFrom(text, cut);
      trim(text, cut);
      context.trimmed.push({ path, maxLength, removedByClient });
    }
  }

  private shapeOf(documentName: string) {
    const parsed = parseDocumentName(documentName);
    if (!parsed) throw new Error(`not a known document: ${documentName}`);
    return shapeOfDocument(parsed);
  }
}

function trim(text: Y.Text, cut: number): void {
  text.doc!.transact(() => text.delete(cut, text.length - cut), repairOrigin);
}
