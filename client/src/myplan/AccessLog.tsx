import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileAccess } from '../../../shared/api.js';
import { fullDateTime } from './dates.js';
import { useApi } from '../useApi.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import { groupVisits } from './visits.js';
import '../i18n/nl/myPlan.js';

const shownAtFirst = 20;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Who opened, read or changed the client's file, as visits (their own visits left out). */
export function AccessLog() {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<{ entries: FileAccess[] }>('/api/my/access-log');
  const entries = useMemo(() => data && groupVisits(data.entries.filter((e) => e.role !== 'client')), [data]);
  const [showAll, setShowAll] = useState(false);

  return (
    <PlanSection id="access-log" heading={t('myPlan.accessLog.heading')} className="access-log">
      <p className="muted">
        <Sentences text={t('myPlan.accessLog.intro')} />
      </p>
      {error && <p role="alert">{t('myPlan.accessLog.loadError', { message: error })}</p>}
      {!entries && !error && <p role="status">{t('common.loading')}</p>}
      {entries && entries.length === 0 && <p>{t('myPlan.accessLog.none')}</p>}
      {entries && entries.length > 0 && (
        <>
          <ul className="visit-list">
            {(showAll ? entries : entries.slice(0, shownAtFirst)).map((visit) => (
              <li key={`${visit.at}-${visit.name}`} className="visit">
                <span className="visit-when">{fullDateTime(visit.at, i18n.language)}</span>
                <span className="visit-who">
                  <strong>{visit.name}</strong>
                  {visit.role && (
                    <span className="muted">
                      {' '}
                      ({t(`myPlan.role.${visit.role}`, { defaultValue: visit.role })})
                    </span>
                  )}
                </span>
                <span className="visit-what">
                  {capitalise(
                    visit.events.map((e) => t(`myPlan.event.${e}`, { defaultValue: e })).join(', '),
                  )}
                  {visit.count > 1 && (
                    <span className="muted"> {t('myPlan.accessLog.times', { count: visit.count })}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {!showAll && entries.length > shownAtFirst && (
            <button type="button" className="more" onClick={() => setShowAll(true)}>
              {t('myPlan.accessLog.more', { count: entries.length - shownAtFirst })}
            </button>
          )}
        </>
      )}
    </PlanSection>
  );
}
