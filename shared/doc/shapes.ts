import type { DocumentName, DocumentPart } from '../protocol.js';
import { boardShape } from './boardShape.js';
import { compartmentShape } from './compartmentShape.js';
import { meetingCaseShape, meetingShape } from './meetingShape.js';
import type { DocumentShape } from './shape.js';

/** The shape of each kind of case document, by the part of its name. */
export const documentShapes: Record<DocumentPart, DocumentShape> = {
  shared: boardShape,
  medical: compartmentShape,
  social: compartmentShape,
};

/** The shape every document of this name must keep. */
export function shapeOfDocument(name: DocumentName): DocumentShape {
  if (name.kind === 'meeting') return meetingShape;
  if (name.kind === 'meeting-case') return meetingCaseShape;
  return documentShapes[name.part];
}
