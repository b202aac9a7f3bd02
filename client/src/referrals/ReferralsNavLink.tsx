import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReferralsLive } from './useReferrals.js';
import './referralsNav.css';

/**
 * The menu item "Verwijzingen". It also keeps the referrals live on every page of the tab: one
 * stream (it carries no names) for the inbox and the board's panel, which read again only while
 * they are shown. No count here: reading the inbox on every page would put each of its clients
 * in their access log every time (a count-only route could give one; see the report).
 */
export function ReferralsNavLink() {
  const { t } = useTranslation();
  useReferralsLive(true);
  return (
    <Link to="/verwijzingen" className="nav-referrals">
      {t('referralNotice.nav')}
    </Link>
  );
}
