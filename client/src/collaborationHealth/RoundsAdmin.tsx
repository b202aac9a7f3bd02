import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthOverview, HealthRound, OpenRound } from '../../../shared/collaborationHealth.js';
import { postJson } from '../api.js';
import { useApi } from '../useApi.js';
import { day, today } from './format.js';
import { ChoiceField } from './ChoiceField.js';

interface Props {
  places: HealthOverview['places'];
  districtId: string;
  /** A round opened or closed: the results may change. */
  onChanged(): void;
}

/** The administrator opens a round and closes it (SPEC CH1); the list shows each round's status. */
export function RoundsAdmin({ places, districtId, onChanged }: Props) {
  const { t, i18n } = useTranslation('collaborationHealth');
  const rounds = useApi<{ rounds: HealthRound[] }>(
    `/api/collaboration-health/rounds?districtId=${encodeURIComponent(districtId)}`,
  );
  const [title, setTitle] = useState('');
  const [district, setDistrict] = useState(districtId);
  const [neighbourhood, setNeighbourhood] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const neighbourhoods = places.find((p) => p.id === district)?.neighbourhoods ?? [];
  const placeName = (round: HealthRound) => {
    const place = places.find((p) => p.id === round.districtId);
    const n = place?.neighbourhoods.find((x) => x.id === round.neighbourhoodId);
    return n ? `${n.name} (${place?.name})` : `${place?.name ?? ''}, ${t('rounds.whole')}`;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!title.trim()) {
      setError(t('open.missingTitle'));
      document.getElementById('ch-open-title')?.focus();
      return;
    }
    if (!closesOn) {
      setError(t('open.missingDate'));
      document.getElementById('ch-open-closes')?.focus();
      return;
    }
    const body: OpenRound = {
      title: title.trim(),
      districtId: district,
      neighbourhoodId: neighbourhood || null,
      closesOn,
    };
    try {
      await postJson('/api/collaboration-health/rounds', body);
      setError(null);
      setDone(t('open.opened', { title: body.title }));
      setTitle('');
      setClosesOn('');
      rounds.reload();
      onChanged();
    } catch (e) {
      setError(t('failed', { message: (e as Error).message }));
    }
  };

  const close = async (round: HealthRound) => {
    setDone(null);
    try {
      await postJson(`/api/collaboration-health/rounds/${round.id}/close`);
      setError(null);
      setDone(t('rounds.closed', { title: round.title }));
      rounds.reload();
      onChanged();
    } catch (e) {
      setError(t('failed', { message: (e as Error).message }));
    }
  };

  return (
    <section className="panel ch-admin ch-no-print" aria-labelledby="ch-admin-heading">
      <h2 id="ch-admin-heading">{t('rounds.heading')}</h2>
      <form className="ch-open" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ch-open-heading">
        <h3 id="ch-open-heading">{t('open.heading')}</h3>
        <div className="field-row">
          <div className="ch-field">
            <label htmlFor="ch-open-title">{t('open.title')}</label>
            <input
              id="ch-open-title"
              value={title}
              maxLength={120}
              aria-describedby="ch-open-title-hint"
              onChange={(e) => setTitle(e.target.value)}
            />
            <p id="ch-open-title-hint" className="hint">
              {t('open.titleHint')}
            </p>
          </div>
          <ChoiceField
            id="ch-open-district"
            label={t('open.district')}
            value={district}
            choices={places}
            onChange={(value) => {
              setDistrict(value);
              setNeighbourhood('');
            }}
          />
          <ChoiceField
            id="ch-open-neighbourhood"
            label={t('open.neighbourhood')}
            value={neighbourhood}
            choices={neighbourhoods}
            all={t('open.neighbourhoodAll')}
            onChange={setNeighbourhood}
          />
          <div className="ch-field">
            <label htmlFor="ch-open-closes">{t('open.closesOn')}</label>
            <input
              id="ch-open-closes"
              type="date"
              min={today()}
              value={closesOn}
              onChange={(e) => setClosesOn(e.target.value)}
            />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('open.submit')}
          </button>
        </div>
      </form>
      <p className="form-error" role="alert">
        {error}
      </p>
      <p className="form-ok" role="status">
        {done}
      </p>
      {rounds.error && <p role="alert">{t('failed', { message: rounds.error })}</p>}
      {rounds.data && rounds.data.rounds.length === 0 && <p>{t('rounds.none')}</p>}
      {rounds.data && rounds.data.rounds.length > 0 && (
        <ul className="ch-round-list">
          {rounds.data.rounds.map((round) => (
            <li key={round.id} className={`ch-round-item ${round.status}`}>
              <div>
                <strong>{round.title}</strong>{' '}
                <span className={`badge ${round.status === 'open' ? 'badge-ok' : 'badge-muted'}`}>
                  {t(`status.${round.status}`)}
                </span>
                <br />
                <span className="muted">
                  {placeName(round)} ·{' '}
                  {t(round.status === 'open' ? 'rounds.closesOn' : 'rounds.closedOn', {
                    date: day(round.closesOn, i18n.language),
                  })}
                </span>
              </div>
              {round.status === 'open' && (
                <button
                  type="button"
                  className="danger small"
                  aria-label={`${t('rounds.close')}: ${round.title}`}
                  onClick={() => void close(round)}
                >
                  {t('rounds.close')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
