import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AppNotification } from '../../../shared/api.js';
import { getJson, postJson } from '../api.js';
import { formatDateTime, formatRelative } from '../i18n/index.js';
import { SignalStateBadge } from './SignalStateBadge.js';
import { useEventStream } from '../useEventStream.js';
import './notificationBell.css';
import '../i18n/nl/intake.js';
import '../i18n/nl/recovery.js';

interface Notices {
  notifications: AppNotification[];
  unread: number;
}

/**
 * The bell in the header: a client of yours moved to amber or red, a colleague asks for access, a
 * case was handed over, a referral was made to you or moved on. New notices arrive over
 * Server-Sent Events, show at once and are announced politely to screen readers.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [notices, setNotices] = useState<Notices>({ notifications: [], unread: 0 });
  const [announced, setAnnounced] = useState<AppNotification | null>(null);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const load = useCallback(() => {
    getJson<Notices>('/api/notifications')
      .then(setNotices)
      .catch((e: Error) => console.error(e));
  }, []);

  useEffect(load, [load]);
  // After a lost connection the list is fetched again, so nothing sent meanwhile is missed.
  useEventStream(
    '/api/notifications/events',
    {
      notification: (data) => {
        const notice = data as AppNotification;
        setNotices((current) =>
          current.notifications.some((n) => n.id === notice.id)
            ? current
            : { notifications: [notice, ...current.notifications], unread: current.unread + 1 },
        );
        setAnnounced(notice);
      },
    },
    load,
  );

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const markRead = (ids?: string[]) => {
    const readAt = new Date().toISOString();
    setNotices((current) => {
      const notifications = current.notifications.map((n) =>
        !n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt } : n,
      );
      const newlyRead = current.notifications.filter((n, i) => !n.readAt && notifications[i]!.readAt).length;
      return { notifications, unread: ids ? Math.max(0, current.unread - newlyRead) : 0 };
    });
    postJson('/api/notifications/read', ids ? { ids } : {}).catch((e: Error) => console.error(e));
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const { notifications, unread } = notices;
  /**
   * What a notice says beside its client's name: a state, a colleague's request, a handover, or a
   * step of a referral (new for me, or taken on one of mine).
   */
  const noticeText = (n: AppNotification) => {
    switch (n.kind) {
      case 'signal-state':
        return t('notifications.announce', {
          name: n.clientName,
          state: t(`signalState.name.${n.state}`).toLowerCase(),
        });
      case 'access-request':
        return t('caseNotice.accessRequest', { name: n.from?.name ?? '—' });
      case 'coordinator-transfer':
        return t(n.state === 'new' ? 'caseNotice.transferNew' : 'caseNotice.transferPrevious');
      case 'referral':
        return t(`referralNotice.${n.state}`, { name: n.from?.name ?? '—' });
    }
  };
  /** Where a notice leads: a referral to its place in the referrals, anything else to the case. */
  const noticeLink = (n: AppNotification) =>
    n.kind === 'referral'
      ? `/verwijzingen#${encodeURIComponent(n.referralId)}`
      : `/cases/${encodeURIComponent(n.caseId)}`;

  return (
    <div className="notifications" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell"
        aria-label={
          unread > 0
            ? `${t('notifications.button')}, ${t('notifications.unread', { count: unread })}`
            : t('notifications.button')
        }
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announced &&
          (announced.kind === 'signal-state'
            ? noticeText(announced)
            : `${announced.clientName}: ${noticeText(announced)}`)}
      </p>
      {open && (
        <div
          ref={panel}
          id={panelId}
          className="notification-panel"
          role="dialog"
          aria-label={t('notifications.heading')}
          tabIndex={-1}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          <div className="notification-panel-head">
            <strong>{t('notifications.heading')}</strong>
            <button type="button" className="small" disabled={unread === 0} onClick={() => markRead()}>
              {t('notifications.markAllRead')}
            </button>
            <button type="button" className="small" onClick={close} aria-label={t('notifications.close')}>
              ✕
            </button>
          </div>
          {notifications.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {notifications.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : 'is-unread'}>
                  <p className="notification-head">
                    <Link
                      to={noticeLink(n)}
                      onClick={() => {
                        if (!n.readAt) markRead([n.id]);
                        setOpen(false);
                      }}
                    >
                      {n.clientName}
                    </Link>
                    {n.kind === 'signal-state' && <SignalStateBadge state={n.state} />}
                    {!n.readAt && <span className="badge badge-new">{t('notifications.new')}</span>}
                  </p>
                  {n.kind !== 'signal-state' && <p className="notification-note">{noticeText(n)}</p>}
                  {(n.kind === 'access-request' || n.kind === 'referral') && n.from && (
                    <p className="notification-note muted">
                      {t('caseNotice.from', { name: n.from.name })}
                      {n.from.phone && ` · ${n.from.phone}`}
                      {n.from.email && ` · ${n.from.email}`}
                    </p>
                  )}
                  {n.note && <p className="notification-note">{n.note}</p>}
                  <time
                    className="muted"
                    dateTime={n.createdAt}
                    title={formatDateTime(n.createdAt, i18n.language)}
                  >
                    {formatRelative(n.createdAt, i18n.language)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
