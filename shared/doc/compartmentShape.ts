import { z } from 'zod';
import { idSchema } from '../domain.js';
import { collection, documentJsonSchema, record, text, value } from './shape.js';
import type { DocumentShape } from './shape.js';

/**
 * A consent compartment (`case:<id>:medical` or `case:<id>:social`): notes only that domain sees,
 * unless the client consented to share them. Each note has an author and co-edited text.
 */
export const compartmentShape = {
  notes: collection(
    idSchema,
    record(
      {
        text: text(20_000),
        authorId: value(idSchema),
        createdAt: value(z.string().max(40)),
      },
      ['text', 'authorId', 'createdAt'],
    ),
  ),
} satisfies DocumentShape;

export const compartmentJsonSchema = documentJsonSchema(compartmentShape);
