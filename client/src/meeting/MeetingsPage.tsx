import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MeetingSummary, MeetingsAnswer } from '../../../shared/meetingApi.js';
import { formatDateTime } from '../i18n/index.js';
import { NewMeetingForm } from './NewMeetingForm.js';
import './meeting.css';
import { useApi } from '../useApi.js';
import '../i18n/nl/meeting.js';

/** The meetings a professional chairs or attends, and planning a new one. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApi<MeetingsAnswer>('/api/meetings');
  const meetings = data?.meetings ?? null;

  const planned = (meetings ?? []).filter((m) => m.status === 'planned').reverse();
  const closed = (meetings ?? []).filter((m) => m.status === 'closed');
  return (
    <div className="meetings-page">
      <h1>{t('meetings.heading')}</h1>
      <p className="muted">{t('meetings.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {!meetings && !error && <p role="status">{t('common.loading')}</p>}
      {meetings && (
        <>
          <MeetingList heading={t('meetings.upcoming')} meetings={planned} />
          <MeetingList heading={t('meetings.past')} meetings={closed} />
        </>
      )}
      <NewMeetingForm onPlanned={reload} />
    </div>
  );
}

function MeetingList({ heading, meetings }: { heading: string; meetings: MeetingSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`list-${heading}`}>
      <h2 id={`list-${heading}`}>{heading}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/overleg/${m.id}`} aria-label={t('meetings.open', { title: m.title })}>
                <strong>{m.title}</strong>
              </Link>
              <span>{formatDateTime(m.startsAt, i18n.language)}</span>
              <span className="muted">
                {m.neighbourhoodName} · {t('meetings.chair', { name: m.chairName })} ·{' '}
                {t('meetings.caseCount', { count: m.caseCount })}
              </span>
              {m.status === 'closed' && <Link to={`/overleg/${m.id}/verslag`}>{t('meetings.minutes')}</Link>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
