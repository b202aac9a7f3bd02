import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { passwordLength } from '../../../shared/passwordPolicy.js';
import type { PasswordVerdict } from '../../../shared/passwordPolicy.js';
import { warningInWords } from '../signIn/refusals.js';
import '../signIn/signIn.css';
import '../i18n/nl/access.js';
import '../i18n/nl/signIn.js';

export { passwordError } from '../signIn/refusals.js';
export { usePasswordVerdict } from '../signIn/usePasswordVerdict.js';

/** Why a new password and its repeat cannot be sent yet, or null when they can (the server checks again). */
export function newPasswordProblem(
  t: TFunction,
  password: string,
  repeat: string,
  verdict: PasswordVerdict | null,
): string | null {
  if (password !== repeat) return t('password.mismatch');
  if ([...password].length < passwordLength.min) return t('password.tooShort', { count: passwordLength.min });
  if (verdict?.problem === 'password-too-long')
    return t('passwordStrength.tooLong', { count: passwordLength.max });
  if (verdict?.problem === 'password-too-weak')
    return [t('passwordStrength.tooWeak'), warningInWords(t, verdict.warning)].filter(Boolean).join(' ');
  return null;
}

interface Props {
  idPrefix: string;
  label: string;
  password: string;
  repeat: string;
  /** The verdict on the password as it is typed (`usePasswordVerdict` with the person's own names). */
  verdict: PasswordVerdict | null;
  onPassword(value: string): void;
  onRepeat(value: string): void;
}

/** How strong the password is, in a bar and in words, with what makes it easy to guess. */
function StrengthMeter({
  id,
  password,
  verdict,
}: {
  id: string;
  password: string;
  verdict: PasswordVerdict | null;
}) {
  const { t } = useTranslation();
  const short = [...password].length < passwordLength.min;
  const words = !password
    ? ''
    : !verdict
      ? t('passwordStrength.checking')
      : [
          short
            ? t('password.tooShort', { count: passwordLength.min })
            : t(`passwordStrength.level.${verdict.score}`),
          verdict.problem === 'password-too-weak' || short ? warningInWords(t, verdict.warning) : '',
        ]
          .filter(Boolean)
          .join(' ');
  const level = verdict ? (short ? Math.min(verdict.score, 1) : verdict.score) : 0;
  return (
    <div className="password-strength">
      {password && (
        <div className="strength-bar" data-level={level} aria-hidden="true">
          <span style={{ width: `${((level + 1) / 5) * 100}%` }} />
        </div>
      )}
      <p id={id} className="strength-words" aria-live="polite">
        {words && <span className="visually-hidden">{t('passwordStrength.label')}: </span>}
        {words}
      </p>
    </div>
  );
}

/** A new password typed twice, with the rule, a strength meter and why it is weak (invitation and password change). */
export function NewPasswordFields({
  idPrefix,
  label,
  password,
  repeat,
  verdict,
  onPassword,
  onRepeat,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`${idPrefix}-password`}>{label}</label>
      <input
        id={`${idPrefix}-password`}
        type="password"
        autoComplete="new-password"
        aria-describedby={`${idPrefix}-password-hint ${idPrefix}-strength`}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        required
      />
      <p id={`${idPrefix}-password-hint`} className="hint">
        {t('passwordStrength.rule', { count: passwordLength.min })}
      </p>
      <StrengthMeter id={`${idPrefix}-strength`} password={password} verdict={verdict} />
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
