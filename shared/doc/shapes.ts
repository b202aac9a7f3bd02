import type { DocumentPart } from '../protocol.js';
import { boardShape } from './boardShape.js';
import { compartmentShape } from './compartmentShape.js';
import type { DocumentShape } from './shape.js';

/** The shape of each kind of case document, by the part of its name. */
export const documentShapes: Record<DocumentPart, DocumentShape> = {
  shared: boardShape,
  medical: compartmentShape,
  social: compartmentShape,
};
