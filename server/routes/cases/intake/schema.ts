/**
 * `POST /api/cases` (register a client) and `POST /api/cases/access-requests` (ask the
 * coordinator of a possible duplicate to add me). The schemas live in shared/intakeApi.ts, since
 * the intake page builds the same bodies; the handlers get the types of what was checked.
 */
export { accessRequestBodySchema, intakeBodySchema } from '../../../../shared/intakeApi.js';
export type { AccessRequestBody, IntakeBody } from '../../../../shared/intakeApi.js';
