import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Data } from '../storage/data.js';
import { createAccessLog } from './accessLog.js';
import type { AccessLog } from './accessLog.js';
import { KEYED_EVENT } from './chain.js';
import { CheckpointWriter, newestCheckpoint } from './checkpoints.js';
import { closeInterruptedSessions } from './interrupted.js';
import { auditKeyOf } from './key.js';
import type { AuditKey } from './key.js';

export interface RunningAudit {
  audit: AccessLog;
  key: AuditKey;
  checkpoints: CheckpointWriter;
}

/**
 * Opens the access log for the server: the key (created on first start, never while the log is
 * keyed with a key that went missing), the keyed chain, the sessions a crash left open, a first
 * checkpoint and the periodic ones. A log that no longer matches its last checkpoint is said
 * loudly at start; `npm run audit:verify` names what is wrong.
 */
export async function startAudit(
  data: Data,
  config: Config['audit'],
  log: Logger,
  /** Several instances: this one's name (see closeInterruptedSessions). */
  instance: string | null = null,
): Promise<RunningAudit> {
  const { db } = data;
  const keyed = await db
    .selectFrom('access_log')
    .select('id')
    .where('event', '=', KEYED_EVENT)
    .limit(1)
    .executeTakeFirst();
  const { key, created } = auditKeyOf(config, { create: !keyed });
  if (!key)
    throw new Error(
      `the access log is keyed, but its key is missing (${config.keyFile}): restore the key file from its backup, or set AUDIT_KEY`,
    );
  if (created)
    log.warn('created the access log key: back it up apart from the data', { file: config.keyFile });
  const audit = createAccessLog(data, { key });
  await audit.keyChain();

  const last = newestCheckpoint(config.checkpointFile, key);
  if (last) {
    const row = await db
      .selectFrom('access_log')
      .select([
        'hash',
        (eb) =>
          eb.selectFrom('access_log').select(eb.fn.countAll().as('n')).where('id', '<=', last.headId).as('n'),
      ])
      .where('id', '=', last.headId)
      .executeTakeFirst();
    if (!row || row.hash !== last.head || Number(row.n) !== last.entries)
      log.error('the access log does not match its last checkpoint: run npm run audit:verify', {
        checkpointAt: last.at,
        headId: last.headId,
      });
  }

  const interrupted = await closeInterruptedSessions(db, audit, instance);
  if (interrupted) log.info('closed editing sessions a stopped server left open', { interrupted });

  const checkpoints = new CheckpointWriter({
    file: config.checkpointFile,
    key,
    head: () => audit.head(),
    everyMs: config.checkpointEveryMs,
    // A second copy of the anchor where the server's log goes: counts and a hash, nothing personal.
    onWrite: (c) =>
      log.info('access log checkpoint', {
        reason: c.reason,
        entries: c.entries,
        headId: c.headId,
        head: c.head,
      }),
    onError: (error) => log.error('writing an access log checkpoint failed', { error: String(error) }),
  });
  await checkpoints.start();
  return { audit, key, checkpoints };
}
