import { z } from 'zod';

export const invitationParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not an invitation token'),
});
export type InvitationParams = z.infer<typeof invitationParamsSchema>;

export const acceptSchema = z.object({ password: z.string().max(200) });
export type AcceptBody = z.infer<typeof acceptSchema>;
