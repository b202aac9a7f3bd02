import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/doc/board.js';
import { currentSignalState } from '../../../shared/doc/signalPlan.js';
import type { Observation } from '../../../shared/doc/signalPlan.js';
import { useBoardContext } from './context.js';
import { ObservationForm } from './ObservationForm.js';
import './observations.css';
import '../i18n/nl/board.js';
import '../i18n/nl/recovery.js';

const regionId = 'record-observation';

/**
 * One button next to the current state opens the observation form right below the header, with
 * the focus in it: recording what someone saw never waits behind the plan or the history. Returns
 * the button (for the header) and the form (for below it); nothing for who may only read.
 */
export function useRecordObservation(observations: Observation[], goals: Goal[]) {
  const { t } = useTranslation();
  const { readOnly } = useBoardContext();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (readOnly) return { button: null, form: null };
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const button = (
    <button
      ref={opener}
      type="button"
      className="primary record-observation"
      aria-expanded={open}
      aria-controls={open ? regionId : undefined}
      onClick={() => (open ? close() : setOpen(true))}
    >
      {t('observation.record')}
    </button>
  );
  const form = open && (
    <section
      id={regionId}
      className="observation-record"
      aria-labelledby={`${regionId}-heading`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="observation-record-head">
        <h3 id={`${regionId}-heading`}>{t('observation.record')}</h3>
        <button
          type="button"
          className="small"
          aria-label={t('observationShortcut.closeLabel')}
          onClick={close}
        >
          {t('observationShortcut.close')}
        </button>
      </header>
      <ObservationForm current={currentSignalState(observations)} goals={goals} autoFocus />
    </section>
  );
  return { button, form };
}
