import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Component, Suspense, lazy, useEffect, useMemo } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import type { SessionUser } from '../../shared/api.js';
import { SignOutButton } from './components/SignOutButton.js';
import { languages } from './i18n/index.js';
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
// Only professionals have a bell and referrals: the client's plan and the sign-in page do not carry them.
const NotificationBell = lazy(() =>
  import('./components/NotificationBell.js').then((m) => ({ default: m.NotificationBell })),
);
const ReferralsNavLink = lazy(() =>
  import('./referrals/ReferralsNavLink.js').then((m) => ({ default: m.ReferralsNavLink })),
);

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
  const [pathname] = useLocation();
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
          {professional && <Link to="/overleg">{t('nav.meetings')}</Link>}
          {professional && <Link to="/acties">{t('nav.actions')}</Link>}
          {professional && (
            <Suspense fallback={null}>
              <ReferralsNavLink key={user.id} />
            </Suspense>
          )}
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
            {professional && (
              <Suspense fallback={null}>
                <NotificationBell key={user.id} />
              </Suspense>
            )}
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
        <Switch>
          <Route path="/invitation/:token">
            <InvitationPage />
          </Route>
          <Route path="/kaart/bevestig/:token">
            <ConfirmServicePage />
          </Route>
          <Route>
            <LoginPage />
          </Route>
        </Switch>
      </>
    );
  }
  if (user.twoFactorSetupRequired)
    return (
      <Switch>
        <Route>
          <TwoFactorPage />
        </Route>
      </Switch>
    );
  const professional = user.role === 'professional' || user.role === 'coordinator';
  return (
    <Switch>
      <Route path="/">{professional ? <CaseloadPage /> : <Redirect to={homeOf(user)} replace />}</Route>
      {professional && (
        <Route path="/cases/:caseId">
          <BoardPage />
        </Route>
      )}
      {professional && (
        <Route path="/nieuwe-client">
          <IntakePage />
        </Route>
      )}
      {professional && (
        <Route path="/acties">
          <MyActionsPage />
        </Route>
      )}
      {professional && (
        <Route path="/overleg/:meetingId/verslag">
          <MinutesPage />
        </Route>
      )}
      {professional && (
        <Route path="/overleg">
          <MeetingsPage />
        </Route>
      )}
      {professional && (
        <Route path="/overleg/:meetingId">
          <MeetingPage />
        </Route>
      )}
      {professional && (
        <Route path="/verwijzingen">
          <ReferralsPage />
        </Route>
      )}
      {user.role === 'client' && (
        <Route path="/mijn-plan">
          <MyPlanPage />
        </Route>
      )}
      {user.role === 'client' && (
        <Route path="/mijn-plan/dossier">
          <MyFilePage />
        </Route>
      )}
      {professional && (
        <Route path="/cases/:caseId/dossier">
          <CaseFilePage />
        </Route>
      )}
      {user.role === 'admin' && (
        <Route path="/beheer">
          <AdminPage />
        </Route>
      )}
      {(professional || user.role === 'admin') && (
        <Route path="/kaart">
          <SocialMapPage />
        </Route>
      )}
      {(professional || user.role === 'admin') && (
        <Route path="/begrippen">
          <GlossaryPage />
        </Route>
      )}
      {(professional || user.role === 'admin') && (
        <Route path="/samenwerking">
          <CollaborationHealthPage />
        </Route>
      )}
      <Route path="/kaart/bevestig/:token">
        <ConfirmServicePage />
      </Route>
      <Route path="/wachtwoord">
        <PasswordPage />
      </Route>
      <Route path="/tweestapsverificatie">
        <TwoFactorPage />
      </Route>
      <Route path="/invitation/:token">
        <Redirect to={homeOf(user)} replace />
      </Route>
      <Route>
        <h1>{t('common.notFound')}</h1>
      </Route>
    </Switch>
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
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <Header />
        <main id="main">
          <Pages>
            <AppRoutes />
          </Pages>
        </main>
      </PerPersonCache>
    </SessionProvider>
  );
}
