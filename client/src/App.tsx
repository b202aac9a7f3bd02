import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router-dom';
import type { SessionUser } from '../../shared/api.js';
import { MyActionsPage } from './actions/MyActionsPage.js';
import { NotificationBell } from './components/NotificationBell.js';
import { SignOutButton } from './components/SignOutButton.js';
import { languages } from './i18n/index.js';
import { AdminPage } from './pages/AdminPage.js';
import { BoardPage } from './pages/BoardPage.js';
import { CaseloadPage } from './pages/CaseloadPage.js';
import { IntakePage } from './intake/IntakePage.js';
import { InvitationPage } from './pages/InvitationPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MinutesPage } from './meeting/MinutesPage.js';
import { MyPlanPage } from './myplan/MyPlanPage.js';
import { CaseFilePage, MyFilePage } from './rights/ClientFilePage.js';
import { PasswordPage } from './pages/PasswordPage.js';
import { TwoFactorPage } from './pages/TwoFactorPage.js';
import { MeetingPage } from './meeting/MeetingPage.js';
import { MeetingsPage } from './meeting/MeetingsPage.js';
import { SessionProvider, useSession } from './session.js';

const homeOf = (user: SessionUser) =>
  user.role === 'client' ? '/mijn-plan' : user.role === 'admin' ? '/beheer' : '/';

function Header() {
  const { t, i18n } = useTranslation();
  const { user, chooseLanguage } = useSession();
  // A session waiting for two-step verification to be set up opens nothing else (SPEC AS7).
  const limited = !!user?.twoFactorSetupRequired;
  const professional = !limited && (user?.role === 'professional' || user?.role === 'coordinator');
  return (
    <header className="app-header">
      <Link to={user ? homeOf(user) : '/'} className="brand">
        Veelzijdig
      </Link>
      {user && !limited && (
        <nav aria-label={t('nav.label')}>
          {professional && <Link to="/">{t('nav.clients')}</Link>}
          {professional && <Link to="/overleg">{t('meetings.nav')}</Link>}
          {professional && <Link to="/acties">{t('actions.nav')}</Link>}
          {user.role === 'client' && <Link to="/mijn-plan">{t('nav.myPlan')}</Link>}
          {user.role === 'admin' && <Link to="/beheer">{t('nav.admin')}</Link>}
        </nav>
      )}
      <div className="app-tools">
        {user && (
          <>
            {professional && <NotificationBell key={user.id} />}
            <span className="signed-in">{t('nav.signedInAs', { name: user.displayName })}</span>
            {!limited && <Link to="/wachtwoord">{t('nav.password')}</Link>}
            <SignOutButton />
          </>
        )}
        <div className="language" role="group" aria-label={t('nav.language')}>
          {languages.map((lng) => (
            <button
              key={lng}
              type="button"
              className="small"
              aria-pressed={i18n.language === lng}
              onClick={() => chooseLanguage(lng)}
            >
              {lng.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}

function AppRoutes() {
  const { t } = useTranslation();
  const { user, expired } = useSession();
  if (user === undefined) return <p role="status">{t('common.loading')}</p>;
  if (user === null) {
    return (
      <>
        {expired && (
          <p className="session-ended" role="status">
            {t('signOut.expired')}
          </p>
        )}
        <Routes>
          <Route path="/invitation/:token" element={<InvitationPage />} />
          <Route path="*" element={<LoginPage />} />
        </Routes>
      </>
    );
  }
  if (user.twoFactorSetupRequired)
    return (
      <Routes>
        <Route path="*" element={<TwoFactorPage />} />
      </Routes>
    );
  const professional = user.role === 'professional' || user.role === 'coordinator';
  return (
    <Routes>
      <Route path="/" element={professional ? <CaseloadPage /> : <Navigate to={homeOf(user)} replace />} />
      {professional && <Route path="/cases/:caseId" element={<BoardPage />} />}
      {professional && <Route path="/nieuwe-client" element={<IntakePage />} />}
      {professional && <Route path="/acties" element={<MyActionsPage />} />}
      {professional && <Route path="/overleg/:meetingId/verslag" element={<MinutesPage />} />}
      {professional && <Route path="/overleg" element={<MeetingsPage />} />}
      {professional && <Route path="/overleg/:meetingId" element={<MeetingPage />} />}
      {user.role === 'client' && <Route path="/mijn-plan" element={<MyPlanPage />} />}
      {user.role === 'client' && <Route path="/mijn-plan/dossier" element={<MyFilePage />} />}
      {professional && <Route path="/cases/:caseId/dossier" element={<CaseFilePage />} />}
      {user.role === 'admin' && <Route path="/beheer" element={<AdminPage />} />}
      <Route path="/wachtwoord" element={<PasswordPage />} />
      <Route path="/tweestapsverificatie" element={<TwoFactorPage />} />
      <Route path="/invitation/:token" element={<Navigate to={homeOf(user)} replace />} />
      <Route path="*" element={<h1>{t('common.notFound')}</h1>} />
    </Routes>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <SessionProvider>
      <BrowserRouter>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <Header />
        <main id="main">
          <AppRoutes />
        </main>
      </BrowserRouter>
    </SessionProvider>
  );
}
