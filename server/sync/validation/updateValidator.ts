import * as Y from 'yjs';
import { childShape } from '../../../shared/doc/shape.js';
import type { DocumentShape } from '../../../shared/doc/shape.js';
import { checkContent, checkDeletes, refuseServerOnly } from './contentChecks.js';
import { InvalidUpdate, MissingDependencies } from './errors.js';
import { dead, idKey, inDeleteSet, internals, typeInternals } from './yjsInternals.js';
import type { Container, DeleteSet, Resolved, Struct } from './yjsInternals.js';

export { InvalidUpdate, MissingDependencies } from './errors.js';

/** A text that already holds characters and that this update makes longer. */
export interface GrowingText {
  text: Y.Text;
  path: string;
  maxLength: number;
}

/** What the connection needs after an accepted update: whose clocks it carried, which texts grew. */
export interface Validated {
  /** The Yjs client ids whose changes the update carries (the authors on this connection). */
  clients: Set<number>;
  /**
   * Texts that may now be longer than their limit although this update alone stays within it: two
   * people typed at once (SPEC V3). The server trims them right after applying (SPEC R1).
   */
  growing: GrowingText[];
  /** Whether the update brings anything the server lacks (a sync step 2 is often empty). */
  changes: boolean;
}

/**
 * Checks an incoming Yjs update against the document shape *before* it is applied, in time
 * proportional to the update (not the document). It decodes the update's structs, finds the
 * container of each (root, a type already in the document, or a type created by the update itself)
 * and checks the content against the shape (SPEC rules V1–V7).
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array, shape: DocumentShape): Validated {
  const store = doc.store;
  const state = (client: number) => Y.getState(store, client);
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    // A skipped range is fine once the server has it; until then what follows it waits.
    if (s instanceof Y.Skip) {
      if (s.id.clock + s.length > state(s.id.client))
        throw new MissingDependencies('update has gaps (skipped ranges) the server lacks', {
          client: s.id.client,
          clock: s.id.clock + s.length,
        });
      continue;
    }
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  // Each client's structs come in clock order: the first must follow what the server has.
  const updateTo = new Map<number, number>();
  for (const [client, list] of byClient) {
    if (list[0]!.id.clock > state(client)) {
      throw new MissingDependencies(`update depends on changes of client ${client} the server lacks`, {
        client,
        clock: list[0]!.id.clock,
      });
    }
    const last = list.at(-1)!;
    updateTo.set(client, last.id.clock + last.length);
  }

  /** Finds the struct holding `id`: the document first (it wins for known clocks), then the update. */
  const find = (id: Y.ID): { struct: Struct; fromDoc: boolean } | null => {
    if (id.clock < state(id.client)) return { struct: Y.getItem(store, id), fromDoc: true };
    const list = byClient.get(id.client) ?? [];
    const struct = list.find((s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length);
    return struct ? { struct, fromDoc: false } : null;
  };

  const docTypeCache = new WeakMap<object, Resolved | null>();
  /** The shape of a type that already lives in the document. */
  const docContainer = (type: Y.AbstractType<unknown>): Resolved | null => {
    const cached = docTypeCache.get(type);
    if (cached !== undefined) return cached;
    const t = typeInternals(type);
    let result: Resolved | null;
    if (t._item === null) {
      const name = Y.findRootTypeKey(type);
      const root = shape[name];
      result = root ? { shape: root, path: name, key: `root:${name}`, type } : null;
    } else {
      const holder = internals(t._item);
      const parent = docContainer(holder.parent as Y.AbstractType<unknown>);
      if (holder.deleted || parent === dead) result = dead;
      else if (parent === null || holder.parentSub === null) result = null;
      else {
        const inner = childShape(parent.shape, holder.parentSub);
        result = inner
          ? { shape: inner, path: `${parent.path}.${holder.parentSub}`, key: idKey(t._item.id), type }
          : null;
      }
    }
    docTypeCache.set(type, result);
    return result;
  };

  const resolvedCache = new Map<Y.Item, { container: Resolved; parentSub: string | null }>();
  /** Where an item of the update goes: its container and map key, as Yjs would integrate it. */
  const placement = (item: Y.Item): { container: Resolved; parentSub: string | null } => {
    const cached = resolvedCache.get(item);
    if (cached) return cached;
    const it = internals(item);
    let result: { container: Resolved; parentSub: string | null };
    if (typeof it.parent === 'string') {
      const root = shape[it.parent];
      if (!root) throw new InvalidUpdate(`unknown root "${it.parent}"`);
      result = {
        container: { shape: root, path: it.parent, key: `root:${it.parent}`, type: null },
        parentSub: it.parentSub,
      };
    } else if (it.parent instanceof Y.ID) {
      result = { container: heldContainer(it.parent), parentSub: it.parentSub };
    } else {
      result = { container: dead, parentSub: null };
      for (const neighbour of [it.origin, it.rightOrigin]) {
        if (!neighbour) continue;
        const found = find(neighbour);
        if (!found)
          throw new MissingDependencies('update refers to an item the server lacks', {
            client: neighbour.client,
            clock: neighbour.clock + 1,
          });
        if (!(found.struct instanceof Y.Item)) continue;
        if (found.fromDoc) {
          const n = internals(found.struct);
          const c = docContainer(n.parent as Y.AbstractType<unknown>);
          result = { container: c ?? dead, parentSub: n.parentSub };
        } else {
          result = placement(found.struct);
        }
        break;
      }
    }
    resolvedCache.set(item, result);
    return result;
  };

  /** The container held by the item with this id (a type inside a map). */
  const heldContainer = (id: Y.ID): Resolved => {
    const found = find(id);
    if (!found)
      throw new MissingDependencies('update refers to a parent the server lacks', {
        client: id.client,
        clock: id.clock + 1,
      });
    const { struct, fromDoc } = found;
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return dead;
    if (fromDoc) return docContainer(struct.content.type) ?? dead;
    const { container, parentSub } = placement(struct);
    if (container === dead || parentSub === null) return dead;
    const inner = childShape(container.shape, parentSub);
    if (!inner) return dead; // the holder itself is refused when it is checked
    return { shape: inner, path: `${container.path}.${parentSub}`, key: idKey(struct.id), type: null };
  };

  const alive = (item: Y.Item) => !(item.content instanceof Y.ContentDeleted) && !inDeleteSet(ds, item.id);
  const newRecords = new Map<string, { path: string; required: readonly string[] }>();
  const keysSet = new Map<string, Set<string>>();
  const textGrowth = new Map<string, { container: Container; added: number }>();

  let news = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC: deleted content, nothing to check
    if (struct.id.clock + struct.length <= state(struct.id.client)) continue; // already known
    news++;
    const { container, parentSub } = placement(struct);
    if (container === dead) continue; // Yjs integrates it as garbage
    refuseServerOnly(shape, container.path);
    const content = struct.content;
    if (container.shape.kind === 'text') {
      if (
        parentSub !== null ||
        !(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)
      ) {
        throw new InvalidUpdate(`${container.path} only holds plain text`);
      }
      if (content instanceof Y.ContentString && alive(struct)) {
        const growth = textGrowth.get(container.key) ?? { container, added: 0 };
        growth.added += content.getLength();
        textGrowth.set(container.key, growth);
      }
      continue;
    }
    if (container.shape.kind === 'value') throw new InvalidUpdate(`${container.path} is not a map`);
    if (parentSub === null) throw new InvalidUpdate(`${container.path} only holds keyed entries`);
    const path = `${container.path}.${parentSub}`;
    const target = childShape(container.shape, parentSub);
    if (!target) throw new InvalidUpdate(`${path} is not allowed here`);
    if (alive(struct)) {
      const keys = keysSet.get(container.key) ?? new Set<string>();
      keys.add(parentSub);
      keysSet.set(container.key, keys);
    }
    if (content instanceof Y.ContentDeleted) continue;
    checkContent(content, target, path);
    if (target.kind === 'record' && alive(struct)) {
      newRecords.set(idKey(struct.id), { path, required: target.required });
    }
  }

  for (const [key, record] of newRecords) {
    const keys = keysSet.get(key) ?? new Set();
    const missing = record.required.filter((field) => !keys.has(field));
    if (missing.length) throw new InvalidUpdate(`${record.path} is missing ${missing.join(', ')}`);
  }

  // No honest client adds more than a text's limit in one update (the UI stops at the limit); two
  // people typing at once may together pass it: the server trims that after applying (SPEC R1).
  const growing: GrowingText[] = [];
  for (const { container, added } of textGrowth.values()) {
    if (container.shape.kind !== 'text') continue;
    if (added > container.shape.maxLength) {
      throw new InvalidUpdate(`${container.path} would exceed ${container.shape.maxLength} characters`);
    }
    const existing = container.type ? (typeInternals(container.type).length ?? 0) : 0;
    if (existing + added > container.shape.maxLength && container.type instanceof Y.Text) {
      growing.push({ text: container.type, path: container.path, maxLength: container.shape.maxLength });
    }
  }

  const deletes = checkDeletes(ds, updateTo, state, store, docContainer, keysSet, shape);
  return { clients: new Set(byClient.keys()), growing, changes: news > 0 || deletes > 0 };
}
