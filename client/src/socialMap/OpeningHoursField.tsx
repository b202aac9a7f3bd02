import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../../shared/socialMapApi.js';
import { weekdays } from '../../../shared/socialMapApi.js';
import type { FieldError } from '../admin/fieldError.js';

/** A service's opening hours: the periods so far, each removable, and a day with from–until to add. */
export function OpeningHoursField({
  id,
  value,
  onChange,
  onProblem,
}: {
  id: string;
  value: OpeningHours[];
  onChange(hours: OpeningHours[]): void;
  /** A period that closes before it opens is said, naming the field; null clears it. */
  onProblem(problem: FieldError | null): void;
}) {
  const { t } = useTranslation('socialMap');
  const [hours, setHours] = useState<OpeningHours>({ day: 'MO', opens: '09:00', closes: '12:00' });
  return (
    <fieldset className="hours">
      <legend>{t('form.openingHours')}</legend>
      <ul>
        {value.map((h, i) => (
          <li key={`${h.day}-${h.opens}-${i}`}>
            {t(`dayNames.${h.day}`)} {h.opens}–{h.closes}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              {t('form.removeHours', { day: t(`days.${h.day}`), opens: h.opens, closes: h.closes })}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-field">
        <label htmlFor={`${id}-day`}>{t('form.day')}</label>
        <select
          id={`${id}-day`}
          value={hours.day}
          onChange={(e) => setHours({ ...hours, day: e.target.value as OpeningHours['day'] })}
        >
          {weekdays.map((d) => (
            <option key={d} value={d}>
              {t(`dayNames.${d}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-opens`}>{t('form.opens')}</label>
        <input
          id={`${id}-opens`}
          type="time"
          value={hours.opens}
          onChange={(e) => setHours({ ...hours, opens: e.target.value })}
        />
        <label htmlFor={`${id}-closes`}>{t('form.closes')}</label>
        <input
          id={`${id}-closes`}
          type="time"
          value={hours.closes}
          onChange={(e) => setHours({ ...hours, closes: e.target.value })}
        />
        <button
          type="button"
          onClick={() => {
            if (hours.opens >= hours.closes)
              return onProblem({
                field: 'openingHours',
                text: t('form.badHours', { field: t('form.openingHours') }),
              });
            onProblem(null);
            onChange([...value, hours]);
          }}
        >
          {t('form.addHours')}
        </button>
      </div>
    </fieldset>
  );
}
