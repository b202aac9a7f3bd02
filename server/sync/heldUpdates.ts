/** How much a connection may hold while what its updates depend on is on its way (SPEC V5). */
export interface HoldLimits {
  maxUpdates: number;
  maxBytes: number;
  /** The oldest held update waits at most this long. */
  maxMs: number;
}

interface Held {
  update: Uint8Array;
  /** The server's clock of `client` must reach `clock` before trying again. */
  needs: { client: number; clock: number };
  /** When it arrived (ms). */
  at: number;
}

/**
 * The updates of one connection that wait for changes the server does not have yet, in the order
 * they came. Bounded in count, bytes and time: past a bound `overflow` is called (the connection
 * then closes with a code after which the provider reconnects and resyncs, so nothing is lost).
 */
export class HeldUpdates {
  private entries: Held[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly limits: HoldLimits,
    private readonly overflow: (reason: string) => void,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  add(update: Uint8Array, needs: Held['needs']): void {
    this.entries.push({ update, needs, at: Date.now() });
    this.bytes += update.byteLength;
    if (this.entries.length > this.limits.maxUpdates || this.bytes > this.limits.maxBytes) {
      this.overflow('too many updates wait for changes the server lacks');
      return;
    }
    if (!this.timer) this.watchOldest();
  }

  /** Closes once the oldest update still held has waited `maxMs`. */
  private watchOldest(): void {
    const oldest = this.entries[0];
    if (!oldest) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const first = this.entries[0];
        if (!first) return;
        if (Date.now() - first.at >= this.limits.maxMs)
          this.overflow('updates waited too long for changes the server lacks');
        else this.watchOldest();
      },
      Math.max(0, oldest.at + this.limits.maxMs - Date.now()),
    );
    this.timer.unref();
  }

  /**
   * Offers every held update whose dependency the server now has to `apply`, in order, until a
   * pass makes no progress. `apply` returns the new need of an update that still waits, or null
   * when it was applied.
   */
  retry(clockOf: (client: number) => number, apply: (update: Uint8Array) => Held['needs'] | null): void {
    let progress = true;
    while (progress && this.entries.length > 0) {
      progress = false;
      for (const entry of [...this.entries]) {
        if (clockOf(entry.needs.client) < entry.needs.clock) continue;
        const needs = apply(entry.update);
        if (needs) {
          entry.needs = needs;
          continue;
        }
        const index = this.entries.indexOf(entry);
        if (index === -1) return; // cleared meanwhile: the connection closed
        this.entries.splice(index, 1);
        this.bytes -= entry.update.byteLength;
        progress = true;
      }
    }
    if (this.entries.length === 0) this.stopTimer();
  }

  clear(): void {
    this.entries = [];
    this.bytes = 0;
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
