import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SignOutButton } from './components/SignOutButton.js';
import { languages } from './i18n/index.js';
import { homeOf, page } from './pageFrame.js';
import { useSession } from './session.js';

// Only professionals have a bell and referrals: the client's plan and the sign-in page do not carry them.
const NotificationBell = page(() =>
  import('./components/NotificationBell.js').then((m) => m.NotificationBell),
);
const ReferralsNavLink = page(() =>
  import('./referrals/ReferralsNavLink.js').then((m) => m.ReferralsNavLink),
);

/** The bar on every page: the menu of what the person may open, who is signed in, the language. */
export function Header() {
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
