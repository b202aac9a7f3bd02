import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import type { ProfessionalSummary } from '../../shared/api.js';
import { getJson } from './api.js';
import { languages, setLanguage } from './i18n/index.js';
import { setMe, useMe } from './identity.js';
import { BoardPage } from './pages/BoardPage.js';
import { CaseListPage } from './pages/CaseListPage.js';

export function App() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [professionals, setProfessionals] = useState<ProfessionalSummary[]>([]);
  useEffect(() => {
    getJson<{ professionals: ProfessionalSummary[] }>('/api/professionals')
      .then((body) => setProfessionals(body.professionals))
      .catch(() => setProfessionals([]));
  }, []);

  return (
    <BrowserRouter>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Veelzijdig
        </Link>
        <nav aria-label={t('nav.label')}>
          <Link to="/">{t('nav.clients')}</Link>
        </nav>
        <div className="app-tools">
          <label htmlFor="me">{t('nav.iAm')}</label>
          <select id="me" value={me ?? ''} onChange={(e) => setMe(e.target.value || null)}>
            <option value="">{t('nav.chooseMe')}</option>
            {professionals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.roleTitle}
              </option>
            ))}
          </select>
          <div className="language" role="group" aria-label={t('nav.language')}>
            {languages.map((lng) => (
              <button
                key={lng}
                type="button"
                className="small"
                aria-pressed={i18n.language === lng}
                onClick={() => setLanguage(lng)}
              >
                {lng.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </header>
      <main id="main">
        <Routes>
          <Route path="/" element={<CaseListPage />} />
          <Route path="/cases/:caseId" element={<BoardPage professionals={professionals} />} />
          <Route path="*" element={<p>{t('common.notFound')}</p>} />
        </Routes>
      </main>
    </BrowserRouter>
  );
}
