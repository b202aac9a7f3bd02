interface Entry {
  ready: boolean;
  send: () => void;
  /** Runs even when the outbox is closed (a waiter of `drained`). */
  always: boolean;
}

/**
 * What a document sends, in the order it happened, each message only once every change accepted
 * before it is durable (SPEC D1): a change's broadcast waits for its own append, a sync step 2
 * that holds changes still being appended waits for them. With nothing waiting a message goes out
 * at once. A failed append closes the outbox: nothing queued is sent any more.
 */
export class Outbox {
  #queue: Entry[] = [];
  #closed = false;

  get pending(): number {
    return this.#queue.length;
  }

  /** Sends once `stored` resolved and all before it went; a rejection calls `failed` and closes. */
  afterStored(stored: Promise<unknown>, send: () => void, failed: (error: unknown) => void): void {
    if (this.#closed) return;
    const entry: Entry = { ready: false, send, always: false };
    this.#queue.push(entry);
    stored.then(
      () => {
        entry.ready = true;
        this.#drain();
      },
      (error: unknown) => {
        if (this.#closed) return;
        this.close();
        failed(error);
      },
    );
  }

  /** Sends once everything queued so far went: at once when nothing waits. */
  inTurn(send: () => void): void {
    if (this.#closed) return;
    if (this.#queue.length === 0) return send();
    this.#queue.push({ ready: true, send, always: false });
  }

  /** Resolves once everything queued so far was sent, or the outbox closed. */
  drained(): Promise<void> {
    if (this.#closed || this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#queue.push({ ready: true, send: resolve, always: true }));
  }

  /** Nothing queued is sent any more; those waiting for `drained` go on. */
  close(): void {
    this.#closed = true;
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) if (entry.always) entry.send();
  }

  #drain(): void {
    while (!this.#closed && this.#queue[0]?.ready) this.#queue.shift()!.send();
  }
}
