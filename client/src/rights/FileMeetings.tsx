import { useTranslation } from 'react-i18next';
import type { ClientFile } from '../../../shared/rightsApi.js';
import { fileDate, Lines, Part } from './FilePart.js';
import '../i18n/nl/rights.js';

/** The meetings in the client's copy: question, notes, decisions and actions of each. */
export function FileMeetings({ meetings }: { meetings: ClientFile['meetings'] }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => fileDate(iso, i18n.language);
  const who = (name: string | null) => name ?? t('rights.file.noName');
  return (
    <Part id="meetings" heading={t('rights.file.meetings.heading')} empty={meetings.length === 0}>
      {meetings.map((m, i) => (
        <div key={i} className="file-meeting">
          <h3>
            {m.title}, {date(m.startsAt)}
          </h3>
          {m.question && (
            <p>
              <strong>{t('rights.file.meetings.question')}:</strong> {m.question}
            </p>
          )}
          <Lines text={m.notes} />
          {m.decisions.length > 0 && (
            <>
              <h4>{t('rights.file.meetings.decisions')}</h4>
              <ul>
                {m.decisions.map((d, j) => (
                  <li key={j}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {m.actions.length > 0 && (
            <>
              <h4>{t('rights.file.meetings.actions')}</h4>
              <ul>
                {m.actions.map((a, j) => (
                  <li key={j}>
                    {a.text} ({who(a.owner)}, {date(a.dueDate)},{' '}
                    {a.done ? t('rights.file.goals.done') : t('rights.file.goals.todo')})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </Part>
  );
}
