/**
 * A first-come first-served lock for async work. SQLite allows one writer per file, and
 * better-sqlite3 waits for a busy file by blocking the thread: two storages of one process on
 * the same file must therefore take turns before they begin, not inside SQLite.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

const byKey = new Map<string, Mutex>();

/** The one mutex of this process for `key` (a database file's path). */
export function sharedMutex(key: string): Mutex {
  let mutex = byKey.get(key);
  if (!mutex) byKey.set(key, (mutex = new Mutex()));
  return mutex;
}
