import { useTranslation } from 'react-i18next';
import { defaultPerspectives } from '../../../shared/domain.js';
import type { DefaultPerspective } from '../../../shared/domain.js';
import { readingLevels } from '../../../shared/intakeApi.js';
import type { IntakeRequest } from '../../../shared/intakeApi.js';
import '../i18n/nl/intake.js';

type ReadingLevel = IntakeRequest['readingLevel'];

/** How well the client reads, as radio buttons; reading with difficulty shows a hint. */
export function ReadingLevelChoice({
  value,
  onChange,
}: {
  value: ReadingLevel;
  onChange: (level: ReadingLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain" id="intake-readingLevel">
      <legend>{t('intake.readingLevel')}</legend>
      {readingLevels.map((level) => (
        <label key={level} className="choice">
          <input
            type="radio"
            name="readingLevel"
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
          />
          {t(`intake.readingLevels.${level}`)}
        </label>
      ))}
      {value === 'low' && (
        <p className="muted" role="status">
          {t('intake.lowLiteracyHint')}
        </p>
      )}
    </fieldset>
  );
}

/** The perspectives the board starts with, as checkboxes. */
export function PerspectiveChoice({
  value,
  onToggle,
}: {
  value: DefaultPerspective[];
  onToggle: (perspective: DefaultPerspective, on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain" id="intake-perspectives">
      <legend>{t('intake.perspectives')}</legend>
      {defaultPerspectives.map((p) => (
        <label key={p} className="choice">
          <input
            type="checkbox"
            checked={value.includes(p)}
            onChange={(e) => onToggle(p, e.target.checked)}
          />
          {t(`perspective.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}
