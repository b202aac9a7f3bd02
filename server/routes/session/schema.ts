import { z } from 'zod';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginBody = z.infer<typeof loginSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: z.string().max(200),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;

export const languageSchema = z.object({ language: z.enum(['nl', 'en']) });
export type LanguageBody = z.infer<typeof languageSchema>;
