import { useTranslation } from 'react-i18next';
import type { OrphanedCase } from '../../../shared/adminApi.js';
import { AdminTable } from './AdminTable.js';
import '../i18n/nl/admin.js';

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
        <AdminTable
          caption={t('orphans.table')}
          columns={[
            t('orphans.alias'),
            t('orphans.neighbourhood'),
            t('orphans.former'),
            t('orphans.members'),
          ]}
        >
          {cases.map((c) => (
            <tr key={c.caseId}>
              <th scope="row">{c.alias}</th>
              <td>{c.neighbourhood}</td>
              <td>{c.formerCoordinator?.name ?? t('orphans.noFormer')}</td>
              <td>{c.members}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
