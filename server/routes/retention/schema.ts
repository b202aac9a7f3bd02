import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { retentionParts } from '../../../shared/rightsApi.js';

export const erasureParamsSchema = z.object({ caseId: idSchema });
/** The part the admin confirms the erasure of (SPEC RT4): one at a time, never the whole case by default. */
export const erasureBodySchema = z.object({ part: z.enum(retentionParts) });
