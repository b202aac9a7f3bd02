import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi.js';
import type { ChoicesAnswer } from '../../../shared/accessLogChoices.js';
import './logPicker.css';
import '../i18n/nl/access.js';

/** What a picker holds: the text in the field and, once a suggestion was picked, its id. */
export interface Picked {
  text: string;
  id: string | null;
}
export const nothingPicked: Picked = { text: '', id: null };

/** The id to search for: the picked one, or what was typed (a pasted id). */
export const pickedId = (picked: Picked): string => picked.id ?? picked.text.trim();

interface Props<T extends { id: string }> {
  id: string;
  label: string;
  hint: string;
  /** The suggestions' name for screen readers ("Gevonden cliënten"). */
  listLabel: string;
  /** Answers `?q=` with `ChoicesAnswer<T>`. */
  endpoint: string;
  value: Picked;
  onChange(value: Picked): void;
  /** The text put in the field once picked. */
  nameOf(choice: T): string;
  /** What else tells two choices of the same name apart (birth year, role, username). */
  detailOf(choice: T): string;
}

/** Waits this long after the last key before asking for suggestions. */
const typingPauseMs = 200;

/**
 * A combobox (WAI-ARIA 1.2, list autocomplete): type part of a name, get suggestions from the
 * server, pick one by mouse or with the arrow keys and Enter; Escape closes the list. Text that was
 * not picked is searched as an id, so a pasted id keeps working.
 */
export function LogPicker<T extends { id: string }>(props: Props<T>) {
  const { id, value, onChange, endpoint } = props;
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // What was typed, once the typing paused, read through the shared cache (a text typed again is
  // answered at once); the last answer stays until the next one comes.
  const typed = value.id === null ? value.text.trim() : '';
  const [q, setQ] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), typingPauseMs);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data: answer, error: failed } = useApi<ChoicesAnswer<T>>(
    q ? `${endpoint}?${new URLSearchParams({ q })}` : null,
    { keepPrevious: true },
  );
  useEffect(() => setActive(-1), [answer]);

  const choices = typed ? (answer?.choices ?? []) : [];
  const expanded = open && choices.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const pick = (choice: T) => {
    onChange({ text: props.nameOf(choice), id: choice.id });
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (choices.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + choices.length + (i < 0 && step < 0 ? 1 : 0)) % choices.length);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault(); // Picks; the next Enter searches.
      pick(choices[active]!);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const status = (() => {
    if (failed) return t('admin.log.choicesFailed', { message: failed });
    if (value.id !== null) return t('admin.log.picked', { id: value.id });
    if (!typed || !answer) return '';
    if (choices.length === 0) return t('admin.log.noChoices');
    if (answer.more) return t('admin.log.moreChoices', { count: choices.length });
    return t('admin.log.choices', { count: choices.length });
  })();

  return (
    <div className="log-picker">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        value={value.text}
        onChange={(e) => {
          onChange({ text: e.target.value, id: null });
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} hidden={!expanded}>
        {choices.map((choice, index) => (
          <li
            key={choice.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Keeps the focus in the field, so the list does not close before the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(choice)}
          >
            {props.nameOf(choice)} <span className="muted">{props.detailOf(choice)}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
      <p id={`${id}-status`} className="hint" role="status">
        {status}
      </p>
    </div>
  );
}
