import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Backend } from './backend.js';
import { GroupCommit } from './groupCommit.js';
import type { GroupCommitStats } from './groupCommit.js';
import type { Database } from './schema.js';
import { versionStore } from './versions.js';

/** One stored update of a document, with its place in the document's log. */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
  /** Who sent it; null for the server's own edits and for compacted states. */
  userId: string | null;
}

export interface DocumentLogOptions {
  /** Batch appends that arrive while a write is in flight into one transaction; default on. */
  groupCommit?: boolean;
  /** Most appends in one transaction; default 500. */
  maxBatch?: number;
}

interface Append {
  name: string;
  data: Uint8Array;
  userId: string | null;
}

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * Hands out the next `count` sequence numbers of each document (the query returns each head
 * after it). The head row stays locked until the transaction ends, so the appends of one
 * document commit in the order of their sequence on every instance (a reader never sees 12
 * before 11).
 */
function reserveQuery(db: Kysely<Database>, counts: Map<string, number>) {
  // Sorted names: two instances' batches lock heads in the same order and never deadlock.
  const values = [...counts.keys()].sort().map((name) => ({ document_name: name, seq: counts.get(name)! }));
  return db
    .insertInto('document_heads')
    .values(values)
    .onConflict((oc) =>
      oc.column('document_name').doUpdateSet({ seq: sql<number>`document_heads.seq + excluded.seq` }),
    )
    .returning(['document_name', 'seq']);
}

/** The first of the sequences reserved for each document, from the heads after reserving. */
function firstSequences(
  heads: { document_name: string; seq: number }[],
  counts: Map<string, number>,
): Map<string, number> {
  return new Map(heads.map((h) => [h.document_name, Number(h.seq) - counts.get(h.document_name)! + 1]));
}

/** Each append's sequence number, in the order given, from the first free one of each document. */
function sequencesOf(appends: Append[], first: Map<string, number>): number[] {
  const next = new Map(first);
  return appends.map((a) => {
    const seq = next.get(a.name)!;
    next.set(a.name, seq + 1);
    return seq;
  });
}

const countsOf = (appends: Append[]) => {
  const counts = new Map<string, number>();
  for (const a of appends) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  return counts;
};

const insertAppends = (db: Kysely<Database>, appends: Append[], seqs: number[]) =>
  db.insertInto('document_updates').values(
    appends.map((a, i) => ({
      document_name: a.name,
      seq: seqs[i]!,
      data: toBuffer(a.data),
      user_id: a.userId,
    })),
  );

/** Appends in one transaction; returns each append's sequence number, in the order given. */
async function writeAppends(backend: Backend, appends: Append[]): Promise<number[]> {
  const counts = countsOf(appends);
  // SQLite shares its connection with the rest of the server: the appends run as one
  // transaction that yields to nothing (Backend.writeNow), the same queries compiled.
  if (backend.writeNow)
    return backend.writeNow((exec) => {
      const heads = exec(reserveQuery(backend.db, counts).compile()) as {
        document_name: string;
        seq: number;
      }[];
      const seqs = sequencesOf(appends, firstSequences(heads, counts));
      exec(insertAppends(backend.db, appends, seqs).compile());
      return seqs;
    });
  // PostgreSQL: one statement, so a batch costs one round trip (no BEGIN and COMMIT of its own).
  const { rows } = await appendStatement(appends).execute(backend.db);
  const first = new Map<string, number>();
  for (const { document_name: name, seq } of rows)
    first.set(name, Math.min(Number(seq), first.get(name) ?? Infinity));
  return sequencesOf(appends, first);
}

/**
 * The appends of a batch in one PostgreSQL statement: it reserves each document's next sequences
 * (the heads in sorted order, locked until the statement commits, as in reserveQuery) and
 * inserts the updates numbered from them, in the order given per document.
 */
function appendStatement(appends: Append[]) {
  const nth = new Map<string, number>();
  const values = appends.map((a) => {
    const n = (nth.get(a.name) ?? 0) + 1;
    nth.set(a.name, n);
    return sql`(${a.name}::text, ${n}::int, ${toBuffer(a.data)}::bytea, ${a.userId}::text)`;
  });
  return sql<{ document_name: string; seq: number }>`
    WITH appended (document_name, n, data, user_id) AS (VALUES ${sql.join(values)}),
    counts AS (SELECT document_name, count(*)::int AS c FROM appended GROUP BY document_name),
    heads AS (
      INSERT INTO document_heads (document_name, seq)
      SELECT document_name, c FROM counts ORDER BY document_name
      ON CONFLICT (document_name) DO UPDATE SET seq = document_heads.seq + excluded.seq
      RETURNING document_name, seq
    )
    INSERT INTO document_updates (document_name, seq, data, user_id)
    SELECT a.document_name, h.seq - c.c + a.n, a.data, a.user_id
    FROM appended a JOIN heads h USING (document_name) JOIN counts c USING (document_name)
    RETURNING document_name, seq`;
}

/**
 * The durable log of every Yjs document, asynchronous and the same on SQLite and PostgreSQL
 * (SPEC ST1–ST8). Each accepted update is appended with the next sequence of its document;
 * an instance that missed updates reads those after the last sequence it has. Compaction
 * replaces a prefix of the log by one merged state under the document's lock, so two instances
 * may compact the same document at once and appends go on meanwhile.
 */
