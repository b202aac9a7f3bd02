import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { ClientFile } from '../../../shared/rightsApi.js';
import { useApi } from '../useApi.js';
import { ClientFileView } from './ClientFileView.js';
import './clientFile.css';
import '../i18n/nl/rights.js';

/** The print page of a copy: the same words on screen and on paper, with one button to print. */
function FilePage({ source, back }: { source: string; back: string }) {
  const { t } = useTranslation();
  const { data, error } = useApi<{ file: ClientFile }>(source);
  if (error) return <p role="alert">{t('rights.file.loadError', { message: error })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="client-file-page">
      <div className="client-file-tools">
        <Link to={back}>{t('rights.file.back')}</Link>
        <button type="button" className="print-button" onClick={() => window.print()}>
          {t('rights.file.print')}
        </button>
      </div>
      <ClientFileView file={data.file} />
    </div>
  );
}

/** The client's own copy, from their plan (/mijn-plan/dossier). */
export function MyFilePage() {
  return <FilePage source="/api/my/file" back="/mijn-plan" />;
}

/** The copy the coordinator makes on the client's behalf (/cases/:caseId/dossier). */
export function CaseFilePage() {
  const { caseId } = useParams<{ caseId: string }>();
  return (
    <FilePage
      source={`/api/cases/${encodeURIComponent(caseId ?? '')}/client-file`}
      back={`/cases/${caseId}`}
    />
  );
}
