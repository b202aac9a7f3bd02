import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AimsAnswer, Delay, RoundResults } from '../../../shared/collaborationHealth.js';
import { AimsCare } from './AimsCare.js';
import { ChartFigure, colours, legendText } from './ChartFigure.js';
import { day, decimal, meanText, rateText } from './format.js';

const dataConditions = ['population', 'knowingOffers', 'earlyRecovery', 'peerTraining'] as const;

/**
 * The five aims from the work itself (SPEC CH6, CH7): prevention, access, individual care, cost
 * (proxies, said so in every label) and job satisfaction from the pulse; then the conditions the
 * data can show, next to what the scan says about them.
 */
export function Aims({
  aims,
  latest,
  minGroup,
}: {
  aims: AimsAnswer;
  latest: RoundResults | null;
  minGroup: number;
}) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const { t: tc } = useTranslation();
  const lng = i18n.language;
  const rate = (r: Parameters<typeof rateText>[0]) => rateText(r, t, lng, minGroup);
  const mean = (v: number | null) => meanText(v, t, lng, minGroup);
  const days = (d: Delay) =>
    d.median === null
      ? t('tooFew', { min: minGroup })
      : `${t('aims.median')} ${decimal(d.median, lng)}, ${t('aims.p90')} ${decimal(d.p90 ?? d.median, lng)}`;
  const label = (v: unknown) => (typeof v === 'number' ? decimal(v, lng) : '');
  const quarters = [...new Set(aims.prevention.escalations.map((q) => q.quarter))].sort();
  const quarterRows = quarters.map((quarter) => ({
    quarter,
    escalations: aims.prevention.escalations.find((q) => q.quarter === quarter)?.per100 ?? null,
    relapses: aims.prevention.relapses.find((q) => q.quarter === quarter)?.per100 ?? null,
  }));
  const groupName = (g: AimsAnswer['access']['groups'][number]) =>
    g.kind === 'side'
      ? `${t(`sides.${g.key}`, { defaultValue: g.label })} (${t('aims.bySide')})`
      : `${g.label} (${t('aims.byNeighbourhood')})`;
  const delayRows = aims.access.groups.map((g) => ({
    name: groupName(g),
    median: g.toFirstContact.median,
    p90: g.toFirstContact.p90,
  }));
  const pulse = latest?.conditions.find((c) => c.group === 'pulse');
  const proxy = (v: number | null) => (v === null ? t('tooFew', { min: minGroup }) : decimal(v, lng));

  return (
    <section className="panel ch-aims" aria-labelledby="ch-aims-heading">
      <h2 id="ch-aims-heading">{t('aims.heading')}</h2>
      <p className="muted">
        {t('aims.period', { from: day(aims.from, lng), to: day(aims.to, lng), clients: aims.clients })}
      </p>

      <section className="ch-aim" aria-labelledby="ch-aim-prevention">
        <h3 id="ch-aim-prevention">{t('aims.prevention')}</h3>
        <dl className="ch-figures">
          <dt>{t('aims.backToGreen')}</dt>
          <dd>{rate(aims.prevention.backToGreen)}</dd>
        </dl>
        <ChartFigure
          level={4}
          title={t('aims.perQuarter')}
          empty={
            quarterRows.every((q) => q.escalations === null && q.relapses === null)
              ? t('aims.allTooFew', { min: minGroup })
              : null
          }
          summary={t('aims.perQuarterSummary', {
            list: quarterRows
              .map(
                (q) =>
                  `${q.quarter}: ${t('aims.escalations').toLowerCase()} ${mean(q.escalations)}, ${t('aims.relapses').toLowerCase()} ${mean(q.relapses)}`,
              )
              .join('; '),
          })}
          head={[t('aims.quarter'), t('aims.escalations'), t('aims.relapses')]}
          rows={quarterRows.map((q) => [q.quarter, mean(q.escalations), mean(q.relapses)])}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={quarterRows} margin={{ left: 0, right: 8, top: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="quarter" tick={{ fontSize: 12 }} />
              <YAxis width={32} />
              <Legend formatter={legendText} />
              <Bar
                dataKey="escalations"
                name={t('aims.escalations')}
                fill={colours.social}
                isAnimationActive={false}
              >
                <LabelList dataKey="escalations" position="top" formatter={label} fontSize={11} />
              </Bar>
              <Bar
                dataKey="relapses"
                name={t('aims.relapses')}
                fill={colours.extra}
                isAnimationActive={false}
              >
                <LabelList dataKey="relapses" position="top" formatter={label} fontSize={11} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </section>

      <section className="ch-aim" aria-labelledby="ch-aim-access">
        <h3 id="ch-aim-access">{t('aims.access')}</h3>
        <dl className="ch-figures">
          <dt>{t('aims.reachedFirstContact')}</dt>
          <dd>{rate(aims.access.reachedFirstContact)}</dd>
        </dl>
        <ChartFigure
          level={4}
          title={t('aims.delays')}
          empty={delayRows.every((d) => d.median === null) ? t('aims.allTooFew', { min: minGroup }) : null}
          summary={t('aims.delaysSummary', {
            list: aims.access.groups.map((g) => `${groupName(g)} ${days(g.toFirstContact)}`).join('; '),
          })}
          head={[t('aims.group'), t('aims.toAccepted'), t('aims.toFirstContact'), t('aims.referrals')]}
          rows={aims.access.groups.map((g) => [
            groupName(g),
            days(g.toAccepted),
            days(g.toFirstContact),
            g.toFirstContact.n,
          ])}
        >
          <ResponsiveContainer width="100%" height={Math.max(160, delayRows.length * 52 + 70)}>
            <BarChart
              data={delayRows}
              layout="vertical"
              margin={{ left: 4, right: 36 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} interval={0} />
              <Legend formatter={legendText} />
              <Bar
                dataKey="median"
                name={`${t('aims.toFirstContact')}, ${t('aims.median')}`}
                fill={colours.medical}
                isAnimationActive={false}
              >
                <LabelList dataKey="median" position="right" formatter={label} fontSize={11} />
              </Bar>
              <Bar
                dataKey="p90"
                name={`${t('aims.toFirstContact')}, ${t('aims.p90')}`}
                fill={colours.total}
                isAnimationActive={false}
              >
                <LabelList dataKey="p90" position="right" formatter={label} fontSize={11} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </section>

      <AimsCare care={aims.individualCare} minGroup={minGroup} />

      <section className="ch-aim" aria-labelledby="ch-aim-cost">
        <h3 id="ch-aim-cost">{t('aims.cost')}</h3>
        <p className="hint">{t('aims.costNote')}</p>
        <dl className="ch-figures">
          <dt>{t('aims.professionalsPerClient')}</dt>
          <dd>{proxy(aims.cost.professionalsPerClient)}</dd>
          <dt>{t('aims.meetingMinutesPerClient')}</dt>
          <dd>{proxy(aims.cost.meetingMinutesPerClient)}</dd>
          <dt>{t('aims.referralsPerClient')}</dt>
          <dd>{proxy(aims.cost.referralsPerClient)}</dd>
        </dl>
      </section>

      <section className="ch-aim" aria-labelledby="ch-aim-job">
        <h3 id="ch-aim-job">{t('aims.job')}</h3>
        <p>
          {pulse
            ? t('aims.jobFromPulse', { mean: mean(pulse.total.mean), count: pulse.total.n })
            : t('aims.jobNone')}
        </p>
      </section>

      <section className="ch-aim" aria-labelledby="ch-aim-conditions">
        <h3 id="ch-aim-conditions">{t('aims.conditionsHeading')}</h3>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={tc('common.tableOf', { name: t('aims.conditionsHeading') })}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('results.condition')}</th>
                <th scope="col">{t('aims.fromData')}</th>
                <th scope="col">{t('aims.fromScan')}</th>
              </tr>
            </thead>
            <tbody>
              {dataConditions.map((c) => {
                const scan = latest?.conditions.find((x) => x.group === c);
                return (
                  <tr key={c}>
                    <th scope="row">{t(`conditions.${c}`)}</th>
                    <td>
                      {t(`aims.${c}`)}: {rate(aims.conditions[c])}
                    </td>
                    <td>{scan ? mean(scan.total.mean) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
