import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { HealthOverview } from '../../../shared/collaborationHealth.js';
import { useSession } from '../session.js';
import { useApi } from '../useApi.js';
import { Aims } from './Aims.js';
import { MyRounds } from './MyRounds.js';
import { RoundResultsView } from './RoundResultsView.js';
import { RoundsAdmin } from './RoundsAdmin.js';
import { Trend } from './Trend.js';
import './collaborationHealth.css';
import { ChoiceField } from './ChoiceField.js';

const base = '/api/collaboration-health';

/**
 * "Samenwerking": the professional's own scan, the administrator's rounds, and for everyone who
 * may read them the results of the latest closed round and the aims of a district or
 * neighbourhood (SPEC CH1–CH9). The place in view is in the address, so a printed or shared page
 * says which one it is.
 */
export function CollaborationHealthPage() {
  const { t } = useTranslation('collaborationHealth');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const scope = new URLSearchParams();
  const districtParam = params.get('districtId');
  const neighbourhoodParam = params.get('neighbourhoodId');
  if (districtParam) scope.set('districtId', districtParam);
  if (neighbourhoodParam) scope.set('neighbourhoodId', neighbourhoodParam);
  const query = scope.toString() ? `?${scope}` : '';
  const overview = useApi<HealthOverview>(`${base}/overview${query}`);
  const data = overview.data;
  const admin = user?.role === 'admin';
  const district = data?.places.find((p) => p.id === data.districtId);
  // A professional reads their own district only (CH8): no district choice to be refused.
  const chooseDistrict = !!data && data.places.length > 1 && user?.role !== 'professional';

  const choose = (districtId: string, neighbourhoodId: string) => {
    const next = new URLSearchParams();
    if (districtId) next.set('districtId', districtId);
    if (neighbourhoodId) next.set('neighbourhoodId', neighbourhoodId);
    setParams(next, { replace: true });
  };

  return (
    <div className="collaboration-health">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="ch-controls">
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a className="ch-csv" href={`${base}/export.csv${query}`} download>
          {t('csv')}
        </a>
      </div>

      {data && !admin && <MyRounds minGroup={data.minGroup} />}
      {data && admin && (
        <RoundsAdmin places={data.places} districtId={data.districtId} onChanged={overview.reload} />
      )}

      <section className="panel ch-results" aria-labelledby="ch-results-heading">
        <h2 id="ch-results-heading">
          {t('results.heading')}
          {district &&
            `: ${district.neighbourhoods.find((n) => n.id === data?.neighbourhoodId)?.name ?? district.name}`}
        </h2>
        {overview.error && <p role="alert">{t('failed', { message: overview.error })}</p>}
        {!data && !overview.error && <p role="status">{t('loading')}</p>}
        {data && (
          <>
            <fieldset className="ch-scope ch-no-print">
              <legend>{t('results.scope')}</legend>
              <div className="field-row">
                {chooseDistrict && (
                  <ChoiceField
                    id="ch-scope-district"
                    label={t('results.district')}
                    value={data.districtId}
                    choices={data.places}
                    onChange={(value) => choose(value, '')}
                  />
                )}
                <ChoiceField
                  id="ch-scope-neighbourhood"
                  label={t('results.neighbourhood')}
                  value={data.neighbourhoodId ?? ''}
                  choices={district?.neighbourhoods ?? []}
                  all={`${t('results.allNeighbourhoods')}${district ? ` (${district.name})` : ''}`}
                  onChange={(value) => choose(data.districtId, value)}
                />
              </div>
            </fieldset>
            {data.latest ? (
              <>
                <RoundResultsView results={data.latest} minGroup={data.minGroup} />
                {data.trend.length > 0 && (
                  <Trend
                    trend={data.trend}
                    minGroup={data.minGroup}
                    first={data.latest.largestGaps[0] ?? 'pulse'}
                  />
                )}
              </>
            ) : (
              <p>{t('results.none')}</p>
            )}
          </>
        )}
      </section>

      {data && <Aims aims={data.aims} latest={data.latest} minGroup={data.minGroup} />}
    </div>
  );
}
