import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addDecision, itemText, removeDecision } from '../../../shared/doc/meetingCase.js';
import type { Decision } from '../../../shared/doc/meetingCase.js';
import { CollabText } from '../components/CollabText.js';
import '../i18n/nl/meeting.js';

/** The decisions taken on a case, typed together. */
export function DecisionList({
  doc,
  decisions,
  readOnly,
}: {
  doc: Y.Doc;
  decisions: Decision[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    addDecision(doc, draft.trim());
    setDraft('');
  };
  return (
    <section aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">{t('meeting.decisions')}</h3>
      <ol className="decision-list">
        {decisions.map((d, i) => {
          const text = itemText(doc, 'decisions', d.id);
          return (
            <li key={d.id}>
              <label className="visually-hidden" htmlFor={`decision-${d.id}`}>
                {t('meeting.decisionText', { index: i + 1 })}
              </label>
              {text && !readOnly ? (
                <CollabText id={`decision-${d.id}`} text={text} maxLength={2000} />
              ) : (
                <span id={`decision-${d.id}`}>{d.text}</span>
              )}
              {!readOnly && (
                <button type="button" className="small" onClick={() => removeDecision(doc, d.id)}>
                  {t('meeting.removeDecision', { index: i + 1 })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <form className="inline-field" onSubmit={add}>
          <label htmlFor="new-decision">{t('meeting.newDecision')}</label>
          <input
            id="new-decision"
            value={draft}
            maxLength={2000}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('meeting.addDecision')}</button>
        </form>
      )}
    </section>
  );
}
