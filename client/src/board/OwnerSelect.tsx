import { useTranslation } from 'react-i18next';
import { useBoardContext } from './context.js';
import '../i18n/nl/board.js';

/** Picks one person of the case as owner: goals, steps and perspectives belong to a person. */
export function OwnerSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | null;
  onChange(id: string | null): void;
}) {
  const { t } = useTranslation();
  const { members } = useBoardContext();
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t('goal.noOwner')}</option>
      {[...members.values()].map((m) => (
        <option key={m.id} value={m.id}>
          {m.name} ({m.roleTitle})
        </option>
      ))}
    </select>
  );
}
