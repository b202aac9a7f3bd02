import { z } from 'zod';
import type { SyncNotice } from './protocol.js';

/**
 * The notices of `shared/protocol.ts` as the browser reads them (SPEC R2): checked before use,
 * because a message from the network is never trusted to have the shape it claims.
 */
const trimmedNoticeSchema = z.object({
  kind: z.literal('trimmed'),
  path: z.array(z.string().max(200)).min(1).max(16),
  maxLength: z.number().int().min(0),
  removed: z.string(),
});

const accessNoticeSchema = z.object({
  kind: z.literal('access'),
  access: z.enum(['read', 'write']),
});
const noticeSchema = z.discriminatedUnion('kind', [trimmedNoticeSchema, accessNoticeSchema]);

/** The notice in a message's JSON, or null for anything this version does not know. */
export function parseSyncNotice(json: string): SyncNotice | null {
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
