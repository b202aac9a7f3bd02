import { z } from 'zod';
import { passwordLength } from '../../../shared/passwordPolicy.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(passwordLength.max),
});
export type LoginBody = z.infer<typeof loginSchema>;

/** The second step: the challenge the password step gave and a code (6 digits or a recovery code). */
export const codeSchema = z.object({
  challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a sign-in challenge'),
  code: z.string().trim().min(6, 'is required').max(20),
  /** Skip the second step in this browser for 30 days. */
  rememberDevice: z.boolean().default(false),
});
export type CodeBody = z.infer<typeof codeSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(passwordLength.max),
  // Longer than the rule allows is refused by the rule, with its reason (passwordProblem).
  newPassword: z.string().max(1000),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;

export const languageSchema = z.object({ language: z.enum(['nl', 'en']) });
export type LanguageBody = z.infer<typeof languageSchema>;

/** Setting up two-factor sign-in again (it is on already) needs the password. */
export const twoFactorSetupSchema = z.object({
  currentPassword: z.string().min(1).max(passwordLength.max).optional(),
});
export type TwoFactorSetupBody = z.infer<typeof twoFactorSetupSchema>;

export const twoFactorConfirmSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits the app shows'),
});
export type TwoFactorConfirmBody = z.infer<typeof twoFactorConfirmSchema>;

/** New recovery codes, or turning two-factor sign-in off: the password again. */
export const currentPasswordSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(passwordLength.max),
});
export type CurrentPasswordBody = z.infer<typeof currentPasswordSchema>;
