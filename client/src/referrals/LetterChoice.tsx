import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterTemplate } from '../../../shared/letters.js';
import type { ProfessionalSummary } from '../../../shared/api.js';
import { postJson } from '../api.js';
import { useApi } from '../useApi.js';

export interface LetterDraft {
  templateId: string | null;
  text: string;
}

/** Whether a letter fits a referral from one side to another ('any' fits both). */
const fits = (t: LetterTemplate, from: 'medical' | 'social' | null, to: 'medical' | 'social' | null) =>
  (t.fromSide === 'any' || t.fromSide === from) && (t.toSide === 'any' || t.toSide === to);

/**
 * The letter that goes with a referral (SPEC LT3): one of the district's standard letters that
 * fits the two sides, filled in from what the form says so far, then edited here before sending.
 * A field the server could not fill stays as [veld] and is named below the letter.
 */
export function LetterChoice({
  caseId,
  person,
  mySide,
  request,
  value,
  onChange,
}: {
  caseId: string;
  person: ProfessionalSummary | null;
  mySide: 'medical' | 'social' | null;
  /** What the letter is filled in from. */
  request: {
    goalId: string | null;
    serviceId: string | null;
    reason: string;
    question: string;
    carries: string | null;
  };
  value: LetterDraft;
  onChange(draft: LetterDraft): void;
}) {
  const { t } = useTranslation('referrals');
  const id = useId();
  const { data } = useApi<{ templates: LetterTemplate[] }>('/api/letter-templates');
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const templates = (data?.templates ?? []).filter((tpl) => fits(tpl, mySide, person?.domain ?? null));
  const chosen = templates.find((tpl) => tpl.id === value.templateId) ?? null;

  const fill = async (templateId: string) => {
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await postJson<{ text: string; missing: string[] }>(
        `/api/cases/${encodeURIComponent(caseId)}/letter`,
        {
          templateId,
          toProfessionalId: person.id,
          ...request,
        },
      );
      setMissing(answer.missing);
      onChange({ templateId, text: answer.text });
    } catch (e) {
      setError(t('letter.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="letter-choice">
      <legend>{t('letter.legend')}</legend>
      {!person ? (
        <p className="hint">{t('form.carryChoosePerson')}</p>
      ) : (
        <>
          <label htmlFor={`${id}-template`}>{t('letter.template')}</label>
          <select
            id={`${id}-template`}
            value={value.templateId ?? ''}
            onChange={(e) => {
              const templateId = e.target.value || null;
              setMissing([]);
              if (templateId) void fill(templateId);
              else onChange({ templateId: null, text: '' });
            }}
          >
            <option value="">{t('letter.none')}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </select>
          {chosen && <p className="hint">{chosen.purpose}</p>}
          {chosen && (
            <>
              <button type="button" disabled={busy} onClick={() => void fill(chosen.id)}>
                {t('letter.refill')}
              </button>
              <label htmlFor={`${id}-text`}>{t('letter.text')}</label>
              <textarea
                id={`${id}-text`}
                className="letter-text"
                rows={14}
                maxLength={20_000}
                value={value.text}
                aria-describedby={missing.length > 0 ? `${id}-missing` : undefined}
                onChange={(e) => onChange({ ...value, text: e.target.value })}
              />
              {missing.length > 0 && (
                <p className="hint" id={`${id}-missing`}>
                  {t('letter.missing', { fields: missing.map((m) => `[${m}]`).join(', ') })}
                </p>
              )}
              <p className="hint">{t('letter.legalBasis', { basis: chosen.legalBasis })}</p>
            </>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
