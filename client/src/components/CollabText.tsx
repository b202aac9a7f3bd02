import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeEvent, CSSProperties, FocusEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { splitByTerms } from '../../../shared/glossary.js';
import type { TermMatch } from '../../../shared/glossary.js';
import { textChange, transformPosition } from '../../../shared/textChange.js';
import { GlossaryTerm } from '../glossary/GlossaryText.js';
import { useGlossary, useTermMatches } from '../glossary/useGlossary.js';
import type { Glossary } from '../glossary/useGlossary.js';
import { shareCaret, useCollabPresence, useRemoteCarets } from './collabPresence.js';
import type { RemoteCaret } from './collabPresence.js';
import './collabText.css';

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

/** The field's text box, copied onto the layer that shows the others' carets, so both wrap alike. */
const copied = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'lineHeight',
  'letterSpacing',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'textAlign',
] as const;

type Field = HTMLInputElement | HTMLTextAreaElement | null;

/**
 * A layer over the field with the same text box and the same text, invisible, scrolled with the
 * field, so what it marks in the text (others' carets, recognised terms) sits where the text is.
 */
function MirrorLayer({
  field,
  value,
  multiline,
  className,
  children,
}: {
  field: Field;
  value: string;
  multiline: boolean;
  className: string;
  children: ReactNode;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!field) return;
    const computed = getComputedStyle(field);
    const next: Record<string, string> = {};
    for (const property of copied) next[property] = computed[property];
    setStyle({ ...next, width: field.offsetWidth, height: field.offsetHeight });
    const follow = () => {
      if (!layer.current) return;
      layer.current.scrollTop = field.scrollTop;
      layer.current.scrollLeft = field.scrollLeft;
    };
    follow();
    field.addEventListener('scroll', follow);
    return () => field.removeEventListener('scroll', follow);
  }, [field, value, children]);
  return (
    <div
      ref={layer}
      className={`collab-carets ${className}${multiline ? ' is-multiline' : ''}`}
      aria-hidden="true"
      style={style}
    >
      {children}
    </div>
  );
}

/** Where the others are typing: a coloured caret with the person's name at each of their positions. */
function CaretLayer({
  field,
  value,
  carets,
  multiline,
}: {
  field: Field;
  value: string;
  carets: RemoteCaret[];
  multiline: boolean;
}) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const caret of carets) {
    const at = Math.min(caret.index, value.length);
    parts.push(value.slice(from, at));
    parts.push(
      <span key={caret.clientId} className="remote-caret" style={{ borderColor: caret.color }}>
        <span className="remote-caret-name" style={{ background: caret.color }}>
          {caret.name}
        </span>
      </span>,
    );
    from = at;
  }
  parts.push(value.slice(from));
  return (
    <MirrorLayer field={field} value={value} multiline={multiline} className="">
      {parts}
    </MirrorLayer>
  );
}

/**
 * The district's terms in the text, underlined on a mirror of it (SPEC GL5): only a picture
 * (pointer-events none, hidden from assistive technology); the list under the field is what
 * the keyboard and a screen reader reach.
 */
function GlossaryLayer({
  field,
  value,
  matches,
  multiline,
}: {
  field: Field;
  value: string;
  matches: TermMatch[];
  multiline: boolean;
}) {
  return (
    <MirrorLayer field={field} value={value} multiline={multiline} className="glossary-underlines">
      {splitByTerms(value, matches).map((piece, i) =>
        piece.termId ? (
          <span key={i} className="glossary-mark">
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </MirrorLayer>
  );
}

/** "Terms:" and each term the text contains, once, its agreed meaning on hover, focus and tap. */
function TermsInField({ matches, glossary }: { matches: TermMatch[]; glossary: Glossary }) {
  const { t } = useTranslation('glossary');
  const terms = [...new Set(matches.map((m) => m.termId))].flatMap((id) => glossary.byId.get(id) ?? []);
  if (terms.length === 0) return null;
  return (
    <div className="glossary-in-field">
      <span aria-hidden="true">{t('term.inField')}</span>
      <ul aria-label={t('term.inFieldLabel')}>
        {terms.map((term) => (
          <li key={term.id}>
            <GlossaryTerm term={term}>{term.term}</GlossaryTerm>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * An input or textarea bound to a `Y.Text`: local typing becomes minimal inserts and deletes,
 * so two people typing in the same field at once keep all of both people's characters. Where
 * the document's presence is given (CollabPresence), each person's caret travels with it and the
 * others' carets show in the field with their names, and under it in words.
 */
export function CollabText({ text, multiline, rows = 3, maxLength, onFocus, onBlur, ...rest }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The field as state too: a layer shown on the first render (terms already known) measures it.
  const [field, setField] = useState<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const bind = useCallback((el: (HTMLInputElement & HTMLTextAreaElement) | null) => {
    ref.current = el;
    setField(el);
  }, []);
  const awareness = useCollabPresence();
  const carets = useRemoteCarets(awareness, text);
  const [value, setValue] = useState(() => text.toString());
  const glossary = useGlossary();
  const matches = useTermMatches(value, glossary);
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

  // Where this person's caret is, for the others (sent only when it moved); nowhere once they
  // leave the field. The caret moves by clicks and keys, and by this person's typing.
  const share = useCallback(() => {
    const el = ref.current;
    if (awareness && el && document.activeElement === el) shareCaret(awareness, text, el.selectionStart ?? 0);
  }, [awareness, text]);
  useEffect(() => {
    if (!awareness) return;
    document.addEventListener('selectionchange', share);
    return () => document.removeEventListener('selectionchange', share);
  }, [awareness, share]);
  useEffect(share, [share, value]);
  const focus = (event: FocusEvent) => {
    share();
    onFocus?.(event);
  };
  const blur = (event: FocusEvent) => {
    if (awareness) shareCaret(awareness, text, null);
    onBlur?.(event);
  };

  // data-collab: Ctrl+Z here undoes the person's change in the document, not the browser's field.
  const common = {
    ref: bind,
    value,
    onChange,
    onFocus: focus,
    onBlur: blur,
    maxLength,
    'data-collab': true,
    ...rest,
  };
  // Always the same wrapper (without a box of its own until someone else types here), so the
  // field is never mounted anew, and never loses its focus, when a caret comes or goes.
  return (
    <>
      <span className={`collab-field${carets.length > 0 || matches.length > 0 ? ' has-carets' : ''}`}>
        {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
        {matches.length > 0 && (
          <GlossaryLayer field={field} value={value} matches={matches} multiline={!!multiline} />
        )}
        {carets.length > 0 && (
          <CaretLayer field={field} value={value} carets={carets} multiline={!!multiline} />
        )}
      </span>
      <TermsInField matches={matches} glossary={glossary} />
      {carets.length > 0 && (
        <span className="collab-typing">
          {t('presence.typingHere', { names: [...new Set(carets.map((c) => c.name))].join(', ') })}
        </span>
      )}
    </>
  );
}
