import { z } from 'zod';

/**
 * A small description language for the shape of a Yjs document. One description gives both the
 * zod schema of the document's JSON (for tests and reading) and the rules the sync server checks
 * every incoming update against, so the shape is written down exactly once.
 */
export type Shape = TextShape | ValueShape | RecordShape | CollectionShape;

/** A `Y.Text`: free text several people may type in at once. */
export interface TextShape {
  kind: 'text';
  maxLength: number;
}
/** A plain value stored in a map entry (enumerations, ids, dates, flags). */
export interface ValueShape {
  kind: 'value';
  schema: z.ZodType;
}
/** A `Y.Map` with a fixed set of named fields, some of them required. */
export interface RecordShape {
  kind: 'record';
  fields: Record<string, Shape>;
  required: readonly string[];
}
/** A `Y.Map` keyed by id, every entry of the same shape. */
export interface CollectionShape {
  kind: 'collection';
  key: z.ZodType<string>;
  entry: Shape;
}

/**
 * Root types of a document; every root is a `Y.Map` (collection or record). A root marked
 * `serverOnly` is written by the server alone (e.g. the observations timeline): the sync server
 * refuses every client write to it.
 */
export type RootShape = (RecordShape | CollectionShape) & { serverOnly?: boolean };
export type DocumentShape = Record<string, RootShape>;

export const serverOnly = <T extends RecordShape | CollectionShape>(shape: T): T & { serverOnly: true } => ({
  ...shape,
  serverOnly: true,
});

export const text = (maxLength = 10_000): TextShape => ({ kind: 'text', maxLength });
export const value = (schema: z.ZodType): ValueShape => ({ kind: 'value', schema });
export const record = (fields: Record<string, Shape>, required: readonly string[]): RecordShape => ({
  kind: 'record',
  fields,
  required,
});
export const collection = (key: z.ZodType<string>, entry: Shape): CollectionShape => ({
  kind: 'collection',
  key,
  entry,
});

/** The shape of the value stored under `key` in a map of the given shape, or null if not allowed. */
export function childShape(parent: Shape, key: string): Shape | null {
  if (parent.kind === 'record') return parent.fields[key] ?? null;
  if (parent.kind === 'collection') return parent.key.safeParse(key).success ? parent.entry : null;
  return null;
}

/** Builds the zod schema for the JSON form (`toJSON()`) of a value of this shape. */
export function jsonSchemaOf(shape: Shape): z.ZodType {
  switch (shape.kind) {
    case 'text':
      return z.string().max(shape.maxLength);
    case 'value':
      return shape.schema;
    case 'record': {
      const entries = Object.entries(shape.fields).map(([name, field]) => {
        const schema = jsonSchemaOf(field);
        return [name, shape.required.includes(name) ? schema : schema.optional()] as const;
      });
      return z.strictObject(Object.fromEntries(entries));
    }
    case 'collection':
      return z.record(shape.key, jsonSchemaOf(shape.entry));
  }
}

/** The zod schema of a whole document's JSON: one property per root (absent until first used). */
export function documentJsonSchema(shape: DocumentShape): z.ZodType {
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([name, root]) => [name, jsonSchemaOf(root).optional()])),
  );
}
