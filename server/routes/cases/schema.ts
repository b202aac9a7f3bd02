import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

export const caseParamsSchema = z.object({ caseId: idSchema });
export type CaseParams = z.infer<typeof caseParamsSchema>;
