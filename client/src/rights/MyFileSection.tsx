import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PlanSection, Sentences } from '../myplan/ReadAloud.js';
import './clientFile.css';
import '../i18n/nl/myPlan.js';

/**
 * The client's right of access in their own plan: read everything on a print page, or download
 * it as a file (SPEC RT9, RT10), and the plan as a FHIR file for a GP system (SPEC FH4). Plain links, so they work without script tricks and by keyboard.
 */
export function MyFileSection() {
  const { t } = useTranslation();
  return (
    <PlanSection id="my-file" heading={t('myFile.heading')} className="my-file">
      <p>
        <Sentences text={t('myFile.intro')} />
      </p>
      <p className="my-file-actions">
        <Link to="/mijn-plan/dossier" className="button">
          {t('myFile.read')}
        </Link>{' '}
        <a href="/api/my/file.json" download className="button">
          {t('myFile.download')}
        </a>{' '}
        <a href="/api/my/fhir" download className="button">
          {t('myFile.downloadFhir')}
        </a>
      </p>
      <p className="muted">{t('myFile.downloadHint')}</p>
      <p className="muted">{t('myFile.downloadFhirHint')}</p>
      <p className="muted">{t('myFile.logged')}</p>
    </PlanSection>
  );
}
