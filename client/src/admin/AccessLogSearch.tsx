import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.js';
import { formatDateTime } from '../i18n/index.js';
import { ACCESS_EVENTS } from '../../../shared/accessLog.js';
import type { AccessEntry } from '../../../shared/accessLog.js';
import type { CaseChoice, PersonChoice } from '../../../shared/accessLogChoices.js';
import { AdminTable } from './AdminTable.js';
import { LogPicker, nothingPicked, pickedId } from './LogPicker.js';
import type { Picked } from './LogPicker.js';
import '../i18n/nl/access.js';

const pageSize = 50;

interface Filter {
  client: Picked;
  person: Picked;
  /** An access event, or '' for all. */
  event: string;
  from: string;
  to: string;
}
const noFilter: Filter = { client: nothingPicked, person: nothingPicked, event: '', from: '', to: '' };

/** Start of a local calendar day (YYYY-MM-DD) as an ISO time, `days` later. */
const dayStart = (day: string, days = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + days);
  return date.toISOString();
};

/** The query string for one page of the log; `to` includes the whole chosen day. */
function query(filter: Filter, before?: number): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (pickedId(filter.client)) params.set('caseId', pickedId(filter.client));
  if (pickedId(filter.person)) params.set('userId', pickedId(filter.person));
  if (filter.event) params.set('event', filter.event);
  if (filter.from) params.set('from', dayStart(filter.from));
  if (filter.to) params.set('to', dayStart(filter.to, 1));
  if (before !== undefined) params.set('before', String(before));
  return params.toString();
}

/** Search the access log (NEN 7513): who did what with which client's data, when, from where. */
export function AccessLogSearch() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>(noFilter);
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<Filter>(noFilter);
  const [names, setNames] = useState<Record<string, string>>({});
  const nameOf = new Map(Object.entries(names));

  const load = useCallback(async (filter: Filter, before?: number) => {
    setError(null);
    try {
      const body = await getJson<{ entries: AccessEntry[]; names: Record<string, string> }>(
        `/api/admin/access-log?${query(filter, before)}`,
      );
      // The server names the people of these lines: the page never loads every account.
      setNames((known) => ({ ...known, ...body.names }));
      setEntries((current) => (before === undefined ? body.entries : [...(current ?? []), ...body.entries]));
      setMore(body.entries.length === pageSize);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void load(noFilter);
  }, [load]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    void load(draft);
  };
  const dateField = (key: 'from' | 'to') => (
    <div>
      <label htmlFor={`log-${key}`}>{t(`admin.log.${key}`)}</label>
      <input
        id={`log-${key}`}
        type="date"
        value={draft[key]}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
    </div>
  );

  return (
    <section className="admin-section" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('admin.log.heading')}</h2>
      <p className="muted">{t('admin.log.intro')}</p>
      <form
        className="admin-form log-filter"
        onSubmit={search}
        role="search"
        aria-label={t('admin.log.search')}
      >
        <div className="field-row">
          <LogPicker<CaseChoice>
            id="log-caseId"
            label={t('admin.log.caseId')}
            hint={t('admin.log.caseHint')}
            listLabel={t('admin.log.caseChoices')}
            endpoint="/api/admin/access-log/cases"
            value={draft.client}
            onChange={(client) => setDraft((d) => ({ ...d, client }))}
            nameOf={(c) => c.clientName}
            detailOf={(c) =>
              [
                c.birthYear && t('admin.log.born', { year: c.birthYear }),
                c.status === 'closed' && t('admin.log.closed'),
                c.id,
              ]
                .filter(Boolean)
                .join(' · ')
            }
          />
          <LogPicker<PersonChoice>
            id="log-userId"
            label={t('admin.log.userId')}
            hint={t('admin.log.userHint')}
            listLabel={t('admin.log.userChoices')}
            endpoint="/api/admin/access-log/people"
            value={draft.person}
            onChange={(person) => setDraft((d) => ({ ...d, person }))}
            nameOf={(p) => p.name}
            detailOf={(p) => `${t(`admin.role.${p.role}`)} · ${p.username}`}
          />
          <div>
            <label htmlFor="log-event">{t('admin.log.event')}</label>
            <select
              id="log-event"
              value={draft.event}
              onChange={(e) => setDraft((d) => ({ ...d, event: e.target.value }))}
            >
              <option value="">{t('admin.log.anyEvent')}</option>
              {ACCESS_EVENTS.map((event) => (
                <option key={event} value={event}>
                  {t(`admin.event.${event}`)}
                </option>
              ))}
            </select>
          </div>
          {dateField('from')}
          {dateField('to')}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('admin.log.search')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(noFilter);
              setApplied(noFilter);
              void load(noFilter);
            }}
          >
            {t('admin.log.clear')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {t('admin.failed', { message: error })}
        </p>
      )}
      <p role="status" className="muted">
        {entries && t('admin.log.count', { count: entries.length })}
      </p>
      {entries && entries.length > 0 && (
        <AdminTable
          caption={t('admin.log.heading')}
          columns={[
            t('admin.log.at'),
            t('admin.log.event'),
            t('admin.log.case'),
            t('admin.log.user'),
            t('admin.log.role'),
            t('admin.log.authorization'),
            t('admin.log.outcome'),
            t('admin.log.address'),
          ]}
          className="log-table"
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(entry.at, i18n.language)}</td>
              <td>
                {t(`admin.event.${entry.event}`, { defaultValue: entry.event })}
                {entry.event === 'document-change' && entry.details && (
                  // What an editing session changed: item ids and field names, never content.
                  <span className="log-details">
                    {[entry.details.items, entry.details.fields].filter(Boolean).join(' · ')}
                  </span>
                )}
                {entry.event === 'document-close' && entry.details?.interrupted === true && (
                  // Closed at the next start: the server stopped while the board was open.
                  <span className="log-details">{t('admin.interrupted')}</span>
                )}
                {typeof entry.details?.listed === 'number' && (
                  // A list read: which clients it showed (their ids, or a digest for a long list).
                  <span className="log-details" title={String(entry.details.cases ?? '')}>
                    {t('admin.listed', { count: entry.details.listed })}
                  </span>
                )}
              </td>
              <td>{entry.caseId ?? '—'}</td>
              <td>
                {entry.userId ? (
                  <span title={entry.userId}>{nameOf.get(entry.userId) ?? entry.userId}</span>
                ) : (
                  '—'
                )}
              </td>
              <td>{entry.role ? t(`admin.role.${entry.role}`, { defaultValue: entry.role }) : '—'}</td>
              <td className="break">{entry.authorization ?? '—'}</td>
              <td>
                <span className={`badge ${entry.outcome === 'refused' ? 'badge-danger' : 'badge-ok'}`}>
                  {t(`admin.outcome.${entry.outcome}`)}
                </span>
              </td>
              <td>{entry.address ?? '—'}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      {more && entries && (
        <button type="button" className="more" onClick={() => void load(applied, entries.at(-1)?.id)}>
          {t('admin.log.older')}
        </button>
      )}
    </section>
  );
}
