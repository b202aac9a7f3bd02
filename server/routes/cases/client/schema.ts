/**
 * `PUT /api/cases/:caseId/client` (the coordinator corrects the client's details) and
 * `GET /api/cases/:caseId/client/bsn`. The schema lives in shared/intakeApi.ts, since the
 * board's form checks the same rules as intake.
 */
export { clientDetailsBodySchema } from '../../../../shared/intakeApi.js';
export type { ClientDetailsBody } from '../../../../shared/intakeApi.js';
