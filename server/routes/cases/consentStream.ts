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
  stillAllowed: () => boolean,
): void {
  const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
  let inForce = s.caseAdmin.inForceKey(caseId);
  const tell = () => {
    if (!stillAllowed()) {
      res.end();
      return;
    }
    inForce = s.caseAdmin.inForceKey(caseId);
    stream.send('changed', {});
  };
  const listener = (changed: string) => {
    if (changed === caseId) tell();
  };
  s.caseAdmin.changes.on('case', listener);
  const ends = setInterval(() => {
    if (s.caseAdmin.inForceKey(caseId) !== inForce) tell();
  }, s.config.accessRecheckMs);
  stream.onClose(() => {
    s.caseAdmin.changes.off('case', listener);
    clearInterval(ends);
  });
}
