import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, putFile } from '../api.js';
import './panels.css';
import '../i18n/nl/rights.js';

/**
 * For the coordinator of a new, empty board: read the plan a client brings from another team
 * (a FHIR file that team exported) into this board (SPEC FH6). The board fills in live for
 * everyone once the server wrote it; nothing is sent before the person picks a file and presses.
 * Only refusals are said here: on success the section goes with the empty board (`onDone`).
 */
export function ImportPlan({ caseId, onDone }: { caseId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const read = async () => {
    if (!file) return setMessage(t('rights.import.chooseFirst'));
    setBusy(true);
    setMessage(null);
    try {
      const answer = await putFile<{ goals: number }>(
        `/api/cases/${encodeURIComponent(caseId)}/fhir`,
        await file.text(),
        'application/fhir+json',
      );
      // The goals arrive live and this section leaves the board with them: the page says it.
      onDone(t('rights.import.done', { count: answer.goals }));
    } catch (error) {
      const text = error instanceof ApiRequestError ? error.message : String(error);
      setMessage(t('rights.import.failed', { message: text }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-plan" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('rights.import.heading')}</h2>
      <p className="muted">{t('rights.import.intro')}</p>
      <label htmlFor={`${id}-file`}>{t('rights.import.file')}</label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,application/json,application/fhir+json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />{' '}
      <button type="button" onClick={() => void read()} disabled={busy}>
        {t('rights.import.read')}
      </button>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
    </section>
  );
}
