import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import './referralsNav.css';
import '../i18n/nl/recovery.js';

/**
 * The menu item "Verwijzingen". The referrals' stream is opened only by the pages that show
 * referrals (the inbox, the board's panel): a browser keeps at most six connections to the server,
 * and every long-lived stream on every page of every tab takes one. No count here: reading the inbox on every page would put each of its clients
 * in their access log every time (a count-only route could give one; see the report).
 */
export function ReferralsNavLink() {
  const { t } = useTranslation();
  return (
    <Link to="/verwijzingen" className="nav-referrals">
      {t('referralNotice.nav')}
    </Link>
  );
}
