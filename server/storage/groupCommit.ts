/** How batches went, so a benchmark (and a test) can tell whether appends were grouped. */
export interface GroupCommitStats {
  items: number;
  batches: number;
  largestBatch: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: one write in flight at a time; what is submitted meanwhile waits and goes in the
 * next write, all at once. Under load that turns many small transactions into few larger ones
 * (the commit, a round trip to PostgreSQL or SQLite's lock, is paid once per batch), and alone an
 * item is written at once, after the current microtask. When a batch fails its items are written
 * one by one, so one bad item fails alone.
 */
export class GroupCommit<T, R> {
  readonly #write: (items: T[]) => Promise<R[]>;
  readonly #maxBatch: number;
  #waiting: Waiting<T, R>[] = [];
  #running: Promise<void> | null = null;
  #stats: GroupCommitStats = { items: 0, batches: 0, largestBatch: 0 };

  /** `write` commits the items of one batch in one transaction and returns a result per item. */
  constructor(write: (items: T[]) => Promise<R[]>, options: { maxBatch?: number } = {}) {
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 500;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#running ??= Promise.resolve().then(() => this.#drain());
    });
  }

  /** Resolves when everything submitted so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  stats(): GroupCommitStats {
    return { ...this.#stats };
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.#maxBatch);
        this.#stats.items += batch.length;
        this.#stats.batches += 1;
        this.#stats.largestBatch = Math.max(this.#stats.largestBatch, batch.length);
        await this.#commit(batch);
      }
    } finally {
      this.#running = null;
    }
  }

  async #commit(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.#write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const one of batch) await this.#commit([one]);
    }
  }
}
