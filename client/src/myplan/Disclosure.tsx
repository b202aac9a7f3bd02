import { useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A button that shows or hides what belongs to it, so a long plan reads as a short list on a
 * phone. What is hidden stays in the page (hidden), so printing the plan shows it all.
 */
export function Disclosure({
  id,
  summary,
  initiallyOpen = false,
  heading = false,
  children,
}: {
  id: string;
  summary: ReactNode;
  initiallyOpen?: boolean;
  /** The button is the heading of what it opens (a level-3 heading). */
  heading?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const button = (
    <button
      type="button"
      className="disclosure-button"
      aria-expanded={open}
      aria-controls={id}
      onClick={() => setOpen(!open)}
    >
      <DisclosureArrow />
      <span>{summary}</span>
    </button>
  );
  return (
    <>
      {heading ? <h3 className="disclosure-heading">{button}</h3> : button}
      <div id={id} className="disclosure-body" hidden={!open}>
        {children}
      </div>
    </>
  );
}

/** The arrow of a button that folds open: it points right, and down once open (CSS). */
export function DisclosureArrow() {
  return (
    <svg className="disclosure-arrow" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 2.5 12 8l-7 5.5z" fill="currentColor" />
    </svg>
  );
}
