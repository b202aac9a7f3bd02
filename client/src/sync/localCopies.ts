import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { parseDocumentName } from '../../../shared/protocol.js';
import { connectProvider } from './caseDocument.js';
import type { CaseDocumentOptions } from './caseDocument.js';
import { notSaved } from './notSaved.js';

/**
 * The copies of boards and meetings this browser keeps in IndexedDB (y-indexeddb names each
 * database after its document) belong to the person signed in. On a shared computer they must not
 * outlive that person's session (issue "Close the holes", 8): sign-out first makes sure the server
 * has everything, then wipes them; another person signing in wipes them too.
 */
const ownerKey = 'veelzijdig.localOwner';

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** Names of the documents this browser keeps. */
export async function localDocumentNames(): Promise<string[]> {
  if (!globalThis.indexedDB?.databases) return [];
  const databases = await indexedDB.databases();
  return databases.map((d) => d.name ?? '').filter((name) => parseDocumentName(name) !== null);
}

/** Whose copies these are, or null. */
export const localOwner = (): string | null => storage()?.getItem(ownerKey) ?? null;

const waitFor = (provider: ReturnType<typeof connectProvider>, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    if (provider.synced) return resolve(true);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      resolve(ok);
    };
    const onSync = (synced: boolean) => synced && done(true);
    const onClosed = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
  });

/** Whether the server has every change of `local`: its state vector covers the local one. */
function covered(local: Y.Doc, server: Y.Doc): boolean {
  const serverState = Y.decodeStateVector(Y.encodeStateVector(server));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(local))) {
    if ((serverState.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * Sends each kept document's changes to the server and checks with a fresh copy that the server
 * has them; returns the names of those it could not confirm (offline, no access any more).
 */
export async function unsyncedDocuments(
  names: readonly string[],
  options: CaseDocumentOptions & { timeoutMs?: number; attempts?: number } = {},
): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const attempts = options.attempts ?? 5;
  // Offline nothing can be confirmed: say so at once instead of waiting for every board.
  if (globalThis.navigator?.onLine === false) return [...names];
  const confirmed = await Promise.all(names.map((name) => confirmOne(name, options, timeoutMs, attempts)));
  return names.filter((_, i) => !confirmed[i]);
}

/** Sends one kept document's changes and asks fresh copies until the server shows them all. */
async function confirmOne(
  name: string,
  options: CaseDocumentOptions,
  timeoutMs: number,
  attempts: number,
): Promise<boolean> {
  const local = new Y.Doc();
  const stored = new IndexeddbPersistence(name, local);
  await stored.whenSynced;
  const sender = connectProvider(name, local, options);
  let ok = await waitFor(sender, timeoutMs);
  // The server applies what the sender sent in its own time: ask a fresh copy until it shows.
  for (let attempt = 0; ok && attempt < attempts; attempt++) {
    const check = new Y.Doc();
    const reader = connectProvider(name, check, options);
    ok = await waitFor(reader, timeoutMs);
    const done = ok && covered(local, check);
    reader.destroy();
    check.destroy();
    if (done) break;
    if (attempt === attempts - 1) ok = false;
    else await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
  }
  sender.destroy();
  await stored.destroy();
  local.destroy();
  return ok;
}

/** Deletes every kept document and the "not saved" texts: nothing of a client stays behind. */
export async function wipeLocalCopies(): Promise<void> {
  const names = await localDocumentNames();
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = () => resolve();
          // A page still holding it open closes it on unmount; the delete then goes through.
          request.onblocked = () => undefined;
        }),
    ),
  );
  notSaved.clear();
  storage()?.removeItem(ownerKey);
}

/**
 * Called when someone signs in: copies of another person are wiped before this person sees
 * anything; this person's own copies stay (their offline work syncs when they open the board).
 */
export async function claimLocalCopies(userId: string): Promise<void> {
  const owner = localOwner();
  if (owner !== null && owner !== userId) await wipeLocalCopies();
  else if (owner === null && (await localDocumentNames()).length > 0) await wipeLocalCopies();
  storage()?.setItem(ownerKey, userId);
}
