import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/doc/board.js';
import { recoveryPhases } from '../../../shared/domain.js';
import type { RecoveryPhase } from '../../../shared/domain.js';
import { signalStates } from '../../../shared/risk.js';
import type { SignalState } from '../../../shared/risk.js';
import { postJson } from '../api.js';
import { SignalStateBadge } from '../components/SignalStateBadge.js';
import { useBoardContext } from './context.js';
import './observations.css';
import '../i18n/nl/board.js';
import '../i18n/nl/recovery.js';

const rank = (state: SignalState) => signalStates.indexOf(state);
const phaseRank = (phase: RecoveryPhase) => recoveryPhases.indexOf(phase);

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * What someone saw and which state it points to, sent through the API: the server writes it into
 * the board with the author and the time, so the timeline is never rewritten. When the state gets
 * worse, goals can be moved back to an earlier phase as part of the relapse.
 */
export function ObservationForm({
  current,
  goals,
  autoFocus = false,
}: {
  current: SignalState | null;
  goals: Goal[];
  /** Puts the focus on the first choice when the form appears (opened by a button). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) form.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, [autoFocus]);
  const { caseDetails } = useBoardContext();
  const [state, setState] = useState<SignalState | null>(null);
  const [note, setNote] = useState('');
  const [relapse, setRelapse] = useState(false);
  const [toPhase, setToPhase] = useState<RecoveryPhase>('treatment');
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  // Before any observation the client counts as green, as the server and the risk rules do.
  const baseline = current ?? 'green';
  const worse = state !== null && rank(state) > rank(baseline);
  const movable = goals.filter((g) => g.status !== 'dropped' && phaseRank(g.phase) > phaseRank(toPhase));
  const chosen = goalIds.filter((id) => movable.some((g) => g.id === id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!state) return;
    if (!note.trim()) {
      setStatus({ kind: 'error', message: t('observation.noteRequired') });
      return;
    }
    const moving = worse && relapse;
    if (moving && chosen.length === 0) {
      setStatus({ kind: 'error', message: t('observation.chooseGoal') });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await postJson(`/api/cases/${encodeURIComponent(caseDetails.id)}/observations`, {
        state,
        note: note.trim(),
        ...(moving ? { relapse: { goalIds: chosen, toPhase } } : {}),
      });
      setState(null);
      setNote('');
      setRelapse(false);
      setGoalIds([]);
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: t('observation.failed', { message: (e as Error).message }) });
    }
  };

  return (
    <form ref={form} className="observation-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="signal-choice">
        <legend>{t('observation.state')}</legend>
        {signalStates.map((s) => (
          <span key={s} className={`signal-radio signal-radio-${s}`}>
            <input
              id={`observe-${s}`}
              type="radio"
              name="observation-state"
              value={s}
              required
              checked={state === s}
              onChange={() => setState(s)}
            />
            <label htmlFor={`observe-${s}`}>
              <SignalStateBadge state={s} meaning />
            </label>
          </span>
        ))}
      </fieldset>
      <label htmlFor="observation-note">{t('observation.note')}</label>
      <p id="observation-note-hint" className="hint">
        {t('observation.noteHint')}
      </p>
      <textarea
        id="observation-note"
        rows={3}
        required
        maxLength={2000}
        aria-describedby="observation-note-hint"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {worse && (
        <fieldset className="relapse">
          <legend>
            {t('observation.worse', { state: t(`signalState.name.${baseline}`).toLowerCase() })}
          </legend>
          <span className="checkbox">
            <input
              id="observation-relapse"
              type="checkbox"
              checked={relapse}
              onChange={(e) => setRelapse(e.target.checked)}
            />
            <label htmlFor="observation-relapse">{t('observation.relapse')}</label>
          </span>
          {relapse && (
            <>
              <p className="hint">{t('observation.relapseHint')}</p>
              <label htmlFor="observation-to-phase">{t('observation.toPhase')}</label>
              <select
                id="observation-to-phase"
                className="compact"
                value={toPhase}
                onChange={(e) => setToPhase(e.target.value as RecoveryPhase)}
              >
                {recoveryPhases.slice(0, -1).map((p) => (
                  <option key={p} value={p}>
                    {t(`phase.${p}`)}
                  </option>
                ))}
              </select>
              <fieldset className="plain">
                <legend className="relapse-goals-legend">{t('observation.goals')}</legend>
                {movable.length === 0 && <p className="muted">{t('observation.noGoalsToMove')}</p>}
                <ul className="relapse-goals">
                  {movable.map((g) => (
                    <li key={g.id} className="checkbox">
                      <input
                        id={`relapse-goal-${g.id}`}
                        type="checkbox"
                        checked={chosen.includes(g.id)}
                        onChange={(e) =>
                          setGoalIds(
                            e.target.checked ? [...chosen, g.id] : chosen.filter((id) => id !== g.id),
                          )
                        }
                      />
                      <label htmlFor={`relapse-goal-${g.id}`}>
                        {g.title || t('goal.untitled')}{' '}
                        <span className="muted">
                          ({t(`domain.${g.domain}`)}, {t(`phase.${g.phase}`)})
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            </>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('observation.saving') : t('observation.submit')}
        </button>
      </div>
      <p role="status" className="form-ok">
        {status.kind === 'saved' && t('observation.saved')}
      </p>
      <p role="alert" className="form-error">
        {status.kind === 'error' && status.message}
      </p>
    </form>
  );
}