export class DocumentLog {
  readonly #backend: Backend;
  readonly #appends: GroupCommit<Append, number> | null;
  readonly #versions: ReturnType<typeof versionStore>;
  #ungrouped = { items: 0, batches: 0, largestBatch: 0 };

  constructor(backend: Backend, options: DocumentLogOptions = {}) {
    this.#backend = backend;
    this.#appends =
      options.groupCommit === false
        ? null
        : new GroupCommit((batch) => writeAppends(backend, batch), { maxBatch: options.maxBatch });
    this.#versions = versionStore(backend.db);
  }

  /** Appends an accepted update (userId null: the server's own edit); resolves with its sequence once durable. */
  append(name: string, update: Uint8Array, userId: string | null = null): Promise<number> {
    const entry = { name, data: update, userId };
    if (this.#appends) return this.#appends.submit(entry);
    this.#ungrouped.items += 1;
    this.#ungrouped.batches += 1;
    this.#ungrouped.largestBatch = 1;
    return writeAppends(this.#backend, [entry]).then(([seq]) => seq!);
  }

  /** Resolves when every append made so far is durable (or failed). */
  async flush(): Promise<void> {
    await this.#appends?.flush();
  }

  /** How many appends went in how many transactions. */
  stats(): GroupCommitStats {
    return this.#appends?.stats() ?? { ...this.#ungrouped };
  }

  /** The stored updates of `name` after sequence `afterSeq` (0: all), in order. */
  async load(name: string, afterSeq = 0): Promise<StoredUpdate[]> {
    const rows = await this.#backend.db
      .selectFrom('document_updates')
      .select(['seq', 'data', 'user_id'])
      .where('document_name', '=', name)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ seq: r.seq, data: r.data, userId: r.user_id }));
  }

  /** The last sequence handed out for `name`; 0 when it never had an update. */
  async head(name: string): Promise<number> {
    const row = await this.#backend.db
      .selectFrom('document_heads')
      .select('seq')
      .where('document_name', '=', name)
      .executeTakeFirst();
    return row?.seq ?? 0;
  }

  /** The heads of several documents at once (those never written are left out). */
  async heads(names: readonly string[]): Promise<Map<string, number>> {
    if (names.length === 0) return new Map();
    const rows = await this.#backend.db
      .selectFrom('document_heads')
      .select(['document_name', 'seq'])
      .where('document_name', 'in', names)
      .execute();
    return new Map(rows.map((r) => [r.document_name, Number(r.seq)]));
  }

  /** How many rows `name` has stored: when to compact. */
  async count(name: string): Promise<number> {
    const row = await this.#backend.db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_name', '=', name)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Merges every stored update of `name` into one state (applied with Yjs, so deleted content is
   * collected), under the document's lock. Returns the sequence it merged through, or null when
   * there was nothing to merge.
   */
  async compact(name: string): Promise<{ throughSeq: number; merged: number } | null> {
    return this.#backend.locked(name, async (trx) => {
      const rows = await trx
        .selectFrom('document_updates')
        .select(['seq', 'data'])
        .where('document_name', '=', name)
        .orderBy('seq')
        .execute();
      if (rows.length < 2) return null;
      const doc = new Y.Doc();
      for (const row of rows) Y.applyUpdate(doc, row.data);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const throughSeq = rows.at(-1)!.seq;
      await replaceThrough(trx, name, state, throughSeq);
      return { throughSeq, merged: rows.length };
    });
  }

  /**
   * Replaces the stored updates of `name` up to `throughSeq` by `state`, which must hold all of
   * them (an instance's document that has applied every update through that sequence). Updates
   * after it stay. Returns false when the log was already compacted past `throughSeq` by another
   * instance: then nothing changes.
   */
  async replace(name: string, state: Uint8Array, throughSeq: number): Promise<boolean> {
    return this.#backend.locked(name, async (trx) => {
      const head = await trx
        .selectFrom('document_heads')
        .select('seq')
        .where('document_name', '=', name)
        .executeTakeFirst();
      if (!head || head.seq < throughSeq)
        throw new RangeError(
          `cannot replace ${name} through ${throughSeq}: its log ends at ${head?.seq ?? 0}`,
        );
      const oldest = await trx
        .selectFrom('document_updates')
        .select((eb) => eb.fn.min<number>('seq').as('seq'))
        .where('document_name', '=', name)
        .executeTakeFirst();
      if (oldest?.seq == null || Number(oldest.seq) > throughSeq) return false;
      await replaceThrough(trx, name, state, throughSeq);
      return true;
    });
  }

  /** Board versions: put, list (newest first), get one, remove thinned ones. */
  get versions() {
    return this.#versions;
  }

  /** Waits for pending appends; the backend is closed by the Storage. */
  async close(): Promise<void> {
    await this.flush();
  }
}

async function replaceThrough(trx: Kysely<Database>, name: string, state: Uint8Array, throughSeq: number) {
  await trx
    .deleteFrom('document_updates')
    .where('document_name', '=', name)
    .where('seq', '<=', throughSeq)
    .execute();
  await trx
    .insertInto('document_updates')
    .values({ document_name: name, seq: throughSeq, data: toBuffer(state), user_id: null })
    .execute();
}
