import { z } from 'zod';
import { teamKinds } from '../../../shared/adminApi.js';
import { adviceAreas } from '../../../shared/decisionTree.js';
import { idSchema } from '../../../shared/domain.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const nodeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, dashes or underscores');

const question = z.object({
  id: nodeId,
  kind: z.literal('question'),
  text: text(300),
  help: text(500).default(''),
  answers: z.array(z.object({ id: nodeId, label: text(200), next: nodeId })).max(12),
});
const advice = z.object({
  id: nodeId,
  kind: z.literal('advice'),
  text: text(500),
  area: z.enum(adviceAreas),
  teamKind: z.enum(teamKinds).nullable(),
  serviceId: z.uuid().nullable(),
});

/** A tree as the editor saves it (SPEC DT1); its structure is checked by `treeProblems`. */
export const treeContentSchema = z.object({
  title: text(160).min(1, 'is required'),
  description: text(1_000).default(''),
  rootId: nodeId,
  nodes: z
    .array(z.discriminatedUnion('kind', [question, advice]))
    .min(1)
    .max(200),
});
export const newTreeBodySchema = treeContentSchema.extend({ districtId: idSchema });
export const treeParamsSchema = z.object({ treeId: z.uuid() });
export const treeQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });
export const treesQuerySchema = z.object({
  districtId: idSchema.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const archivedBodySchema = z.object({ archived: z.boolean() });
export const adviceQuerySchema = z.object({
  answers: z
    .string()
    .max(2_000)
    .optional()
    .transform((v) => (v ?? '').split(',').filter(Boolean))
    .pipe(z.array(nodeId).max(50)),
});
