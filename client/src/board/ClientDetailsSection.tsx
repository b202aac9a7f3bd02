import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBsn } from '../../../shared/bsn.js';
import type { CaseDetails } from '../../../shared/api.js';
import { getJson } from '../api.js';
import { formatDate } from '../i18n/index.js';
import { ClientDetailsForm } from './ClientDetailsForm.js';
import '../i18n/nl/intake.js';

interface Props {
  details: CaseDetails;
  /** Reloads the case after a correction. */
  onChanged(): void;
}

/**
 * "Cliëntgegevens" in the Dossier panel: date of birth, address, phone, language, reading level,
 * and the BSN masked until someone presses "Toon BSN" (a guard against reading over a shoulder;
 * the server logs it as a read). The coordinator of an open case corrects them.
 */
export function ClientDetailsSection({ details, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const client = details.client;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const notGiven = <span className="muted">{t('caseLife.client.notGiven')}</span>;
  const languageName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  const born = client.dateOfBirth
    ? formatDate(client.dateOfBirth, i18n.language)
    : details.birthYear && t('caseLife.client.birthYear', { year: details.birthYear });

  return (
    <section className="client-details" aria-labelledby="client-details-heading">
      <h3 id="client-details-heading">{t('caseLife.client.heading')}</h3>
      <dl className="client-details-list">
        <dt>{t('caseLife.client.dateOfBirth')}</dt>
        <dd>{born || notGiven}</dd>
        <dt>{t('caseLife.client.address')}</dt>
        <dd>{client.address ?? notGiven}</dd>
        <dt>{t('caseLife.client.phone')}</dt>
        <dd>{client.phone ? <a href={`tel:${client.phone}`}>{client.phone}</a> : notGiven}</dd>
        <dt>{t('caseLife.client.preferredLanguage')}</dt>
        <dd>{client.preferredLanguage ? languageName(client.preferredLanguage) : notGiven}</dd>
        <dt>{t('caseLife.client.readingLevel')}</dt>
        <dd>{client.readingLevel ? t(`intake.readingLevels.${client.readingLevel}`) : notGiven}</dd>
        <dt>{t('caseLife.client.bsn')}</dt>
        <dd>{client.hasBsn ? <MaskedBsn caseId={details.id} /> : notGiven}</dd>
      </dl>
      <p role="status" className="form-ok">
        {saved && !editing ? t('caseLife.client.saved') : null}
      </p>
      {details.myAccess.lifecycle.correctClient &&
        (editing ? (
          <ClientDetailsForm
            details={details}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              onChanged();
            }}
          />
        ) : (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('caseLife.client.edit')}
          </button>
        ))}
    </section>
  );
}

/** The BSN as dots; "Toon BSN" asks the server for it (logged), "Verberg BSN" hides it again. */
function MaskedBsn({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [bsn, setBsn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Another case on the same page component: masked again.
  useEffect(() => setBsn(null), [caseId]);
  const show = () => {
    setError(null);
    getJson<{ bsn: string | null }>(`/api/cases/${encodeURIComponent(caseId)}/client/bsn`)
      .then((body) => setBsn(body.bsn))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <>
      {bsn ? (
        <span className="bsn">{formatBsn(bsn)}</span>
      ) : (
        <span className="bsn-masked" aria-label={t('caseLife.client.bsnMasked')}>
          ••••.••.•••
        </span>
      )}{' '}
      <button
        type="button"
        className="small"
        aria-describedby="show-bsn-hint"
        onClick={bsn ? () => setBsn(null) : show}
      >
        {bsn ? t('caseLife.client.hideBsn') : t('caseLife.client.showBsn')}
      </button>
      <span id="show-bsn-hint" className="muted small-text">
        {' '}
        {t('caseLife.client.showBsnHint')}
      </span>
      {error && (
        <span className="form-error" role="alert">
          {' '}
          {t('caseLife.failed', { message: error })}
        </span>
      )}
    </>
  );
}
