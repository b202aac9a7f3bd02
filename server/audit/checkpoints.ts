import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditKey } from './key.js';

/**
 * Signed checkpoints of the access log: how many entries it had and the hash of the newest one,
 * HMAC-signed with the log's key and appended to a file outside the database. A database that
 * later holds fewer entries, or another newest hash, was truncated or rewritten (verify.ts).
 */
export interface Checkpoint {
  v: 1;
  at: string;
  /** Why it was written: the server started, the log grew, or the server stopped. */
  reason: 'start' | 'periodic' | 'stop';
  /** Entries in the log. */
  entries: number;
  /** The newest entry and its hash. */
  headId: number;
  head: string;
  /** The entry from which on the chain is keyed. */
  keyedFrom: number;
  keyId: string;
  sig: string;
}

export type CheckpointFields = Omit<Checkpoint, 'v' | 'sig' | 'at' | 'reason'>;

const SIGNED = ['v', 'at', 'reason', 'entries', 'headId', 'head', 'keyedFrom', 'keyId'] as const;

function signature(secret: Buffer, checkpoint: Omit<Checkpoint, 'sig'>): string {
  const text = JSON.stringify(SIGNED.map((field) => checkpoint[field]));
  return createHmac('sha256', secret).update(`veelzijdig access log checkpoint\n${text}`).digest('hex');
}

/** A signed checkpoint of the log as it is now. */
export function signCheckpoint(
  key: AuditKey,
  fields: CheckpointFields,
  reason: Checkpoint['reason'],
  at = new Date(),
): Checkpoint {
  const unsigned = { v: 1 as const, at: at.toISOString(), reason, ...fields };
  return { ...unsigned, sig: signature(key.secret, unsigned) };
}

export interface CheckpointFile {
  file: string;
  /** False when the file does not exist (no checkpoint was ever written there). */
  exists: boolean;
  checkpoints: Checkpoint[];
  /** Lines that are no checkpoint signed with this key: forged, changed or torn. */
  invalid: { line: number; reason: string }[];
}

const isCheckpoint = (value: unknown): value is Checkpoint => {
  const c = value as Partial<Checkpoint> | null;
  return (
    !!c &&
    c.v === 1 &&
    typeof c.at === 'string' &&
    ['start', 'periodic', 'stop'].includes(c.reason as string) &&
    Number.isSafeInteger(c.entries) &&
    Number.isSafeInteger(c.headId) &&
    typeof c.head === 'string' &&
    Number.isSafeInteger(c.keyedFrom) &&
    typeof c.keyId === 'string' &&
    typeof c.sig === 'string' &&
    /^[0-9a-f]{64}$/.test(c.sig)
  );
};

/** Checks each line of a checkpoint file's text; `firstLine` numbers them. */
function parseCheckpoints(text: string, key: AuditKey, firstLine = 1) {
  const checkpoints: Checkpoint[] = [];
  const invalid: CheckpointFile['invalid'] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    if (!isCheckpoint(parsed))
      return invalid.push({ line: firstLine + index, reason: 'is not a checkpoint' });
    const { sig, ...unsigned } = parsed;
    const expected = Buffer.from(signature(key.secret, unsigned), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex')))
      return invalid.push({
        line: firstLine + index,
        reason:
          parsed.keyId === key.id
            ? 'has a wrong signature (forged or changed)'
            : 'is signed with another key',
      });
    checkpoints.push(parsed);
  });
  return { checkpoints, invalid };
}

/** Reads and checks every line of the checkpoint file. */
export function readCheckpoints(file: string, key: AuditKey): CheckpointFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { file, exists: false, checkpoints: [], invalid: [] };
    throw error;
  }
  return { file, exists: true, ...parseCheckpoints(text, key) };
}

/** The newest valid checkpoint, read from the end of the file only (it grows for years). */
export function newestCheckpoint(file: string, key: AuditKey): Checkpoint | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 16 * 1024);
    const tail = Buffer.alloc(length);
    fs.readSync(fd, tail, 0, length, size - length);
    const lines = tail.toString('utf8').split('\n');
    if (length < size) lines.shift(); // Perhaps cut in the middle.
    return parseCheckpoints(lines.join('\n'), key).checkpoints.at(-1) ?? null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends one checkpoint and waits until it is on disk. */
export function appendCheckpoint(file: string, checkpoint: Checkpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface CheckpointWriterOptions {
  file: string;
  key: AuditKey;
  /** The log as it is now; null while it has no keyed entry. */
  head: () => Promise<CheckpointFields | null>;
  everyMs: number;
  /** Told about each checkpoint (a second copy of the anchor, e.g. in the server's log). */
  onWrite?: (checkpoint: Checkpoint) => void;
  onError?: (error: unknown) => void;
}

/** Writes a checkpoint now, every `everyMs` while the log grows, and one when stopped. */
export class CheckpointWriter {
  private timer: NodeJS.Timeout | null = null;
  private lastHeadId: number | null = null;
  private stopped = false;

  constructor(private readonly options: CheckpointWriterOptions) {}

  /** Writes a checkpoint unless it would say the same as the last one (periodic only). */
  async write(reason: Checkpoint['reason']): Promise<Checkpoint | null> {
    const head = await this.options.head();
    if (!head) return null;
    if (reason === 'periodic' && head.headId === this.lastHeadId) return null;
    const checkpoint = signCheckpoint(this.options.key, head, reason);
    appendCheckpoint(this.options.file, checkpoint);
    this.lastHeadId = head.headId;
    this.options.onWrite?.(checkpoint);
    return checkpoint;
  }

  async start(): Promise<void> {
    await this.write('start');
    this.timer = setInterval(() => {
      this.write('periodic').catch((error: unknown) => this.options.onError?.(error));
    }, this.options.everyMs);
    this.timer.unref();
  }

  /** Stops the timer and writes the stop checkpoint, once. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.write('stop');
  }
}
