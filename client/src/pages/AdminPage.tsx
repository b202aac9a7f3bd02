import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrphanedCasesAnswer, PlacesAnswer, TeamsAnswer } from '../../../shared/adminApi.js';
import { getJson } from '../api.js';
import { AccessLogSearch } from '../admin/AccessLogSearch.js';
import { RetentionSection } from '../admin/RetentionSection.js';
import { OrganisationsSection } from '../admin/OrganisationsSection.js';
import { GlossaryAdmin } from '../glossary/GlossaryAdmin.js';
import { LettersAdmin } from '../referrals/LettersAdmin.js';
import { loadTreesAdmin } from '../decisionTrees/texts.js';
import { OrphanedCasesSection } from '../admin/OrphanedCasesSection.js';
import { PlacesSection } from '../admin/PlacesSection.js';
import { ProfessionalForm } from '../admin/ProfessionalForm.js';
import { ProfessionalsSection } from '../admin/ProfessionalsSection.js';
import { TeamsSection } from '../admin/TeamsSection.js';
import { UsersSection } from '../admin/UsersSection.js';
import '../admin/admin.css';
import '../i18n/nl/access.js';
import '../i18n/nl/admin.js';
import '../i18n/nl/rights.js';

interface Loaded {
  places: PlacesAnswer;
  teams: TeamsAnswer;
  orphans: OrphanedCasesAnswer;
}

/** The decision trees' editor comes with its own texts, when the admin page is opened. */
const TreesAdmin = lazy(loadTreesAdmin);

/**
 * The functional administrator: districts and neighbourhoods, teams, professionals (new ones,
 * edits, leavers), the cases that need a new coordinator, other accounts and the access log.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped when a professional is added, so the list reads its page again. */
  const [professionals, setProfessionals] = useState(0);

  const load = useCallback(() => {
    Promise.all([
      getJson<PlacesAnswer>('/api/admin/places'),
      getJson<TeamsAnswer>('/api/admin/teams'),
      getJson<OrphanedCasesAnswer>('/api/admin/orphaned-cases'),
    ])
      .then(([places, teams, orphans]) => setLoaded({ places, teams, orphans }))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  if (error) return <p role="alert">{t('admin.loadError', { message: error })}</p>;
  if (!loaded) return <p role="status">{t('adminPage.loading')}</p>;
  return (
    <div className="admin-page">
      <h1>{t('admin.heading')}</h1>
      <nav aria-label={t('admin.sections')} className="admin-toc">
        <a href="#places-heading">{t('adminPage.places')}</a>
        <a href="#teams-heading">{t('adminPage.teams')}</a>
        <a href="#organisations-heading">{t('adminPage.organisations')}</a>
        <a href="#glossary-heading">{t('admin.heading', { ns: 'glossary' })}</a>
        <a href="#letters-heading">{t('letters.heading', { ns: 'referrals' })}</a>
        <a href="#trees-heading">{t('adminPage.trees')}</a>
        <a href="#professionals-heading">{t('adminPage.professionals')}</a>
        <a href="#orphans-heading">{t('adminPage.orphans')}</a>
        <a href="#users-heading">{t('adminPage.accounts')}</a>
        <a href="#log-heading">{t('adminPage.log')}</a>
        <a href="#retention-heading">{t('rights.retention.heading')}</a>
      </nav>
      <PlacesSection data={loaded.places} onChanged={load} />
      <TeamsSection data={loaded.teams} places={loaded.places} onChanged={load} />
      <OrganisationsSection organisations={loaded.teams.organisations} onChanged={load} />
      <GlossaryAdmin />
      <LettersAdmin />
      <Suspense fallback={null}>
        <TreesAdmin />
      </Suspense>
      <ProfessionalForm
        teams={loaded.teams}
        onCreated={() => {
          setProfessionals((n) => n + 1);
          load();
        }}
      />
      <ProfessionalsSection teams={loaded.teams} version={professionals} onChanged={load} />
      <OrphanedCasesSection cases={loaded.orphans.cases} />
      <UsersSection />
      <AccessLogSearch />
      <RetentionSection />
    </div>
  );
}
