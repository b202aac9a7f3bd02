/**
 * `PUT /api/cases/:caseId/coordinator`, `POST /api/cases/:caseId/close` and `…/reopen`. The
 * schemas live in shared/intakeApi.ts, since the board's controls build the same bodies.
 */
export { closeBodySchema, reopenBodySchema, transferBodySchema } from '../../../../shared/intakeApi.js';
export type { CloseBody, ReopenBody, TransferBody } from '../../../../shared/intakeApi.js';
