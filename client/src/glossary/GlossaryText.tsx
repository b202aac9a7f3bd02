import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { splitByTerms } from '../../../shared/glossary.js';
import type { GlossaryTerm } from '../../../shared/glossary.js';
import { glossaryTexts } from './texts.js';
import { useGlossary, useTermMatches } from './useGlossary.js';
import './glossary.css';

// Dutch at once wherever a term shows (a meeting's texts too); pages that await them get English.
void glossaryTexts();

/** How long the meaning stays while the pointer crosses from the word to it (WCAG 1.4.13: hoverable). */
const leaveDelayMs = 150;

/**
 * One recognised word: underlined, focusable, its agreed meaning as its description and in a
 * popover that opens on hover, focus and tap and closes on Escape (SPEC GL5). The word stays
 * plain text (a `dfn`, not a button), so it can be selected and copied as it was written.
 */
export function GlossaryTerm({ term, children }: { term: GlossaryTerm; children: string }) {
  const { t } = useTranslation('glossary');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({});
  const word = useRef<HTMLElement>(null);
  const pop = useRef<HTMLSpanElement>(null);
  const leaving = useRef<number | undefined>(undefined);
  const show = () => {
    window.clearTimeout(leaving.current);
    setOpen(true);
  };
  const hide = () => {
    window.clearTimeout(leaving.current);
    setOpen(false);
  };
  const hideSoon = () => {
    window.clearTimeout(leaving.current);
    leaving.current = window.setTimeout(() => setOpen(false), leaveDelayMs);
  };
  useEffect(() => () => window.clearTimeout(leaving.current), []);
  // The body, or the open dialog the word is in (outside a modal dialog everything is inert).
  const [host, setHost] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setHost(word.current?.closest('dialog') ?? document.body), []);

  // In the top layer (popover="manual") where the browser has it, so no card or field clips it.
  useLayoutEffect(() => {
    const el = pop.current;
    if (!el || !word.current) return;
    const canPop = typeof el.showPopover === 'function';
    if (!open) {
      if (canPop && el.matches(':popover-open')) el.hidePopover();
      return;
    }
    const r = word.current.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    setPlace({
      top: r.bottom + 2,
      left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)),
      width,
    });
    if (canPop && !el.matches(':popover-open')) el.showPopover();
  }, [open]);

  // Escape closes it wherever the focus is, also when only the pointer opened it (WCAG 1.4.13).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <span className="glossary-wrap" onMouseEnter={show} onMouseLeave={hideSoon}>
      <dfn
        ref={word}
        className="glossary-term"
        tabIndex={0}
        aria-describedby={id}
        data-term-id={term.id}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => {
          // Escape closes an open meaning (and only that); other keys stay with the word, so a
          // card's drag keys or a form's Enter do not act on it.
          if (e.key === 'Escape' && !open) return;
          if (e.key === 'Escape') hide();
          e.stopPropagation();
        }}
        onClick={(e) => {
          // A tap: opens (or closes) the meaning, and does not open the card it is on.
          e.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        {children}
      </dfn>
      {/* Outside the text, so the text reads, selects and copies as it was written. */}
      {host &&
        createPortal(
          <span
            ref={pop}
            id={id}
            role="tooltip"
            popover="manual"
            className={`glossary-pop${open ? ' is-open' : ''}`}
            style={place}
            onMouseEnter={show}
            onMouseLeave={hideSoon}
          >
            <strong>{term.term}</strong> <span className="glossary-pop-label">{t('term.shared')}:</span>{' '}
            {term.sharedMeaning}
          </span>,
          host,
        )}
    </span>
  );
}

/**
 * A board text as written, with the district's terms in it underlined (SPEC GL5). Matched once
 * per change of the text or of the terms, not on every render.
 */
export function GlossaryText({ text }: { text: string }) {
  const glossary = useGlossary();
  const matches = useTermMatches(text, glossary);
  if (matches.length === 0) return <>{text}</>;
  return (
    <>
      {splitByTerms(text, matches).map((piece, i) => {
        const term = piece.termId ? glossary.byId.get(piece.termId) : undefined;
        return term ? (
          <GlossaryTerm key={i} term={term}>
            {piece.text}
          </GlossaryTerm>
        ) : (
          piece.text
        );
      })}
    </>
  );
}
