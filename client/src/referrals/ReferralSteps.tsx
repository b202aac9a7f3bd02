import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralRole, ReferralStatus, ReferralStep } from '../../../shared/referralApi.js';
import { ApiRequestError, postJson } from '../api.js';
import { allowedSteps, needsReason, stepReasons } from './referralView.js';
import type { ReasonedStep } from './referralView.js';

/**
 * The steps I may take on a referral (SPEC RF3): a step without a reason is one click, a step that
 * needs one (reject, failed, cancel) first asks why. An optional note goes with either.
 */
export function ReferralSteps({
  referral,
  role,
  onChanged,
}: {
  referral: Referral;
  role: ReferralRole;
  onChanged(): void;
}) {
  const { t } = useTranslation('referrals');
  const id = useId();
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<ReasonedStep | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const steps = allowedSteps(referral.status, role);
  if (steps.length === 0) return null;

  const take = async (step: ReferralStep) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await postJson(`/api/referrals/${encodeURIComponent(referral.id)}/status`, {
        ...step,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      setAsking(null);
      setReason('');
      setDone(t('step.done', { status: t(`status.${step.to}`) }));
      onChanged();
    } catch (e) {
      const stale = e instanceof ApiRequestError && e.details.code === 'step-not-allowed';
      setError(stale ? t('step.notAllowed') : t('step.error', { message: (e as Error).message }));
      if (stale) onChanged();
    } finally {
      setBusy(false);
    }
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!asking || !reason) return;
    void take({ to: asking, reason } as ReferralStep);
  };
  const simple = (to: ReferralStatus) => ({ to }) as ReferralStep;

  return (
    <div className="referral-steps" role="group" aria-label={t('step.actions')}>
      <label htmlFor={`${id}-note`}>{t('step.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {asking ? (
        <form className="referral-reason" onSubmit={confirm}>
          <label htmlFor={`${id}-reason`}>{t('step.reason')}</label>
          <select
            id={`${id}-reason`}
            value={reason}
            required
            autoFocus
            onChange={(e) => setReason(e.target.value)}
          >
            <option value="">{t('step.chooseReason')}</option>
            {stepReasons[asking].map((r) => (
              <option key={r} value={r}>
                {t(`reason.${asking}.${r}`)}
              </option>
            ))}
          </select>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || !reason}>
              {t('step.confirm', { step: t(`step.${asking}`) })}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('step.back')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions referral-step-buttons">
          {steps.map((to) => (
            <button
              key={to}
              type="button"
              className={needsReason(to) ? undefined : 'primary'}
              disabled={busy}
              onClick={() => {
                if (needsReason(to)) {
                  setReason('');
                  setAsking(to);
                } else void take(simple(to));
              }}
            >
              {t(`step.${to}`)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="form-ok" role="status">
        {done}
      </p>
    </div>
  );
}
