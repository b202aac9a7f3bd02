import type { SessionInfo } from './api.js';

/** Payloads of signing in and two-factor sign-in (`/api/session`), for both sides. */

/** The password was right; the code of the second step comes next (`POST /api/session/code`). */
export interface SecondStep {
  secondStep: { challenge: string };
}

/** What `POST /api/session` answers when the password is right. */
export type SignInAnswer = SessionInfo | SecondStep;

export const isSecondStep = (answer: SignInAnswer): answer is SecondStep => 'secondStep' in answer;

/**
 * Codes of refused sign-ins (beside `error`): `too-many-attempts` comes with `retryAfterSeconds`
 * (also in the Retry-After header); `challenge-expired` means: type the password again.
 */
export type SignInRefusal = 'wrong-credentials' | 'wrong-code' | 'too-many-attempts' | 'challenge-expired';

export interface TwoFactorState {
  enabled: boolean;
  /** This person's role must use it (REQUIRE_2FA): it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** A secret being set up: shown once, until it is confirmed with a code. */
export interface TwoFactorSetup {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The QR code as a data: URL (PNG). */
  qrCode: string;
}

/** Ten one-time codes, shown once. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}
