/**
 * The last sequence of a document's log through which a loaded copy holds every update: what
 * it loaded, plus its own appends as they become durable. A sequence handed to another instance
 * leaves a gap; the copy's state then covers only the updates before the gap, and a compaction
 * through `through` never replaces an update the copy lacks (SPEC ST5).
 */
export class AppliedSequence {
  #through: number;
  /** Own sequences past a gap, waiting for the gap to close. */
  readonly #ahead = new Set<number>();

  constructor(loadedThrough: number) {
    this.#through = loadedThrough;
  }

  get through(): number {
    return this.#through;
  }

  /** Whether an own sequence waits past a gap (an update of another instance not applied yet). */
  get gapped(): boolean {
    return this.#ahead.size > 0;
  }

  /** An update with this sequence is applied to the copy (its own append, or one read back). */
  add(seq: number): void {
    if (seq <= this.#through) return;
    this.#ahead.add(seq);
    this.#absorb();
  }

  /** Every update through `seq` is applied (read back from the log, a merged state included). */
  coverThrough(seq: number): void {
    if (seq <= this.#through) return;
    this.#through = seq;
    for (const ahead of this.#ahead) if (ahead <= seq) this.#ahead.delete(ahead);
    this.#absorb();
  }

  #absorb(): void {
    while (this.#ahead.delete(this.#through + 1)) this.#through += 1;
  }
}
