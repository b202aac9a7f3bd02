import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../shared/doc/signalPlan.js';
import { escalationsOf, signalStates } from '../../../shared/risk.js';
import type { SignalState } from '../../../shared/risk.js';
import { formatDate } from '../i18n/index.js';
import './observations.css';
import '../i18n/nl/recovery.js';

const width = 640;
const height = 150;
const margin = { left: 84, right: 12, top: 8, bottom: 28 };
const plotWidth = width - margin.left - margin.right;
const band = (height - margin.top - margin.bottom) / signalStates.length;
const dayMs = 86_400_000;

/** Red at the top, green at the bottom: up is worse. */
const bandTop = (state: SignalState) =>
  margin.top + (signalStates.length - 1 - signalStates.indexOf(state)) * band;
const yOf = (state: SignalState) => bandTop(state) + band / 2;
const day = (iso: string) => iso.slice(0, 10);

/**
 * The signal state over time as a step line (it holds until the next observation), with the
 * same facts in words for people who do not see the picture.
 */
export function SignalTimelinePlot({ observations, now }: { observations: Observation[]; now: number }) {
  const { t, i18n } = useTranslation();
  if (observations.length === 0) return null;
  const first = Date.parse(observations[0]!.at);
  const end = Math.max(now, Date.parse(observations.at(-1)!.at));
  // A little room on the left, and at least a day, so a single point does not sit on the edge.
  const start = first - Math.max((end - first) * 0.03, dayMs / 2);
  const xOf = (time: number) => margin.left + ((time - start) / (end - start)) * plotWidth;
  const points = observations.map((o) => ({ o, x: xOf(Date.parse(o.at)), y: yOf(o.state) }));
  const path = points
    .map((p, i) => (i === 0 ? `M ${p.x} ${p.y}` : `H ${p.x} V ${p.y}`))
    .concat(`H ${xOf(end)}`)
    .join(' ');
  const last = observations.at(-1)!;
  const summary = t('observation.plotSummary', {
    count: observations.length,
    from: formatDate(day(observations[0]!.at), i18n.language),
    to: formatDate(day(last.at), i18n.language),
    state: t(`signalState.name.${last.state}`).toLowerCase(),
    escalations: escalationsOf(observations).length,
  });

  return (
    <figure className="signal-plot">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="signal-plot-title signal-plot-desc">
        <title id="signal-plot-title">{t('observation.plotCaption')}</title>
        <desc id="signal-plot-desc">{summary}</desc>
        {signalStates.map((state) => (
          <g key={state}>
            <rect
              className={`plot-band plot-band-${state}`}
              x={margin.left}
              y={bandTop(state)}
              width={plotWidth}
              height={band}
            />
            <text
              className="plot-label"
              x={margin.left - 8}
              y={yOf(state)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {t(`signalState.name.${state}`)}
            </text>
          </g>
        ))}
        <path className="plot-line" d={path} />
        {points.map(({ o, x, y }) => (
          <circle
            key={o.id}
            className={`plot-point plot-point-${o.state}`}
            cx={x}
            cy={y}
            r={o.relapse ? 6 : 4.5}
          />
        ))}
        <text className="plot-axis" x={margin.left} y={height - 8} textAnchor="start">
          {formatDate(day(observations[0]!.at), i18n.language)}
        </text>
        <text className="plot-axis" x={width - margin.right} y={height - 8} textAnchor="end">
          {t('observation.now')}
        </text>
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
