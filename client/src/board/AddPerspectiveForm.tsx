import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addCustomPerspective,
  perspectiveLabelMaxLength,
  perspectiveLabelProblem,
} from '../../../shared/doc/perspectives.js';
import { useBoardContext } from './context.js';
import { perspectiveLabelError } from './perspectiveLabelError.js';
import './perspectives.css';
import '../i18n/nl/board.js';

/** Adds a custom perspective; a name that is empty or already taken is refused and said why. */
export function AddPerspectiveForm() {
  const { t } = useTranslation();
  const { doc, perspectives } = useBoardContext();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="add-perspective"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = perspectiveLabelProblem(doc, label);
        if (problem) {
          setError(perspectiveLabelError(t, problem, perspectives));
          return;
        }
        addCustomPerspective(doc, label);
        setLabel('');
        setError(null);
      }}
    >
      <label htmlFor="new-perspective">{t('perspectives.addLabel')}</label>
      <input
        id="new-perspective"
        value={label}
        maxLength={perspectiveLabelMaxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby="new-perspective-error"
        onChange={(e) => {
          setLabel(e.target.value);
          setError(null);
        }}
        placeholder={t('perspectives.addPlaceholder')}
      />
      <button type="submit">{t('perspectives.add')}</button>
      <p id="new-perspective-error" role="alert" className="form-error perspective-name-error">
        {error}
      </p>
    </form>
  );
}
