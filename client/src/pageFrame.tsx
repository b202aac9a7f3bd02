import { Component, Suspense, lazy, useEffect } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SessionUser } from '../../shared/api.js';
import { pages } from './pageRegistry.js';

/** A page (or a part only some people see) whose chunk is fetched when it is first shown. */
export const page = <P extends object = object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await load() }));

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

export function usePrefetch(user: SessionUser | null | undefined) {
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
export function Pages({ children }: { children: ReactNode }) {
  const [pathname] = useLocation();
  return (
    <PageBoundary pathname={pathname}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageBoundary>
  );
}

/** Where a person lands: a client on their plan, an admin on Beheer, the others on their caseload. */
export const homeOf = (user: SessionUser) =>
  user.role === 'client' ? '/mijn-plan' : user.role === 'admin' ? '/beheer' : '/';
