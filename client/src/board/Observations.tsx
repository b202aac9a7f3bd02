import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/doc/board.js';
import type { Observation } from '../../../shared/doc/signalPlan.js';
import { SignalStateBadge } from '../components/SignalStateBadge.js';
import { formatDateTime, formatRelative } from '../i18n/index.js';
import { SignalTimelinePlot } from './SignalTimelinePlot.js';
import './observations.css';
import '../i18n/nl/board.js';
import '../i18n/nl/recovery.js';

const shownAtFirst = 5;

/** The state of the latest observation, large, with who saw it and when; announced when it changes. */
export function CurrentSignalState({ observations }: { observations: Observation[] }) {
  const { t, i18n } = useTranslation();
  const latest = observations.at(-1);
  return (
    <div className="current-signal">
      <span className="current-signal-label">{t('signalPlan.current')}</span>
      {/* Only the state is live: the relative time changes without news. */}
      <span role="status">
        <SignalStateBadge state={latest?.state ?? null} meaning large />
      </span>
      {latest && (
        <span className="muted">
          {t('observation.last', {
            when: formatRelative(latest.at, i18n.language),
            name: latest.authorName || t('observation.unknownAuthor'),
          })}
        </span>
      )}
    </div>
  );
}

function ObservationItem({ observation, titles }: { observation: Observation; titles: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const o = observation;
  return (
    <li className={`observation signal-edge-${o.state}`}>
      <p className="observation-head">
        <SignalStateBadge state={o.state} />
        {o.relapse && <span className="badge badge-danger">{t('observation.relapseLabel')}</span>}
        <time dateTime={o.at}>{formatDateTime(o.at, i18n.language)}</time>
        <span className="muted">
          {t('observation.by', { name: o.authorName || t('observation.unknownAuthor') })}
        </span>
      </p>
      <p className="observation-note">{o.note}</p>
      {o.moves.length > 0 && (
        <ul className="observation-moves">
          {o.moves.map((m) => (
            <li key={m.goalId}>
              {t('observation.move', {
                goal: titles.get(m.goalId) ?? t('observation.deletedGoal'),
                from: t(`phase.${m.from}`),
                to: t(`phase.${m.to}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The history of the state: a plot and the list, newest first. Observations come from the server
 * through the board document, so everyone sees them at once; recording one starts from the button
 * next to the current state (`RecordObservation`).
 */
export function Observations({ observations, goals }: { observations: Observation[]; goals: Goal[] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  // Closed at first, so the board stays within reach; the current state shows above it anyway.
  const [open, setOpen] = useState(false);
  const [now] = useState(() => Date.now());
  const titles = new Map(goals.map((g) => [g.id, g.title || t('goal.untitled')]));
  const newestFirst = observations.toReversed();
  const shown = showAll ? newestFirst : newestFirst.slice(0, shownAtFirst);
  return (
    <section className="observations" aria-labelledby="observations-heading">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h3 id="observations-heading">{t('observation.heading')}</h3>{' '}
          <span className="badge badge-muted">{t('observation.count', { count: observations.length })}</span>
        </summary>
        <h4>{t('observation.timeline')}</h4>
        {observations.length === 0 ? (
          <p className="muted">{t('observation.none')}</p>
        ) : (
          <div className="observation-history">
            <SignalTimelinePlot
              observations={observations}
              now={Math.max(now, Date.parse(observations.at(-1)!.at))}
            />
            <ol className="observation-list">
              {shown.map((o) => (
                <ObservationItem key={o.id} observation={o} titles={titles} />
              ))}
            </ol>
            {observations.length > shownAtFirst && (
              <button type="button" className="small" onClick={() => setShowAll(!showAll)}>
                {showAll
                  ? t('observation.showFewer')
                  : t('observation.showAll', { count: observations.length })}
              </button>
            )}
          </div>
        )}
      </details>
    </section>
  );
}
