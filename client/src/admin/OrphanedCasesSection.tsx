import { useTranslation } from 'react-i18next';
import type { OrphanedCase } from '../../../shared/adminApi.js';

/** Open cases whose coordinator left (disabled) or that never had one, named by alias only. */
export function OrphanedCasesSection({ cases }: { cases: OrphanedCase[] }) {
  const { t } = useTranslation();
  return (
    <section className="admin-section" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">{t('orphans.heading')}</h2>
      <p className="muted">{t('orphans.intro')}</p>
      {cases.length === 0 ? (
        <p>{t('orphans.none')}</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('common.tableOf', { name: t('orphans.table') })}
        >
          <table>
            <caption className="visually-hidden">{t('orphans.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orphans.alias')}</th>
                <th scope="col">{t('orphans.neighbourhood')}</th>
                <th scope="col">{t('orphans.former')}</th>
                <th scope="col">{t('orphans.members')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.caseId}>
                  <th scope="row">{c.alias}</th>
                  <td>{c.neighbourhood}</td>
                  <td>{c.formerCoordinator?.name ?? t('orphans.noFormer')}</td>
                  <td>{c.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
