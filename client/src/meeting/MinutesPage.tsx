import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { PerspectiveId } from '../../../shared/domain.js';
import type { Minutes, MinutesCase } from '../../../shared/meetingApi.js';
import { defaultPerspectives } from '../../../shared/vocabulary.js';
import { perspectiveLabel } from '../board/perspectiveLabel.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import { useApi } from '../useApi.js';
import './minutes.css';
import '../i18n/nl/actions.js';

/**
 * The minutes of a closed meeting (verslag), written in Dutch at the close: who was there and per
 * case the question, decisions and actions. Printable as a clean A4 document and exportable. Before
 * the close the server answers 409, and the page says there are none yet.
 */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, status } = useApi<{ minutes: Minutes }>(
    `/api/meetings/${encodeURIComponent(meetingId)}/minutes`,
  );

  const meetingLink = (
    <p className="breadcrumb minutes-tools">
      <Link to={`/overleg/${encodeURIComponent(meetingId)}`}>{t('minutes.toMeeting')}</Link>
    </p>
  );
  if (status === 409)
    return (
      <div className="minutes-page">
        {meetingLink}
        <p role="status" className="minutes-not-closed">
          {t('minutes.notClosed')}
        </p>
      </div>
    );
  if (error) return <p role="alert">{t('minutes.loadError', { message: error })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;

  const { minutes } = data;
  const lng = i18n.language;
  return (
    <article className="minutes-page">
      {meetingLink}
      <header className="minutes-head">
        <h1>{t('minutes.heading', { title: minutes.title })}</h1>
        <div className="minutes-tools">
          <button type="button" onClick={() => window.print()}>
            {t('minutes.print')}
          </button>
          <a
            className="minutes-export"
            href={`/api/meetings/${encodeURIComponent(minutes.meetingId)}/minutes.md?tz=${encodeURIComponent(readerTimeZone())}`}
            download
            title={t('minutes.exportHint')}
          >
            {t('minutes.export')}
          </a>
        </div>
      </header>
      {lng !== 'nl' && <p className="muted minutes-tools">{t('minutes.generatedInDutch')}</p>}
      <dl className="minutes-facts">
        <dt>{t('minutes.when')}</dt>
        <dd>
          <time dateTime={minutes.startsAt}>{formatDateTime(minutes.startsAt, lng)}</time>
        </dd>
        <dt>{t('minutes.neighbourhood')}</dt>
        <dd>{minutes.neighbourhoodName}</dd>
        <dt>{t('minutes.chair')}</dt>
        <dd>{minutes.chairName}</dd>
        <dt>{t('minutes.closedAt')}</dt>
        <dd>
          <time dateTime={minutes.closedAt}>{formatDateTime(minutes.closedAt, lng)}</time>
        </dd>
      </dl>
      <section className="minutes-attendees" aria-labelledby="minutes-attendees">
        <h2 id="minutes-attendees">{t('minutes.attendees')}</h2>
        <ul>
          {minutes.attendees.map((a, i) => (
            <li key={i}>
              {a.name}
              {a.detail && <span className="muted"> ({a.detail})</span>}
            </li>
          ))}
        </ul>
      </section>
      {minutes.cases.map((c) => (
        <MinutesCaseSection key={c.caseId} item={c} />
      ))}
    </article>
  );
}

/** A default perspective in the reader's language; a custom one by the name it had at the close. */
const perspectiveName = (t: TFunction, id: PerspectiveId, names: MinutesCase['perspectiveNames']) =>
  perspectiveLabel(t, { id, label: isDefaultPerspective(id) ? null : (names[id] ?? null) });

const isDefaultPerspective = (id: string) => (defaultPerspectives as readonly string[]).includes(id);

/** The reader's time zone, for the times in the export (the server says which it used). */
const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam';

/** One case of the minutes; a reader who is not a member sees only the agenda line. */
function MinutesCaseSection({ item }: { item: MinutesCase }) {
  const { t, i18n } = useTranslation();
  const headingId = `minutes-case-${item.caseId}`;
  return (
    <section className="minutes-case" aria-labelledby={headingId}>
      <h2 id={headingId}>{item.alias}</h2>
      <p className="minutes-question">
        <strong>{t('minutes.question')}:</strong> {item.question || t('minutes.noQuestion')}
      </p>
      {!item.visible ? (
        <p className="muted">{t('minutes.notMember')}</p>
      ) : (
        <>
          <p>
            <strong>{t('minutes.time')}:</strong>{' '}
            {t('minutes.timeUsed', { used: item.usedMinutes, slot: item.slotMinutes })}
            {item.usedMinutes > item.slotMinutes && ` (${t('minutes.overTime')})`}
          </p>
          <h3>{t('minutes.notes')}</h3>
          {item.notes ? (
            <p className="minutes-notes">{item.notes}</p>
          ) : (
            <p className="muted">{t('minutes.noNotes')}</p>
          )}
          <h3>{t('minutes.clientQuestions')}</h3>
          {item.clientQuestions.length === 0 ? (
            <p className="muted">{t('minutes.noClientQuestions')}</p>
          ) : (
            <ul>
              {item.clientQuestions.map((q, i) => (
                <li key={i}>
                  <q>{q.text}</q>{' '}
                  <span className="muted">
                    (
                    {t('minutes.clientQuestionLine', {
                      date: formatDate(q.askedAt.slice(0, 10), i18n.language),
                      name: q.discussedBy,
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('minutes.decisions')}</h3>
          {item.decisions.length === 0 ? (
            <p className="muted">{t('minutes.noDecisions')}</p>
          ) : (
            <ul>
              {item.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <h3>{t('minutes.actions')}</h3>
          {item.actions.length === 0 ? (
            <p className="muted">{t('minutes.noActions')}</p>
          ) : (
            <ul>
              {item.actions.map((a, i) => (
                <li key={i}>
                  {a.text} —{' '}
                  {t('minutes.actionLine', {
                    owner: a.ownerName,
                    date: formatDate(a.dueDate, i18n.language),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('minutes.perspectives')}</h3>
          <p>
            {item.perspectives.length === 0
              ? t('minutes.noPerspectives')
              : item.perspectives.map((id) => perspectiveName(t, id, item.perspectiveNames)).join(', ')}
          </p>
        </>
      )}
    </section>
  );
}
