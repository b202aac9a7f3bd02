import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson } from '../api.js';
import { teamKinds } from '../../../shared/api.js';
import type { TeamKind, TeamsAnswer } from '../../../shared/api.js';

/** The teams of the district with their neighbourhood, and a form to add one. */
export function TeamsSection({ data, onCreated }: { data: TeamsAnswer; onCreated(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TeamKind>('primary-care');
  const [neighbourhoodId, setNeighbourhoodId] = useState(data.neighbourhoods[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const neighbourhoodName = new Map(data.neighbourhoods.map((n) => [n.id, n.name]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    try {
      await postJson('/api/admin/teams', { name, kind, neighbourhoodId });
      setCreated(name.trim());
      setName('');
      onCreated();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('admin.teams.heading')}</h2>
      <table>
        <caption className="visually-hidden">{t('admin.teams.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.teams.name')}</th>
            <th scope="col">{t('admin.teams.kind')}</th>
            <th scope="col">{t('admin.teams.neighbourhood')}</th>
          </tr>
        </thead>
        <tbody>
          {data.teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td>{t(`admin.teamKind.${team.kind}`, { defaultValue: team.kind })}</td>
              <td>{neighbourhoodName.get(team.neighbourhoodId) ?? team.neighbourhoodId}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-team-heading">
        <h3 id="new-team-heading">{t('admin.teams.create')}</h3>
        <div className="field-row">
          <div>
            <label htmlFor="team-name">{t('admin.teams.name')}</label>
            <input
              id="team-name"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              required
            />
          </div>
          <div>
            <label htmlFor="team-kind">{t('admin.teams.kind')}</label>
            <select id="team-kind" value={kind} onChange={(e) => setKind(e.target.value as TeamKind)}>
              {teamKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.teamKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="team-neighbourhood">{t('admin.teams.neighbourhood')}</label>
            <select
              id="team-neighbourhood"
              value={neighbourhoodId}
              onChange={(e) => setNeighbourhoodId(e.target.value)}
              required
            >
              {data.neighbourhoods.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {t('admin.failed', { message: error })}
          </p>
        )}
        <p role="status" className="form-ok">
          {created && t('admin.teams.created', { name: created })}
        </p>
        <button type="submit" className="primary">
          {t('admin.teams.submit')}
        </button>
      </form>
    </section>
  );
}
