import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyRound } from '../../../shared/collaborationHealth.js';
import { useApi } from '../useApi.js';
import { day } from './format.js';
import { ScanForm } from './ScanForm.js';

/**
 * The rounds a professional or coordinator takes part in (SPEC CH2): an open one with the scan,
 * open at once when not answered yet; their own answers stay theirs to read and change until the
 * round closes (CH3).
 */
export function MyRounds({ minGroup }: { minGroup: number }) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const rounds = useApi<{ rounds: MyRound[] }>('/api/collaboration-health/rounds');
  const [shown, setShown] = useState<Record<string, boolean>>({});
  if (rounds.error) return <p role="alert">{t('failed', { message: rounds.error })}</p>;
  if (!rounds.data) return <p role="status">{t('loading')}</p>;
  const open = rounds.data.rounds.filter((r) => r.status === 'open');
  const closed = rounds.data.rounds.filter((r) => r.status === 'closed');
  return (
    <section className="panel ch-mine ch-no-print" aria-labelledby="ch-mine-heading">
      <h2 id="ch-mine-heading">{t('mine.heading')}</h2>
      <p className="hint">{t('mine.anonymous', { min: minGroup })}</p>
      {open.length === 0 && <p>{t('mine.none')}</p>}
      {open.map((round) => {
        const visible = shown[round.id] ?? !round.mine;
        return (
          <article key={round.id} className="ch-round" aria-labelledby={`ch-round-${round.id}`}>
            <h3 id={`ch-round-${round.id}`}>{round.title}</h3>
            <p className="muted">{t('rounds.closesOn', { date: day(round.closesOn, i18n.language) })}</p>
            <p className={round.mine ? 'form-ok' : undefined}>
              {round.mine ? t('mine.answered') : t('mine.notYet')}
            </p>
            <button
              type="button"
              aria-expanded={visible}
              aria-controls={`ch-scan-${round.id}`}
              onClick={() => setShown((prev) => ({ ...prev, [round.id]: !visible }))}
            >
              {visible ? t('mine.hide') : round.mine ? t('mine.change') : t('mine.fill')}
            </button>
            <div id={`ch-scan-${round.id}`} hidden={!visible}>
              {visible && (
                <ScanForm
                  round={round}
                  onSaved={() => {
                    // The form stays open to show that it was saved.
                    setShown((prev) => ({ ...prev, [round.id]: true }));
                    rounds.reload();
                  }}
                />
              )}
            </div>
          </article>
        );
      })}
      {closed.length > 0 && (
        <ul className="ch-closed-rounds">
          {closed.map((round) => (
            <li key={round.id}>
              {round.title}: {t('rounds.closedOn', { date: day(round.closesOn, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
