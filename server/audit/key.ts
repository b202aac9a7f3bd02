import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key of the access log's chain. It lives outside the database (AUDIT_KEY, or a key file in a
 * folder of its own), so whoever can change the database file cannot recompute the chain.
 */
export interface AuditKey {
  /** 32 secret bytes. */
  readonly secret: Buffer;
  /** A fingerprint that names the key without revealing it (stored in the log and checkpoints). */
  readonly id: string;
  /** Where it came from, for messages: the file, or `AUDIT_KEY`. */
  readonly source: string;
}

const KEY_BYTES = 32;

/** Builds the key from its 64 hex characters. */
export function auditKeyFromHex(hex: string, source: string): AuditKey {
  const secret = Buffer.from(hex.trim(), 'hex');
  if (secret.length !== KEY_BYTES || !/^[0-9a-fA-F]{64}$/.test(hex.trim()))
    throw new Error(`${source}: an audit key is 64 hex characters (32 bytes)`);
  const id = createHmac('sha256', secret).update('veelzijdig access log key id').digest('hex').slice(0, 16);
  return { secret, id, source };
}

/** Reads the key file; null when there is none. Throws when it is unreadable or malformed. */
export function readAuditKeyFile(file: string): AuditKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return auditKeyFromHex(text, file);
}

/**
 * The key file's key, created on first start: a random key written to a temporary file (mode
 * 0600, folder 0700) and linked into place, so two processes starting at once agree on one key
 * and nobody ever reads a half-written file.
 */
export function loadOrCreateAuditKey(file: string): { key: AuditKey; created: boolean } {
  const existing = readAuditKeyFile(file);
  if (existing) return { key: existing, created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  let created = true;
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false; // Another process was first: use its key.
  } finally {
    fs.unlinkSync(temporary);
  }
  return { key: readAuditKeyFile(file)!, created };
}

/** The configured key: AUDIT_KEY when set, else the key file (created when `create`). */
export function auditKeyOf(
  audit: { key: string | null; keyFile: string },
  options: { create: boolean },
): { key: AuditKey | null; created: boolean } {
  if (audit.key) return { key: auditKeyFromHex(audit.key, 'AUDIT_KEY'), created: false };
  if (options.create) return loadOrCreateAuditKey(audit.keyFile);
  return { key: readAuditKeyFile(audit.keyFile), created: false };
}
