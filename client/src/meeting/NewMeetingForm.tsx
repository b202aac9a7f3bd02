import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Neighbourhood, ProfessionalSummary } from '../../../shared/api.js';
import { guestRelations } from '../../../shared/meetingApi.js';
import type { GuestRelation } from '../../../shared/meetingApi.js';
import { foldName } from '../../../shared/search.js';
import { postJson } from '../api.js';
import { useApi } from '../useApi.js';
import { useSession } from '../session.js';
import '../i18n/nl/meeting.js';

/** Plans a meeting: neighbourhood, time, chair, attendees from both teams, and invited guests. */
export function NewMeetingForm({ onPlanned }: { onPlanned(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const picker = useApi<{ neighbourhoods: Neighbourhood[]; myNeighbourhoodId: string | null }>(
    '/api/meetings/neighbourhoods',
  ).data;
  const neighbourhoods = picker?.neighbourhoods ?? [];
  const professionals =
    useApi<{ professionals: ProfessionalSummary[] }>('/api/professionals').data?.professionals ?? [];
  const [chosenNeighbourhood, setNeighbourhoodId] = useState('');
  // The chair plans for their own team's neighbourhood most of the time.
  const neighbourhoodId = chosenNeighbourhood || picker?.myNeighbourhoodId || (neighbourhoods[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [chairId, setChairId] = useState(user?.professionalId ?? '');
  const [attendees, setAttendees] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [guests, setGuests] = useState<{ name: string; relation: GuestRelation }[]>([]);
  const [guestName, setGuestName] = useState('');
  const [guestRelation, setGuestRelation] = useState<GuestRelation>('client');
  const [error, setError] = useState<string | null>(null);

  const shown = professionals.filter((p) => foldName(`${p.name} ${p.roleTitle}`).includes(foldName(filter)));
  const neighbourhoodName = neighbourhoods.find((n) => n.id === neighbourhoodId)?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { id } = await postJson<{ id: string }>('/api/meetings', {
        neighbourhoodId,
        title: title.trim() || t('meetings.titleDefault', { neighbourhood: neighbourhoodName }),
        startsAt: startsAt ? new Date(startsAt).toISOString() : '',
        chairId: chairId || undefined,
        attendeeIds: [...attendees],
        guests,
      });
      onPlanned();
      void navigate(`/overleg/${id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setAttendees((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      className="panel new-meeting"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-meeting-heading"
    >
      <h2 id="new-meeting-heading">{t('meetings.newHeading')}</h2>
      <div className="form-row">
        <label htmlFor="meeting-neighbourhood">{t('meetings.neighbourhood')}</label>
        <select
          id="meeting-neighbourhood"
          value={neighbourhoodId}
          onChange={(e) => setNeighbourhoodId(e.target.value)}
        >
          {neighbourhoods.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="meeting-title">{t('meetings.title')}</label>
        <input
          id="meeting-title"
          value={title}
          maxLength={120}
          placeholder={t('meetings.titleDefault', { neighbourhood: neighbourhoodName })}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor="meeting-starts">{t('meetings.startsAt')}</label>
        <input
          id="meeting-starts"
          type="datetime-local"
          required
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor="meeting-chair">{t('meetings.chairLabel')}</label>
        <select id="meeting-chair" value={chairId} onChange={(e) => setChairId(e.target.value)}>
          {professionals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.roleTitle})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="attendee-picker">
        <legend>{t('meetings.attendees')}</legend>
        <p className="hint">{t('meetings.attendeesHint')}</p>
        <label htmlFor="attendee-filter">{t('meetings.filter')}</label>
        <input
          id="attendee-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul>
          {shown.map((p) => (
            <li key={p.id}>
              <label>
                <input
                  type="checkbox"
                  checked={attendees.has(p.id) || p.id === chairId}
                  disabled={p.id === chairId}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />{' '}
                {p.name} <span className="muted">({p.roleTitle})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('meetings.guests')}</legend>
        <ul>
          {guests.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              {g.name} ({t(`meetings.relation.${g.relation}`)}){' '}
              <button
                type="button"
                className="small"
                onClick={() => setGuests(guests.filter((_, j) => j !== i))}
              >
                {t('meetings.removeGuest', { name: g.name })}
              </button>
            </li>
          ))}
        </ul>
        <div className="guest-fields">
          <label htmlFor="guest-name">{t('meetings.guestName')}</label>
          <input
            id="guest-name"
            value={guestName}
            maxLength={80}
            onChange={(e) => setGuestName(e.target.value)}
          />
          <label htmlFor="guest-relation">{t('meetings.guestRelation')}</label>
          <select
            id="guest-relation"
            value={guestRelation}
            onChange={(e) => setGuestRelation(e.target.value as GuestRelation)}
          >
            {guestRelations.map((r) => (
              <option key={r} value={r}>
                {t(`meetings.relation.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={!guestName.trim()}
            onClick={() => {
              setGuests([...guests, { name: guestName.trim(), relation: guestRelation }]);
              setGuestName('');
            }}
          >
            {t('meetings.addGuest')}
          </button>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit">{t('meetings.plan')}</button>
    </form>
  );
}
