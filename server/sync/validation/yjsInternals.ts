import type * as Y from 'yjs';
import type { Shape } from '../../../shared/doc/shape.js';

/**
 * What the update validator reads of Yjs: the structs and delete set of a decoded update, the
 * internals of items and types it needs to place them, and where an item goes (its container).
 */
export type Struct = Y.Item | Y.GC | Y.Skip;
export type Content = Y.Item['content'];
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
export interface Container {
  shape: Shape;
  path: string;
  /** Identity of the container: `root:<name>`, or the id of the item holding the type. */
  key: string;
  /** The existing type, when the container is already in the document. */
  type: Y.AbstractType<unknown> | null;
}
/** A container whose item was deleted: Yjs turns everything put into it into garbage. */
export const dead = Symbol('dead');
export type Resolved = Container | typeof dead;

/** The key of an item in maps of what the update holds. */
export const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

export interface ItemInternals {
  parent: Y.AbstractType<unknown> | Y.ID | string | null;
  parentSub: string | null;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  content: Content;
  deleted: boolean;
}
export interface TypeInternals {
  _item: Y.Item | null;
  _map: Map<string, Y.Item>;
  doc: Y.Doc | null;
  length?: number;
}
/** Yjs keeps these fields out of its typings; the validator reads them to place items. */
export const internals = (item: Y.Item) => item as unknown as ItemInternals;
export const typeInternals = (type: Y.AbstractType<unknown>) => type as unknown as TypeInternals;

/** Whether the update's delete set removes the item with this id. */
export function inDeleteSet(ds: DeleteSet, id: Y.ID): boolean {
  const ranges = ds.clients.get(id.client);
  return !!ranges?.some((r) => id.clock >= r.clock && id.clock < r.clock + r.len);
}
