import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { AimsAnswer } from '../../../shared/collaborationHealth.js';
import { lifeDomains } from '../../../shared/domain.js';
import { ChartFigure, colours, legendText } from './ChartFigure.js';
import { decimal, meanText, rateText } from './format.js';

/** One colour and dash per life domain, named in the legend too. */
const domainStyle = {
  care: { colour: colours.medical, dash: undefined },
  housing: { colour: colours.social, dash: '6 3' },
  income: { colour: colours.extra, dash: '2 3' },
  work: { colour: colours.total, dash: '8 3 2 3' },
} as const;

/** Aim 3, better individual care (SPEC CH6): stalled goals, goals achieved and the clients' own ratings. */
export function AimsCare({ care, minGroup }: { care: AimsAnswer['individualCare']; minGroup: number }) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const { t: tc } = useTranslation();
  const lng = i18n.language;
  const rate = (r: Parameters<typeof rateText>[0]) => rateText(r, t, lng, minGroup);
  const domain = (d: string) => tc(`domain.${d}`);
  const label = (v: unknown) => (typeof v === 'number' ? `${decimal(v, lng)}%` : '');
  const achieved = lifeDomains.map((d) => ({
    name: domain(d),
    value: care.goalsAchieved?.[d]?.value ?? null,
  }));
  const quarters = [...new Set((care.ratings ?? []).map((r) => r.quarter))].sort();
  const ratingRows = quarters.map((quarter) =>
    Object.fromEntries([
      ['quarter', quarter],
      ...lifeDomains.map((d) => [
        d,
        care.ratings.find((r) => r.quarter === quarter && r.domain === d)?.mean ?? null,
      ]),
    ]),
  );
  const noRating = care.ratings.every((r) => r.mean === null);
  const ratingOf = (quarter: string, d: string) =>
    meanText(
      care.ratings.find((r) => r.quarter === quarter && r.domain === d)?.mean ?? null,
      t,
      lng,
      minGroup,
    );

  return (
    <section className="ch-aim" aria-labelledby="ch-aim-care">
      <h3 id="ch-aim-care">{t('aims.care')}</h3>
      <dl className="ch-figures">
        <dt>{t('aims.stalledGoals')}</dt>
        <dd>{rate(care.stalledGoals)}</dd>
        <dt>{t('aims.clientsWithStalledGoal')}</dt>
        <dd>{rate(care.clientsWithStalledGoal)}</dd>
        <dt>{t('aims.questionsDiscussed')}</dt>
        <dd>{rate(care.questionsDiscussed)}</dd>
      </dl>
      {care.goalsAchieved && (
        <ChartFigure
          level={4}
          title={t('aims.goalsAchieved')}
          empty={achieved.every((a) => a.value === null) ? t('aims.allTooFew', { min: minGroup }) : null}
          summary={t('aims.goalsAchievedSummary', {
            list: lifeDomains.map((d) => `${domain(d)} ${rate(care.goalsAchieved[d])}`).join('; '),
          })}
          head={[t('aims.domain'), t('aims.share')]}
          rows={lifeDomains.map((d) => [domain(d), rate(care.goalsAchieved[d])])}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart
              data={achieved}
              layout="vertical"
              margin={{ left: 4, right: 48 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
              <YAxis type="category" dataKey="name" width={90} tick={{ fontSize: 12 }} interval={0} />
              <Bar dataKey="value" name={t('aims.share')} fill={colours.medical} isAnimationActive={false}>
                <LabelList dataKey="value" position="right" formatter={label} fontSize={11} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
      {quarters.length === 0 ? (
        <p>{t('aims.noRatings')}</p>
      ) : (
        <ChartFigure
          level={4}
          title={t('aims.ratings')}
          summary={
            noRating
              ? t('aims.allTooFew', { min: minGroup })
              : t('aims.ratingsSummary', {
                  list: quarters
                    .map(
                      (q) => `${q}: ${lifeDomains.map((d) => `${domain(d)} ${ratingOf(q, d)}`).join(', ')}`,
                    )
                    .join('; '),
                })
          }
          empty={noRating ? t('aims.allTooFew', { min: minGroup }) : null}
          head={[t('aims.quarter'), ...lifeDomains.map(domain)]}
          rows={quarters.map((q) => [q, ...lifeDomains.map((d) => ratingOf(q, d))])}
        >
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={ratingRows} margin={{ left: 0, right: 16, top: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="quarter" tick={{ fontSize: 12 }} />
              <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={28} />
              <Legend formatter={legendText} />
              {lifeDomains.map((d) => (
                <Line
                  key={d}
                  dataKey={d}
                  name={domain(d)}
                  stroke={domainStyle[d].colour}
                  strokeDasharray={domainStyle[d].dash}
                  strokeWidth={2}
                  dot={{ r: 4, fill: domainStyle[d].colour }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
    </section>
  );
}
