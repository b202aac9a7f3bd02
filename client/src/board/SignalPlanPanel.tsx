import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Goal } from '../../../shared/doc/board.js';
import {
  ensureSignalPlan,
  hasSignalPlan,
  protectiveFactorsText,
  readObservations,
  readSignalPlan,
  setRelapseKind,
  signalPlanOf,
} from '../../../shared/doc/signalPlan.js';
import { relapseKinds } from '../../../shared/doc/signalPlanShape.js';
import { signalStates } from '../../../shared/risk.js';
import { CollabText } from '../components/CollabText.js';
import { useBoardContext } from './context.js';
import { CurrentSignalState, Observations } from './Observations.js';
import { useRecordObservation } from './RecordObservation.js';
import { SignalStateColumn } from './SignalStateColumn.js';
import { useDocRead } from './useDocRead.js';
import './signalPlan.css';
import '../i18n/nl/recovery.js';

const readPlan = (doc: Y.Doc) => ({
  // The structure (one Y.Text per field) exists once; typing goes into those texts.
  structured: signalPlanOf(doc).has('green'),
  plan: readSignalPlan(doc),
});

/**
 * The client's signal plan (signaleringsplan) and the observations that set the current state:
 * co-edited live like the rest of the board, and shown to the client in plain words. Recording an
 * observation starts from the button next to the current state.
 */
export function SignalPlanPanel({ online, goals }: { online: boolean; goals: Goal[] }) {
  const { t } = useTranslation();
  const { doc, readOnly } = useBoardContext();
  const { structured, plan } = useDocRead(doc, readPlan);
  const observations = useDocRead(doc, readObservations);
  const record = useRecordObservation(observations, goals);
  const filled = hasSignalPlan(plan);
  // Open at first while the plan is empty, so the team sees it wants filling in; then their choice.
  const [open, setOpen] = useState(!filled);
  const ensured = useRef(false);

  useEffect(() => {
    // The server creates the structure when it loads a board; this covers a board it has not.
    // Only once synced with the server: two browsers creating it apart would lose typing.
    if (online && !structured && !readOnly && !ensured.current) {
      ensured.current = true;
      ensureSignalPlan(doc);
    }
  }, [online, structured, readOnly, doc]);

  return (
    <section className="signal-plan" aria-labelledby="signal-plan-heading">
      <header className="signal-plan-head">
        <h2 id="signal-plan-heading">{t('signalPlan.heading')}</h2>
        <div className="signal-now">
          <CurrentSignalState observations={observations} />
          {record.button}
        </div>
      </header>
      {record.form}
      <details className="signal-plan-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h3>{t('signalPlan.planHeading')}</h3>{' '}
          <span className={filled ? 'badge badge-ok' : 'badge badge-warn'}>
            {filled ? t('signalPlan.planFilled') : t('signalPlan.planEmpty')}
          </span>
        </summary>
        <p className="muted">{t('signalPlan.intro')}</p>
        {!structured ? (
          <p role="status">{t('signalPlan.waiting')}</p>
        ) : (
          <fieldset className="plain" disabled={readOnly}>
            <fieldset className="relapse-kinds">
              <legend>{t('signalPlan.kinds')}</legend>
              <div className="checks">
                {relapseKinds.map((kind) => (
                  <span className="checkbox" key={kind}>
                    <input
                      id={`relapse-kind-${kind}`}
                      type="checkbox"
                      checked={plan.relapseKinds.includes(kind)}
                      onChange={(e) => setRelapseKind(doc, kind, e.target.checked)}
                    />
                    <label htmlFor={`relapse-kind-${kind}`}>{t(`signalPlan.kind.${kind}`)}</label>
                  </span>
                ))}
              </div>
            </fieldset>
            <div className="signal-columns">
              {signalStates.map((state) => (
                <SignalStateColumn key={state} state={state} plan={plan.states[state]} />
              ))}
            </div>
            <label htmlFor="signal-protective-factors">{t('signalPlan.protectiveFactors')}</label>
            <CollabText
              id="signal-protective-factors"
              text={protectiveFactorsText(doc)}
              multiline
              rows={2}
              maxLength={3000}
            />
          </fieldset>
        )}
      </details>
      <Observations observations={observations} goals={goals} />
    </section>
  );
}
