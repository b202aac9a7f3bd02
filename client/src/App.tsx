import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Component, Suspense, lazy, useEffect, useMemo } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { SessionUser } from '../../shared/api.js';
import { NotificationBell } from './components/NotificationBell.js';
import { SignOutButton } from './components/SignOutButton.js';
import { languages } from './i18n/index.js';
import { ReferralsNavLink } from './referrals/ReferralsNavLink.js';
import { pages } from './pageRegistry.js';
import { SessionProvider, useSession } from './session.js';

const page = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));
const LoginPage = page(pages.login);
const InvitationPage = page(pages.invitation);
const TwoFactorPage = page(pages.twoFactor);
const PasswordPage = page(pages.password);
const CaseloadPage = page(pages.caseload);
const BoardPage = page(pages.board);
const IntakePage = page(pages.intake);
const MyActionsPage = page(pages.actions);
const MinutesPage = page(pages.minutes);
const MeetingsPage = page(pages.meetings);
const MeetingPage = page(pages.meeting);
const MyPlanPage = page(pages.myPlan);
const MyFilePage = page(pages.myFile);
const CaseFilePage = page(pages.caseFile);
const AdminPage = page(pages.admin);
const SocialMapPage = page(pages.socialMap);
const ConfirmServicePage = page(pages.confirmService);
const ReferralsPage = page(pages.referrals);
const GlossaryPage = page(pages.glossary);
const CollaborationHealthPage = page(pages.collaborationHealth);

/** The pages a role can open, fetched once the first page is shown so that moving on works offline. */
function pagesOf(role: SessionUser['role']): (keyof typeof pages)[] {
  if (role === 'client') return ['myPlan', 'myFile', 'password', 'twoFactor'];
  if (role === 'admin')
    return ['admin', 'socialMap', 'collaborationHealth', 'glossary', 'password', 'twoFactor'];
  return [
    'caseload',
    'board',
    'intake',
    'actions',
    'meetings',
    'meeting',
    'minutes',
    'caseFile',
    'socialMap',
    'referrals',
    'collaborationHealth',
    'glossary',
    'password',
  ];
}

function usePrefetch(user: SessionUser | null | undefined) {
  const role = user && !user.twoFactorSetupRequired ? user.role : undefined;
  useEffect(() => {
    if (!role) return;
    const fetchAll = () => {
      // A failure here is not shown: the page says so itself when it is opened.
      for (const name of pagesOf(role)) void pages[name]().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchAll, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(fetchAll, 1000);
    return () => clearTimeout(id);
  }, [role]);
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p>{t('common.pageFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
  pathname: string;
}

/**
 * A page whose chunk could not be fetched (offline, or a new version replaced it) says so instead
 * of leaving an empty screen; moving to another address tries again.
 */
class PageBoundary extends Component<{ pathname: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, pathname: this.props.pathname };
  static getDerivedStateFromProps(props: { pathname: string }, state: BoundaryState) {
    return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname };
  }
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

/** Shows a short loading state while the chunk of the current page arrives. */
function Pages({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageBoundary pathname={pathname}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageBoundary>
  );
}

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
          {professional && <ReferralsNavLink key={user.id} />}
          {(professional || user.role === 'admin') && <Link to="/kaart">{t('nav.socialMap')}</Link>}
          {(professional || user.role === 'admin') && (
            <Link to="/samenwerking">{t('nav.collaborationHealth')}</Link>
          )}
          {(professional || user.role === 'admin') && <Link to="/begrippen">{t('nav.glossary')}</Link>}
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
  usePrefetch(user);
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
          <Route path="/kaart/bevestig/:token" element={<ConfirmServicePage />} />
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
      {professional && <Route path="/verwijzingen" element={<ReferralsPage />} />}
      {user.role === 'client' && <Route path="/mijn-plan" element={<MyPlanPage />} />}
      {user.role === 'client' && <Route path="/mijn-plan/dossier" element={<MyFilePage />} />}
      {professional && <Route path="/cases/:caseId/dossier" element={<CaseFilePage />} />}
      {user.role === 'admin' && <Route path="/beheer" element={<AdminPage />} />}
      {(professional || user.role === 'admin') && <Route path="/kaart" element={<SocialMapPage />} />}
      {(professional || user.role === 'admin') && <Route path="/begrippen" element={<GlossaryPage />} />}
      {(professional || user.role === 'admin') && (
        <Route path="/samenwerking" element={<CollaborationHealthPage />} />
      )}
      <Route path="/kaart/bevestig/:token" element={<ConfirmServicePage />} />
      <Route path="/wachtwoord" element={<PasswordPage />} />
      <Route path="/tweestapsverificatie" element={<TwoFactorPage />} />
      <Route path="/invitation/:token" element={<Navigate to={homeOf(user)} replace />} />
      <Route path="*" element={<h1>{t('common.notFound')}</h1>} />
    </Routes>
  );
}

/**
 * What pages read from the server (TanStack Query), cached per person: on a shared computer
 * nothing one person read is shown to the next.
 */
function PerPersonCache({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const id = user?.id ?? null;
  const client = useMemo(() => (id === null ? noOne : new QueryClient(queryDefaults)), [id]);
  useEffect(() => () => client.clear(), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
const queryDefaults = { defaultOptions: { queries: { retry: 1 } } };
const noOne = new QueryClient(queryDefaults);

export function App() {
  const { t } = useTranslation();
  return (
    <SessionProvider>
      <PerPersonCache>
        <BrowserRouter>
          <a className="skip-link" href="#main">
            {t('nav.skip')}
          </a>
          <Header />
          <main id="main">
            <Pages>
              <AppRoutes />
            </Pages>
          </main>
        </BrowserRouter>
      </PerPersonCache>
    </SessionProvider>
  );
}
