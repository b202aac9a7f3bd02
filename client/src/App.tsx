import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch } from 'wouter';
import { Header } from './Header.js';
import { Pages, homeOf, page, usePrefetch } from './pageFrame.js';
import { pages } from './pageRegistry.js';
import { SessionProvider, useSession } from './session.js';

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
