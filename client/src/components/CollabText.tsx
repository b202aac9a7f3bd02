import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeEvent, FocusEvent } from 'react';
import type * as Y from 'yjs';

interface Props {
  text: Y.Text;
  id: string;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  className?: string;
  placeholder?: string;
  onFocus?: (event: FocusEvent) => void;
  onBlur?: (event: FocusEvent) => void;
  'aria-describedby'?: string;
}

/** Maps a cursor position through a remote text change, so the cursor stays where it was. */
function transformPosition(position: number, delta: Y.YTextEvent['delta']): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index <= position) result += op.insert.length;
      index += op.insert.length;
    } else if (op.delete !== undefined) {
      if (index < position) result -= Math.min(op.delete, position - index);
    }
  }
  return Math.max(0, result);
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
    const next = event.target.value;
    const previous = text.toString();
    let start = 0;
    while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
    let end = 0;
    while (
      end < previous.length - start &&
      end < next.length - start &&
      previous[previous.length - 1 - end] === next[next.length - 1 - end]
    ) {
      end++;
    }
    text.doc?.transact(() => {
      const removed = previous.length - start - end;
      if (removed > 0) text.delete(start, removed);
      const inserted = next.slice(start, next.length - end);
      if (inserted) text.insert(start, inserted);
    });
    setValue(next);
  };

  const common = { ref, value, onChange, onFocus, onBlur, maxLength, ...rest };
  return multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />;
}
