import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAccessLog } from '../../server/audit/accessLog.js';
import { readCheckpoints } from '../../server/audit/checkpoints.js';
import { auditKeyFromHex, auditKeyOf } from '../../server/audit/key.js';
import type { AuditKey } from '../../server/audit/key.js';
import { auditListMigration, auditLogMigration } from '../../server/audit/schema.js';
import type { Config } from '../../server/config.js';
import { sqliteData } from '../../server/storage/sqlite.js';

/** A fresh random key, as a server makes on first start. */
export const testAuditKey = (): AuditKey => auditKeyFromHex(randomBytes(32).toString('hex'), 'test key');

/** A fresh log whose clock advances one minute per entry, starting 2026-03-02 09:01. */
export function freshLog(db = new Database(':memory:'), key = testAuditKey()) {
  db.exec(auditLogMigration);
  db.exec(auditListMigration);
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  const data = sqliteData(db);
  return { db, data, key, log: createAccessLog(data, { key, now: () => new Date((time += 60_000)) }) };
}

/** The key a server with these settings uses (its key file, or AUDIT_KEY). */
export const keyOf = (audit: Config['audit']): AuditKey => auditKeyOf(audit, { create: false }).key!;

/** Verifies a database file as the verify command does: with the server's key and its checkpoints. */
export async function verifyFile(file: string, audit: Config['audit']) {
  const db = new Database(file, { readonly: true });
  try {
    const key = keyOf(audit);
    return await createAccessLog(sqliteData(db), { key }).verify(readCheckpoints(audit.checkpointFile, key));
  } finally {
    db.close();
  }
}

/** Audit settings in a folder of their own, beside a data folder of its own. */
export function separateAuditFiles(): { dataDir: string; audit: Config['audit'] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-audit-'));
  return {
    dataDir: path.join(root, 'data'),
    audit: {
      key: null,
      keyFile: path.join(root, 'keys', 'audit.key'),
      checkpointFile: path.join(root, 'keys', 'data-audit-checkpoints.jsonl'),
      checkpointEveryMs: 5 * 60_000,
    },
  };
}
