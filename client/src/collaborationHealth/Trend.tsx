import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/collaborationHealth.js';
import type { StatementGroup } from '../../../shared/collaborationHealthStatements.js';
import { ChartFigure, colours, legendText } from './ChartFigure.js';
import { decimal, groups, meanText } from './format.js';

/** The three lines differ by dash and marker as well as by colour. */
const lines = [
  { key: 'total', colour: colours.total, dash: undefined },
  { key: 'medical', colour: colours.medical, dash: '6 3' },
  { key: 'social', colour: colours.social, dash: '2 3' },
] as const;

/** One condition over the closed rounds (SPEC CH4), for all and per side. */
export function Trend({
  trend,
  minGroup,
  first,
}: {
  trend: TrendPoint[];
  minGroup: number;
  first: StatementGroup;
}) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const lng = i18n.language;
  const id = useId();
  const [group, setGroup] = useState<StatementGroup>(first);
  const points = trend.filter((p) => p.group === group).sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  const mean = (v: number | null) => meanText(v, t, lng, minGroup);
  const list = points.map((p) => `${p.title} ${mean(p.total)}`).join('; ');
  return (
    <section aria-labelledby={`${id}-h`} className="ch-trend ch-no-print">
      <h3 id={`${id}-h`} className="visually-hidden">
        {t('results.trend')}
      </h3>
      <div className="ch-field ch-no-print">
        <label htmlFor={`${id}-group`}>{t('results.trendCondition')}</label>
        <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value as StatementGroup)}>
          {groups.map((g) => (
            <option key={g} value={g}>
              {t(`conditions.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <ChartFigure
        level={4}
        title={`${t('results.trend')}: ${t(`conditions.${group}`)}`}
        summary={t('results.trendSummary', { condition: t(`conditions.${group}`), list })}
        head={[t('results.roundCol'), t('sides.total'), t('sides.medical'), t('sides.social')]}
        rows={points.map((p) => [p.title, mean(p.total), mean(p.medical), mean(p.social)])}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ left: 0, right: 16, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="title" tick={{ fontSize: 12 }} />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={28} />
            <Legend formatter={legendText} />
            {lines.map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={t(`sides.${l.key}`)}
                stroke={l.colour}
                strokeWidth={2}
                strokeDasharray={l.dash}
                dot={{ r: 4, fill: l.colour }}
                connectNulls={false}
                isAnimationActive={false}
                label={
                  // One line's values as labels: three sets of numbers would overlap.
                  l.key === 'total'
                    ? {
                        position: 'top',
                        fontSize: 11,
                        formatter: (v: unknown) => (typeof v === 'number' ? decimal(v, lng) : ''),
                      }
                    : false
                }
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </section>
  );
}
