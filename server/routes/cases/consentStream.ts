import type { Response } from 'express';
import { openEventStream } from '../../http/eventStream.js';
import type { Services } from '../../services/index.js';

/**
 * Server-Sent Events telling an open page (the board's consent list and compartments, the
 * client's plan) to read a case's consents again: when one is recorded or withdrawn, and when one
 * ends by its date, which no request announces, so the stream looks every `ACCESS_RECHECK_MS`.
 * Someone who lost the case meanwhile hears nothing more: `stillAllowed` false ends the stream.
 */
export function streamConsentChanges(
  s: Services,
  res: Response,
  caseId: string,
  stillAllowed: () => Promise<boolean> | boolean,
): void {
  const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
  let inForce: string | null = null;
  const tell = async () => {
    if (!(await stillAllowed())) {
      res.end();
      return;
    }
    inForce = await s.caseAdmin.inForceKey(caseId);
    stream.send('changed', {});
  };
  // A check that fails ends the stream (the page opens a new one, which checks again).
  const inTurn = (work: () => Promise<void>) => void work().catch(() => res.end());
  inTurn(async () => {
    inForce ??= await s.caseAdmin.inForceKey(caseId);
  });
  const listener = (changed: string) => {
    if (changed === caseId) inTurn(tell);
  };
  s.caseAdmin.changes.on('case', listener);
  const ends = setInterval(
    () =>
      inTurn(async () => {
        if ((await s.caseAdmin.inForceKey(caseId)) !== inForce) await tell();
      }),
    s.config.accessRecheckMs,
  );
  stream.onClose(() => {
    s.caseAdmin.changes.off('case', listener);
    clearInterval(ends);
  });
}
