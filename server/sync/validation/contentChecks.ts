import * as Y from 'yjs';
import type { DocumentShape, Shape } from '../../../shared/doc/shape.js';
import { InvalidUpdate, MissingDependencies } from './errors.js';
import { dead, inDeleteSet, internals, typeInternals } from './yjsInternals.js';
import type { Content, DeleteSet, Resolved } from './yjsInternals.js';

/** Roots the server alone writes (SPEC V8): no client may add, change or delete anything in them. */
export function refuseServerOnly(shape: DocumentShape, path: string): void {
  const root = path.split('.')[0]!;
  if (shape[root]?.serverOnly) throw new InvalidUpdate(`${root} is written by the server only`);
}

/** The content of a new keyed entry must be what the shape holds at `path` (SPEC V1, V2). */
export function checkContent(content: Content, target: Shape, path: string): void {
  if (target.kind === 'text') {
    if (content instanceof Y.ContentType && content.type instanceof Y.Text) return;
    throw new InvalidUpdate(`${path} must be text`);
  }
  if (target.kind === 'record' || target.kind === 'collection') {
    if (content instanceof Y.ContentType && content.type instanceof Y.Map) return;
    throw new InvalidUpdate(`${path} must be a map`);
  }
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
    throw new InvalidUpdate(`${path} must be a single value`);
  }
  const parsed = target.schema.safeParse(content.arr[0]);
  if (!parsed.success) {
    throw new InvalidUpdate(`${path} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
}

/** Deletions may remove entries, goals and text, but never a required field without a new value. */
export function checkDeletes(
  ds: DeleteSet,
  updateTo: Map<number, number>,
  state: (client: number) => number,
  store: Y.Doc['store'],
  docContainer: (type: Y.AbstractType<unknown>) => Resolved | null,
  keysSet: Map<string, Set<string>>,
  shape: DocumentShape,
): number {
  let deletes = 0;
  for (const [client, ranges] of ds.clients) {
    const known = Math.max(state(client), updateTo.get(client) ?? 0);
    const structs = store.clients.get(client) ?? [];
    for (const range of ranges) {
      if (range.clock + range.len > known) {
        throw new MissingDependencies('update deletes items the server lacks', {
          client,
          clock: range.clock + range.len,
        });
      }
      if (range.clock >= state(client)) continue;
      let i = Y.findIndexSS(structs, range.clock);
      for (; i < structs.length && structs[i]!.id.clock < range.clock + range.len; i++) {
        const struct = structs[i]!;
        if (!(struct instanceof Y.Item)) continue;
        const it = internals(struct);
        if (it.deleted) continue;
        deletes++;
        const parent = it.parent as Y.AbstractType<unknown>;
        const container = docContainer(parent);
        if (container && container !== dead) refuseServerOnly(shape, container.path);
        if (it.parentSub === null) continue;
        if (!container || container === dead || container.shape.kind !== 'record') continue;
        if (!container.shape.required.includes(it.parentSub)) continue;
        if (typeInternals(parent)._map.get(it.parentSub) !== struct) continue;
        const holder = typeInternals(parent)._item;
        if (holder && inDeleteSet(ds, holder.id)) continue; // the whole record goes
        if (keysSet.get(container.key)?.has(it.parentSub)) continue; // replaced by a new value
        throw new InvalidUpdate(`${container.path}.${it.parentSub} is required and cannot be removed`);
      }
    }
  }
  return deletes;
}
