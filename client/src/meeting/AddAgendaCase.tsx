import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/api.js';
import type { MeetingDetails } from '../../../shared/meetingApi.js';
import { postJson } from '../api.js';
import { useApi } from '../useApi.js';
import '../i18n/nl/meeting.js';

/**
 * Puts one of the person's own cases from the meeting's neighbourhood on the agenda; `onAgenda`
 * is the live agenda (the meeting document), so a case a colleague just added is not offered.
 */
export function AddAgendaCase({
  details,
  onAgenda,
  onAdded,
}: {
  details: MeetingDetails;
  onAgenda: ReadonlySet<string>;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const cases = useApi<{ cases: CaseSummary[] }>('/api/cases').data?.cases ?? [];
  const [caseId, setCaseId] = useState('');
  const [question, setQuestion] = useState('');
  const [slot, setSlot] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const choices = cases.filter((c) => c.neighbourhood === details.neighbourhoodName && !onAgenda.has(c.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await postJson(`/api/meetings/${details.id}/agenda`, {
        caseId,
        question: question.trim(),
        slotMinutes: slot,
      });
      setCaseId('');
      setQuestion('');
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form className="add-agenda" onSubmit={(e) => void submit(e)} aria-labelledby="add-agenda-heading">
      <h3 id="add-agenda-heading">{t('meeting.addHeading')}</h3>
      {choices.length === 0 ? (
        <p className="muted">{t('meeting.addNone')}</p>
      ) : (
        <>
          <label htmlFor="agenda-case">{t('meeting.addCase')}</label>
          <select id="agenda-case" required value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="">{t('meeting.addChoose')}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.clientName}
              </option>
            ))}
          </select>
          <label htmlFor="agenda-question">{t('meeting.addQuestion')}</label>
          <textarea
            id="agenda-question"
            rows={2}
            maxLength={1000}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <label htmlFor="agenda-slot">{t('meeting.addSlot')}</label>
          <input
            id="agenda-slot"
            type="number"
            min={1}
            max={180}
            value={slot}
            onChange={(e) => setSlot(Number(e.target.value))}
          />
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <button type="submit">{t('meeting.add')}</button>
        </>
      )}
    </form>
  );
}
