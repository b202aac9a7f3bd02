import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The shortest password the server accepts (server/auth/passwords.ts). */
export const minPasswordLength = 10;

/** The server's reason a password was refused, in the reader's language when we know it. */
export function passwordError(t: TFunction, message: string): string {
  if (message.startsWith('currentPassword:')) return t('password.wrongCurrent');
  if (/password: must be at least/i.test(message))
    return t('password.tooShort', { count: minPasswordLength });
  return message;
}

/** Why a new password and its repeat cannot be sent yet, or null when they can. */
export function newPasswordProblem(t: TFunction, password: string, repeat: string): string | null {
  if (password !== repeat) return t('password.mismatch');
  if (password.length < minPasswordLength) return t('password.tooShort', { count: minPasswordLength });
  return null;
}

interface Props {
  idPrefix: string;
  label: string;
  password: string;
  repeat: string;
  onPassword(value: string): void;
  onRepeat(value: string): void;
}

/** A new password typed twice, with the rule it must meet (invitation and password change). */
export function NewPasswordFields({ idPrefix, label, password, repeat, onPassword, onRepeat }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`${idPrefix}-password`}>{label}</label>
      <input
        id={`${idPrefix}-password`}
        type="password"
        autoComplete="new-password"
        aria-describedby={`${idPrefix}-password-hint`}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        required
      />
      <p id={`${idPrefix}-password-hint`} className="hint">
        {t('password.rule', { count: minPasswordLength })}
      </p>
      <label htmlFor={`${idPrefix}-repeat`}>{t('password.repeat')}</label>
      <input
        id={`${idPrefix}-repeat`}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        required
      />
    </>
  );
}
