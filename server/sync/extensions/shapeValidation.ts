import { shapeOfDocument } from '../../../shared/doc/shapes.js';
import { closeCodes, parseDocumentName } from '../../../shared/protocol.js';
import type { DocumentContext, SyncExtension, UpdateContext } from '../extension.js';
import { SyncRefusal } from '../extension.js';
import { InvalidUpdate, validateUpdate } from '../validation/updateValidator.js';

/** Refuses updates that would break the document's shape, before they are applied (SPEC V1–V7). */
export class ShapeValidation implements SyncExtension {
  onLoadDocument({ documentName, doc }: DocumentContext): void {
    // Declare the root types first, so every root has its proper kind before any update.
    for (const root of Object.keys(this.shapeOf(documentName))) doc.getMap(root);
  }

  beforeApplyUpdate({ documentName, doc, update }: UpdateContext): void {
    try {
      validateUpdate(doc, update, this.shapeOf(documentName));
    } catch (error) {
      if (error instanceof InvalidUpdate) {
        throw new SyncRefusal(closeCodes.invalidUpdate, error.message);
      }
      throw new SyncRefusal(closeCodes.malformedMessage, 'update cannot be decoded');
    }
  }

  private shapeOf(documentName: string) {
    const parsed = parseDocumentName(documentName);
    if (!parsed) throw new Error(`not a known document: ${documentName}`);
    return shapeOfDocument(parsed);
  }
}
