import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeEvent, FocusEvent } from 'react';
import type * as Y from 'yjs';
import { textChange, transformPosition } from '../../../shared/textChange.js';

interface Props {
  text: Y.Text;
  id: string;
  multiline?: boolean;
  rows?: number;
  /** The text's limit in the document shape: nobody types or pastes past it (SPEC V3). */
  maxLength: number;
  className?: string;
  placeholder?: string;
  onFocus?: (event: FocusEvent) => void;
  onBlur?: (event: FocusEvent) => void;
  'aria-describedby'?: string;
}

/**
 * An input or textarea bound to a `Y.Text`: local typing becomes minimal inserts and deletes,
 * so two people typing in the same field at once keep all of both people's characters.
 */
export function CollabText({ text, multiline, rows = 3, maxLength, onFocus, onBlur, ...rest }: Props) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());
  const pendingSelection = useRef<[number, number] | null>(null);

  useEffect(() => {
    setValue(text.toString());
    const observer = (event: Y.YTextEvent) => {
      const next = text.toString();
      const el = ref.current;
      if (!event.transaction.local && el && document.activeElement === el) {
        pendingSelection.current = [
          transformPosition(el.selectionStart ?? 0, event.delta),
          transformPosition(el.selectionEnd ?? 0, event.delta),
        ];
      }
      setValue(next);
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  useLayoutEffect(() => {
    const el = ref.current;
    const selection = pendingSelection.current;
    if (el && selection) {
      el.setSelectionRange(selection[0], selection[1]);
      pendingSelection.current = null;
    }
  }, [value]);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const current = text.toString();
    const change = textChange(current, event.target.value);
    // The browser stops typing at maxLength; this also holds for input it lets through (IME,
    // drag and drop, a script), so one person's edit never takes a text past its limit.
    const room = Math.max(0, maxLength - (current.length - change.remove));
    if (change.insert.length > room) change.insert = change.insert.slice(0, room);
    const next = current.slice(0, change.index) + change.insert + current.slice(change.index + change.remove);
    text.doc?.transact(() => {
      if (change.remove > 0) text.delete(change.index, change.remove);
      if (change.insert) text.insert(change.index, change.insert);
    });
    setValue(next);
  };

  // data-collab: Ctrl+Z here undoes the person's change in the document, not the browser's field.
  const common = { ref, value, onChange, onFocus, onBlur, maxLength, 'data-collab': true, ...rest };
  return multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />;
}
