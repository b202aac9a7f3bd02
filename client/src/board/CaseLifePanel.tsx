import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails } from '../../../shared/api.js';
import { closeReasons } from '../../../shared/intakeApi.js';
import type { CloseReason, CloseRequest, TransferRequest } from '../../../shared/intakeApi.js';
import { postJson, putJson } from '../api.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import '../intake/intake.css';
import { ClientDetailsSection } from './ClientDetailsSection.js';
import './panels.css';
import '../i18n/nl/intake.js';

interface Props {
  details: CaseDetails;
  /** Reloads the case after a step, so access, banner and panels follow. */
  onChanged(): void;
}

/** The "Gesloten" banner of a closed case: when, why, and that everyone can only read it. */
export function ClosedBanner({ details }: { details: CaseDetails }) {
  const { t, i18n } = useTranslation();
  const closure = details.closure;
  if (!closure) return null;
  return (
    <div className="case-closed-banner" role="status" aria-labelledby="case-closed-heading">
      <strong id="case-closed-heading">{t('caseLife.closedBanner')}</strong>
      <p>
        {t('caseLife.closedText', {
          date: formatDate(closure.closedAt.slice(0, 10), i18n.language),
          reason: closure.reason ? t(`caseLife.reasons.${closure.reason}`) : '—',
        })}
      </p>
      {closure.note && <p>{t('caseLife.closedNote', { note: closure.note })}</p>}
      {closure.contactAfter && <p>{t('caseLife.closedContact', { name: closure.contactAfter.name })}</p>}
    </div>
  );
}

/**
 * The case's life: who coordinates it, the client's details, and what happened to it; the
 * coordinator corrects the details, hands the case over, closes it with a reason, a note and whom
 * the client calls afterwards, or reopens it with a reason.
 */
export function CaseLifePanel({ details, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const rights = details.myAccess.lifecycle;
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const base = `/api/cases/${encodeURIComponent(details.id)}`;

  const run = async (action: () => Promise<unknown>, message: string | null = null) => {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="panel case-life-panel" aria-labelledby="case-life-heading">
      <h2 id="case-life-heading">{t('caseLife.heading')}</h2>
      <p>
        {t('caseLife.coordinator')}: {details.coordinator?.name ?? t('caseLife.none')}
      </p>
      <ClientDetailsSection details={details} onChanged={onChanged} />
      {rights.transfer && (
        <TransferForm
          details={details}
          onSubmit={(body, name) =>
            run(() => putJson(`${base}/coordinator`, body), t('caseLife.transfer.done', { name }))
          }
        />
      )}
      {rights.close && (
        <CloseForm details={details} onSubmit={(body) => run(() => postJson(`${base}/close`, body))} />
      )}
      {rights.reopen && (
        <ReopenForm onSubmit={(reason) => run(() => postJson(`${base}/reopen`, { reason }))} />
      )}
      <p role="status" className="form-ok">
        {done}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {t('caseLife.failed', { message: error })}
        </p>
      )}
      {details.events.length > 0 && (
        <>
          <h3>{t('caseLife.events.heading')}</h3>
          <ul className="case-events">
            {details.events.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>{' '}
                {t(`caseLife.events.${e.kind}`, {
                  by: e.by ?? '—',
                  to: e.to?.name ?? '—',
                  reason:
                    e.kind === 'closed' && e.reason
                      ? t(`caseLife.reasons.${e.reason as CloseReason}`)
                      : (e.reason ?? ''),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TransferForm({
  details,
  onSubmit,
}: {
  details: CaseDetails;
  onSubmit(body: TransferRequest, name: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [previous, setPrevious] = useState<TransferRequest['previousCoordinator']>('write');
  const [note, setNote] = useState('');
  const candidates = details.members.filter((m) => m.id !== details.coordinator?.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = candidates.find((m) => m.id === to);
    if (!person) return;
    void onSubmit({ coordinatorId: to, previousCoordinator: previous, note: note || null }, person.name).then(
      () => {
        setTo('');
        setNote('');
      },
    );
  };
  return (
    <form className="panel-form" onSubmit={submit} aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">{t('caseLife.transfer.heading')}</h3>
      <div className="field-row">
        <div>
          <label htmlFor="transfer-to">{t('caseLife.transfer.to')}</label>
          <select id="transfer-to" value={to} required onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('caseLife.transfer.choose')}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.roleTitle})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="transfer-previous">{t('caseLife.transfer.previous')}</label>
          <select
            id="transfer-previous"
            value={previous}
            onChange={(e) => setPrevious(e.target.value as TransferRequest['previousCoordinator'])}
          >
            {(['write', 'read', 'leave'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`caseLife.transfer.previousOptions.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="transfer-note">{t('caseLife.transfer.note')}</label>
      <textarea id="transfer-note" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">{t('caseLife.transfer.submit')}</button>
    </form>
  );
}

function CloseForm({
  details,
  onSubmit,
}: {
  details: CaseDetails;
  onSubmit(body: CloseRequest): Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  // Whom the client calls once the support has ended: someone on the case, the coordinator first.
  const [contactAfterId, setContactAfterId] = useState(details.coordinator?.id ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!window.confirm(t('caseLife.close.confirm', { name: details.clientName }))) return;
    void onSubmit({ reason: reason as CloseReason, note, contactAfterId: contactAfterId || null });
  };
  return (
    <form className="panel-form" onSubmit={submit} aria-labelledby="close-heading">
      <h3 id="close-heading">{t('caseLife.close.heading')}</h3>
      <label htmlFor="close-reason">{t('caseLife.close.reason')}</label>
      <select id="close-reason" value={reason} required onChange={(e) => setReason(e.target.value)}>
        <option value="">{t('caseLife.close.choose')}</option>
        {closeReasons.map((r) => (
          <option key={r} value={r}>
            {t(`caseLife.reasons.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor="close-note">{t('caseLife.close.note')}</label>
      <textarea
        id="close-note"
        required
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <label htmlFor="close-contact-after">{t('caseLife.close.contactAfter')}</label>
      <select
        id="close-contact-after"
        value={contactAfterId}
        aria-describedby="close-contact-after-hint"
        onChange={(e) => setContactAfterId(e.target.value)}
      >
        {details.members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.id === details.coordinator?.id ? t('caseLife.coordinator') : m.roleTitle})
          </option>
        ))}
      </select>
      <p id="close-contact-after-hint" className="muted">
        {t('caseLife.close.contactAfterHint')}
      </p>
      <button type="submit" className="danger">
        {t('caseLife.close.submit')}
      </button>
    </form>
  );
}

function ReopenForm({ onSubmit }: { onSubmit(reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="panel-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(reason);
      }}
      aria-labelledby="reopen-heading"
    >
      <h3 id="reopen-heading">{t('caseLife.reopen.heading')}</h3>
      <label htmlFor="reopen-reason">{t('caseLife.reopen.reason')}</label>
      <textarea
        id="reopen-reason"
        required
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit">{t('caseLife.reopen.submit')}</button>
    </form>
  );
}
