import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AdminProfessional,
  OneTimeLinkAnswer,
  ProfessionalsAnswer,
  TeamsAnswer,
} from '../../../shared/adminApi.js';
import { getJson, postJson, putJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import { FormMessages } from './FormMessages.js';
import { ProfessionalFields, professionalBody, professionalLabels } from './ProfessionalFields.js';
import type { ProfessionalDraft } from './ProfessionalFields.js';
import { useAdminAction } from './useAdminAction.js';
import { AdminTable } from './AdminTable.js';
import '../i18n/nl/admin.js';

const pageSize = 25;

const draftOf = (p: AdminProfessional): ProfessionalDraft => ({
  name: p.name,
  roleTitle: p.roleTitle,
  side: p.side,
  teamId: p.teamId ?? '',
  organisationId: p.organisationId ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  role: p.account?.role ?? 'professional',
});

/**
 * The professionals, a page at a time from the server (2,000 never reach the browser at once),
 * with search, the edit form, and a leaver's buttons: disable, enable again, a password link.
 */
export function ProfessionalsSection({
  teams,
  version,
  onChanged,
}: {
  teams: TeamsAnswer;
  /** Changes when a professional was added elsewhere on the page: the list is read again. */
  version: number;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState({ q: '', offset: 0 });
  const [page, setPage] = useState<ProfessionalsAnswer | null>(null);
  const [editing, setEditing] = useState<{ id: string; was: string; draft: ProfessionalDraft } | null>(null);
  const [link, setLink] = useState<(OneTimeLinkAnswer & { name: string }) | null>(null);
  const [twoFactor, setTwoFactor] = useState(false);
  const load = useAdminAction({});
  const row = useAdminAction(professionalLabels(t));

  const reload = useCallback(() => {
    const params = new URLSearchParams({ limit: String(pageSize), offset: String(query.offset) });
    if (query.q.trim()) params.set('q', query.q.trim());
    void load.run(
      async () => setPage(await getJson<ProfessionalsAnswer>(`/api/admin/professionals?${params}`)),
      '',
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  useEffect(() => reload(), [reload, version]);

  const find = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: search, offset: 0 });
  };
  const changed = () => {
    reload();
    onChanged();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const ok = await row.run(
      () =>
        putJson(
          `/api/admin/professionals/${encodeURIComponent(editing.id)}`,
          professionalBody(editing.draft),
        ),
      t('people.saved', { name: editing.draft.name.trim() }),
    );
    if (ok) {
      setEditing(null);
      changed();
    }
  };
  const disable = async (p: AdminProfessional) => {
    if (!window.confirm(t('people.confirmDisable', { name: p.name }))) return;
    const text =
      p.coordinates > 0
        ? t('people.disabledOrphans', { name: p.name, count: p.coordinates })
        : t('people.disabled', { name: p.name });
    if (await row.run(() => postJson(`/api/admin/professionals/${encodeURIComponent(p.id)}/disable`), text))
      changed();
  };
  const enable = async (p: AdminProfessional) => {
    const ok = await row.run(
      () => postJson(`/api/admin/professionals/${encodeURIComponent(p.id)}/enable`),
      t('people.enabled', { name: p.name }),
    );
    if (ok) changed();
  };
  const reset = async (p: AdminProfessional) => {
    if (!window.confirm(t('people.confirmReset', { name: p.name }))) return;
    setLink(null);
    const ok = await row.run(
      async () => {
        const made = await postJson<OneTimeLinkAnswer>(
          `/api/admin/professionals/${encodeURIComponent(p.id)}/password-reset`,
          { twoFactor },
        );
        setLink({ ...made, name: p.name });
      },
      t('people.resetDone', { name: p.name }),
    );
    if (ok) changed();
  };

  const state = (p: AdminProfessional) => (p.account ? p.account.state : 'none');
  const from = page && page.total > 0 ? page.offset + 1 : 0;
  const to = page ? page.offset + page.rows.length : 0;

  return (
    <section className="admin-section" aria-labelledby="professionals-heading">
      <h2 id="professionals-heading">{t('people.heading')}</h2>
      <form className="inline-field" role="search" onSubmit={find}>
        <label htmlFor="professional-search">{t('people.search')}</label>
        <input
          id="professional-search"
          type="search"
          value={search}
          aria-describedby="professional-search-hint"
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit">{t('people.searchButton')}</button>
      </form>
      <p id="professional-search-hint" className="muted">
        {t('people.searchHint')}
      </p>
      <FormMessages id="professionals-load-error" error={load.error} done={null} />
      {page && (
        <>
          <p role="status" className="muted">
            {t('people.count', { count: page.total })}
            {page.total > 0 && ` · ${t('people.range', { from, to, total: page.total })}`}
          </p>
          {page.rows.length === 0 ? (
            <p>{t('people.none')}</p>
          ) : (
            <AdminTable
              caption={t('people.table')}
              columns={[
                t('people.name'),
                t('people.roleTitle'),
                t('people.side'),
                t('people.team'),
                t('people.username'),
                t('people.account'),
                t('people.actions'),
              ]}
            >
              {page.rows.flatMap((p) => [
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.roleTitle}</td>
                  <td>{t(`people.sides.${p.side}`)}</td>
                  <td>{p.team ?? ''}</td>
                  <td>{p.account?.username ?? ''}</td>
                  <td>
                    <span className={state(p) === 'active' ? undefined : 'badge badge-muted'}>
                      {t(`people.states.${state(p)}`)}
                    </span>
                    {p.coordinates > 0 && (
                      <span className="muted"> · {t('people.coordinates', { count: p.coordinates })}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={t('people.editNamed', { name: p.name })}
                      onClick={() => {
                        row.clear();
                        setEditing({ id: p.id, was: p.name, draft: draftOf(p) });
                      }}
                    >
                      {t('people.edit')}
                    </button>
                    {p.account && p.account.state !== 'disabled' && (
                      <>
                        <button
                          type="button"
                          className="small"
                          aria-label={t('people.disableNamed', { name: p.name })}
                          onClick={() => void disable(p)}
                        >
                          {t('people.disable')}
                        </button>
                        <button
                          type="button"
                          className="small"
                          aria-label={t('people.resetNamed', { name: p.name })}
                          onClick={() => void reset(p)}
                        >
                          {t('people.reset')}
                        </button>
                      </>
                    )}
                    {p.account?.state === 'disabled' && (
                      <button
                        type="button"
                        className="small"
                        aria-label={t('people.enableNamed', { name: p.name })}
                        onClick={() => void enable(p)}
                      >
                        {t('people.enable')}
                      </button>
                    )}
                  </td>
                </tr>,
                ...(editing?.id === p.id
                  ? [
                      <tr key={`${p.id}-edit`}>
                        <td colSpan={7}>
                          <form
                            className="admin-form"
                            aria-label={t('people.editHeading', { name: editing.was })}
                            onSubmit={(e) => void save(e)}
                            noValidate
                          >
                            <h3>{t('people.editHeading', { name: editing.was })}</h3>
                            <ProfessionalFields
                              idPrefix="edit-professional"
                              draft={editing.draft}
                              onChange={(draft) => setEditing({ ...editing, draft })}
                              teams={teams}
                              currentTeamId={p.teamId}
                              currentOrganisationId={p.organisationId}
                              invalid={(field) => row.fieldProps(field, 'professional-row-error')}
                            />
                            <button type="submit" className="primary small" disabled={row.busy}>
                              {t('people.save')}
                            </button>{' '}
                            <button type="button" className="small" onClick={() => setEditing(null)}>
                              {t('people.cancel')}
                            </button>
                          </form>
                        </td>
                      </tr>,
                    ]
                  : []),
              ])}
            </AdminTable>
          )}
          <nav aria-label={t('people.pages')} className="pager">
            <button
              type="button"
              disabled={page.offset === 0}
              onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - pageSize) }))}
            >
              {t('people.previous')}
            </button>{' '}
            <button
              type="button"
              disabled={to >= page.total}
              onClick={() => setQuery((q) => ({ ...q, offset: q.offset + pageSize }))}
            >
              {t('people.next')}
            </button>
          </nav>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={twoFactor} onChange={(e) => setTwoFactor(e.target.checked)} />{' '}
        {t('people.resetTwoFactor')}
      </label>
      <FormMessages id="professional-row-error" error={row.error} done={row.done} />
      {link && (
        <OneTimeLink
          link={link.link}
          expiresAt={link.expiresAt}
          label={t('people.resetLink', { name: link.name })}
        />
      )}
    </section>
  );
}
