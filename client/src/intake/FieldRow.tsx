import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, IntakeField } from './fieldErrors.js';
import '../i18n/nl/intake.js';

/** A labelled intake field; its error names the field and is tied to the control. */
export function FieldRow({
  name,
  label,
  error,
  hint,
  children,
}: {
  name: IntakeField;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="intake-field">
      <label htmlFor={`intake-${name}`}>{label}</label>
      {hint && (
        <p id={`intake-${name}-hint`} className="muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`intake-${name}-error`} className="form-error" role="alert">
          {t('intake.invalid', { field: t(`intake.fields.${name}`), message: error })}
        </p>
      )}
    </div>
  );
}

/** The id and ARIA attributes that tie a control to its label, its hint and its error. */
export function describedProps(key: IntakeField, errors: FieldErrors, hint = false) {
  return {
    id: `intake-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby':
      [hint && `intake-${key}-hint`, errors[key] && `intake-${key}-error`].filter(Boolean).join(' ') ||
      undefined,
  };
}
