import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RoundResults } from '../../../shared/collaborationHealth.js';
import { ChartFigure, colours, legendText, scaleColours } from './ChartFigure.js';
import { day, decimal, meanText } from './format.js';

const scale = [1, 2, 3, 4, 5] as const;

/**
 * The latest closed round (SPEC CH4, CH5): where the sides differ most first, then every
 * condition with the two sides side by side, the distribution of answers and the comments.
 */
export function RoundResultsView({ results, minGroup }: { results: RoundResults; minGroup: number }) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const lng = i18n.language;
  const name = (group: string) => t(`conditions.${group}`);
  const mean = (v: number | null) => meanText(v, t, lng, minGroup);
  const label = (v: unknown) => (typeof v === 'number' ? decimal(v, lng) : '');
  const byGroup = new Map(results.conditions.map((c) => [c.group, c]));
  const sidesShown = results.conditions.some((c) => c.medical.mean !== null && c.social.mean !== null);
  const rows = results.conditions.map((c) => ({
    name: name(c.group),
    total: c.total.mean,
    medical: c.medical.mean,
    social: c.social.mean,
  }));
  const top = (side: 'medical' | 'social') => {
    const best = [...results.conditions]
      .filter((c) => c[side].mean !== null)
      .sort((a, b) => b[side].mean! - a[side].mean!)[0];
    return best ? `${name(best.group)} (${decimal(best[side].mean!, lng)})` : t('tooFewShort');
  };
  const gaps = results.largestGaps.map((g) => byGroup.get(g)!).filter((c) => c && c.gap !== null);
  const distributed = results.conditions.filter((c) => c.distribution !== null);
  const distributionRows = distributed.map((c) => {
    const all = c.distribution!.reduce((a, b) => a + b, 0) || 1;
    return Object.fromEntries([
      ['name', name(c.group)],
      ...c.distribution!.map((n, i) => [`a${i + 1}`, Math.round((100 * n) / all)]),
    ]) as Record<string, string | number>;
  });
  const chartHeight = (n: number) => Math.max(160, n * 40 + 70);

  return (
    <>
      <p>
        {t('results.round', {
          title: results.round.title,
          date: day(results.round.closesOn, lng),
          count: results.respondents,
        })}
      </p>

      <section aria-labelledby="ch-gaps">
        <h3 id="ch-gaps">{t('results.gapsHeading')}</h3>
        <p className="hint">{t('results.gapsIntro')}</p>
        {gaps.length === 0 ? (
          <p>{t('results.perConditionNoSides', { min: minGroup })}</p>
        ) : (
          <ol className="ch-gaps">
            {gaps.map((c) => (
              <li key={c.group}>
                <strong>{name(c.group)}</strong>: {t('results.gap', { gap: decimal(Math.abs(c.gap!), lng) })}{' '}
                ({t('sides.medical')} {mean(c.medical.mean)}, {t('sides.social')} {mean(c.social.mean)})
              </li>
            ))}
          </ol>
        )}
      </section>

      <ChartFigure
        title={t('results.perCondition')}
        summary={
          sidesShown
            ? t('results.perConditionSummary', { topMedical: top('medical'), topSocial: top('social') })
            : t('results.perConditionNoSides', { min: minGroup })
        }
        head={[
          t('results.condition'),
          t('sides.total'),
          t('sides.medical'),
          t('sides.social'),
          t('results.people'),
        ]}
        rows={results.conditions.map((c) => [
          name(c.group),
          mean(c.total.mean),
          mean(c.medical.mean),
          mean(c.social.mean),
          `${c.total.n} (${t('sides.medical').toLowerCase()} ${c.medical.n}, ${t('sides.social').toLowerCase()} ${c.social.n})`,
        ])}
      >
        <ResponsiveContainer width="100%" height={chartHeight(rows.length)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 36 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} />
            <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} interval={0} />
            <Legend formatter={legendText} />
            {sidesShown ? (
              <>
                <Bar
                  dataKey="medical"
                  name={t('sides.medical')}
                  fill={colours.medical}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="medical" position="right" formatter={label} fontSize={11} />
                </Bar>
                <Bar
                  dataKey="social"
                  name={t('sides.social')}
                  fill={colours.social}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="social" position="right" formatter={label} fontSize={11} />
                </Bar>
              </>
            ) : (
              <Bar dataKey="total" name={t('sides.total')} fill={colours.total} isAnimationActive={false}>
                <LabelList dataKey="total" position="right" formatter={label} fontSize={11} />
              </Bar>
            )}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      {distributed.length > 0 && (
        <ChartFigure
          noPrint
          title={t('results.distribution')}
          summary={(() => {
            const c = distributed[0]!;
            const list = c.distribution!.map((n, i) => `${t(`scale.${i + 1}`)} ${n}`).join(', ');
            return t('results.distributionSummary', { condition: name(c.group), list });
          })()}
          head={[t('results.condition'), ...scale.map((s) => `${s} ${t(`scale.${s}`)}`)]}
          rows={results.conditions.map((c) =>
            c.distribution
              ? [name(c.group), ...c.distribution.map(String)]
              : [name(c.group), ...scale.map(() => t('tooFewShort'))],
          )}
        >
          <ResponsiveContainer width="100%" height={chartHeight(distributionRows.length)}>
            <BarChart
              data={distributionRows}
              layout="vertical"
              stackOffset="expand"
              margin={{ left: 4, right: 12 }}
              accessibilityLayer={false}
            >
              <XAxis type="number" tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
              <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} interval={0} />
              <Legend formatter={legendText} />
              {scale.map((s) => (
                <Bar
                  key={s}
                  dataKey={`a${s}`}
                  stackId="answers"
                  name={`${s} ${t(`scale.${s}`)}`}
                  fill={scaleColours[s - 1]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}

      <section aria-labelledby="ch-comments" className="ch-comments">
        <h3 id="ch-comments">{t('results.comments')}</h3>
        {results.conditions.every((c) => c.comments.length === 0) && <p>{t('results.noComments')}</p>}
        {results.conditions
          .filter((c) => c.comments.length > 0)
          .map((c) => (
            <div key={c.group}>
              <h4>{name(c.group)}</h4>
              <ul>
                {c.comments.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </div>
          ))}
      </section>
    </>
  );
}
