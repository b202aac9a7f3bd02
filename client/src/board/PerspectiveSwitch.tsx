import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerspectiveState } from '../../../shared/doc/board.js';
import {
  goalsWithPerspective,
  isDefaultPerspective,
  perspectiveLabelMaxLength,
  perspectiveLabelProblem,
  removePerspective,
  renamePerspective,
  setPerspectiveActive,
} from '../../../shared/doc/perspectives.js';
import { useBoardContext } from './context.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import { perspectiveLabelError } from './perspectiveLabelError.js';
import './perspectives.css';
import '../i18n/nl/board.js';

/** A new name for a custom perspective, by the same rules as adding one. */
function RenameForm({ perspective, onDone }: { perspective: PerspectiveState; onDone(): void }) {
  const { t } = useTranslation();
  const { doc, perspectives } = useBoardContext();
  const name = perspectiveLabel(t, perspective);
  const [label, setLabel] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const field = `rename-${perspective.id}`;
  return (
    <form
      className="perspective-rename"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = perspectiveLabelProblem(doc, label, perspective.id);
        if (problem) {
          setError(perspectiveLabelError(t, problem, perspectives));
          return;
        }
        renamePerspective(doc, perspective.id, label);
        onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <label htmlFor={field} className="visually-hidden">
        {t('perspectives.newName', { perspective: name })}
      </label>
      <input
        id={field}
        ref={input}
        value={label}
        maxLength={perspectiveLabelMaxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${field}-error`}
        onChange={(e) => {
          setLabel(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="small primary">
        {t('perspectives.saveName')}
      </button>
      <button type="button" className="small" onClick={onDone}>
        {t('perspectives.cancel')}
      </button>
      <p id={`${field}-error`} role="alert" className="form-error perspective-name-error">
        {error}
      </p>
    </form>
  );
}

/** Asks before a custom perspective goes, saying how many goals it will be taken off. */
function RemoveConfirm({ perspective, onCancel }: { perspective: PerspectiveState; onCancel(): void }) {
  const { t } = useTranslation();
  const { doc, highlighted, setHighlighted } = useBoardContext();
  const name = perspectiveLabel(t, perspective);
  const count = goalsWithPerspective(doc, perspective.id).length;
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  const question = `remove-${perspective.id}-question`;
  return (
    <div className="perspective-remove" role="group" aria-labelledby={question}>
      <p id={question}>
        {count === 0
          ? t('perspectives.removeConfirmNone', { perspective: name })
          : t('perspectives.removeConfirm', { perspective: name, count })}{' '}
        <span className="muted">{t('perspectives.removeKeepsHistory')}</span>
      </p>
      <button
        ref={yes}
        type="button"
        className="small danger"
        onClick={() => {
          if (highlighted === perspective.id) setHighlighted(null);
          removePerspective(doc, perspective.id);
          document.getElementById('new-perspective')?.focus();
        }}
      >
        {t('perspectives.removeYes')}
      </button>
      <button type="button" className="small" onClick={onCancel}>
        {t('perspectives.cancel')}
      </button>
    </div>
  );
}

/**
 * Switches a perspective on or off; a custom one can also be renamed or removed (a default one is
 * only ever switched off, and keeps its translated name).
 */
export function PerspectiveSwitch({ perspective }: { perspective: PerspectiveState }) {
  const { t } = useTranslation();
  const { doc, readOnly } = useBoardContext();
  const [mode, setMode] = useState<'idle' | 'rename' | 'remove'>('idle');
  const label = perspectiveLabel(t, perspective);
  const custom = !readOnly && !isDefaultPerspective(perspective.id);
  const switchId = `switch-${perspective.id}`;
  const back = () => {
    setMode('idle');
    // Back on the switch the person came from, not lost at the top of the page.
    requestAnimationFrame(() => document.getElementById(switchId)?.focus());
  };
  return (
    <>
      <span className={`switch${custom ? ' is-custom' : ''}`}>
        <input
          id={switchId}
          type="checkbox"
          checked={perspective.active}
          aria-label={mode === 'rename' ? label : undefined}
          onChange={(e) => setPerspectiveActive(doc, perspective.id, e.target.checked)}
        />
        {mode === 'rename' ? (
          <RenameForm perspective={perspective} onDone={back} />
        ) : (
          <label htmlFor={switchId}>{label}</label>
        )}
        {custom && mode !== 'rename' && (
          <>
            <button
              type="button"
              className="link-button switch-action"
              aria-label={t('perspectives.renameNamed', { perspective: label })}
              onClick={() => setMode('rename')}
            >
              {t('perspectives.rename')}
            </button>
            <button
              type="button"
              className="link-button switch-action"
              aria-label={t('perspectives.removeNamed', { perspective: label })}
              aria-expanded={mode === 'remove'}
              onClick={() => setMode(mode === 'remove' ? 'idle' : 'remove')}
            >
              {t('perspectives.remove')}
            </button>
          </>
        )}
      </span>
      {mode === 'remove' && <RemoveConfirm perspective={perspective} onCancel={back} />}
    </>
  );
}
