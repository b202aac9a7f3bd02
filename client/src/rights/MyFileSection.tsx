import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlanSection, Sentences } from '../myplan/ReadAloud.js';
import './clientFile.css';

/**
 * The client's right of access in their own plan: read everything on a print page, or download
 * it as a file (SPEC RT9, RT10), and the plan as a FHIR file for a GP system (SPEC FH4). Plain links, so they work without script tricks and by keyboard.
 */
export function MyFileSection() {
  const { t } = useTranslation();
  return (
    <PlanSection id="my-file" heading={t('rights.myFile.heading')} className="my-file">
      <p>
        <Sentences text={t('rights.myFile.intro')} />
      </p>
      <p className="my-file-actions">
        <Link to="/mijn-plan/dossier" className="button">
          {t('rights.myFile.read')}
        </Link>{' '}
        <a href="/api/my/file.json" download className="button">
          {t('rights.myFile.download')}
        </a>{' '}
        <a href="/api/my/fhir" download className="button">
          {t('rights.myFile.downloadFhir')}
        </a>
      </p>
      <p className="muted">{t('rights.myFile.downloadHint')}</p>
      <p className="muted">{t('rights.myFile.downloadFhirHint')}</p>
      <p className="muted">{t('rights.myFile.logged')}</p>
    </PlanSection>
  );
}
