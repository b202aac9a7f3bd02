import { createContext, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../i18n/index.js';
import { DisclosureArrow } from './Disclosure.js';
import { useFolded } from './foldedSections.js';
import { sentenceLines } from './sentences.js';
import { canReadAloud, readSentences } from './speech.js';
import { useWholePlanSentence } from './wholePlanReading.js';
import '../i18n/nl/myPlan.js';

/** The key of the sentence being read aloud in this section, if any. */
const ReadingContext = createContext<string | null>(null);

/**
 * Text shown as sentences, each in a span the read-aloud button can find (in page order) and
 * highlight while it is read (by its section's button or by "Lees mijn plan voor"). Line breaks
 * in the text are kept.
 */
export function Sentences({ text }: { text: string }) {
  const base = useId();
  const inSection = useContext(ReadingContext);
  const inPlan = useWholePlanSentence(`${base}-`);
  const reading = inSection ?? inPlan;
  const lines = useMemo(() => sentenceLines(text), [text]);
  return (
    <>
      {lines.map((sentences, line) => (
        <span key={line}>
          {line > 0 && <br />}
          {sentences.map((sentence, i) => {
            const key = `${base}-${line}-${i}`;
            const current = reading === key;
            return (
              <span
                key={key}
                data-sentence={key}
                className={current ? 'reading' : undefined}
                aria-current={current ? 'true' : undefined}
              >
                {i > 0 && ' '}
                {sentence}
              </span>
            );
          })}
        </span>
      ))}
    </>
  );
}

/**
 * The sentences of a part of the page in page order, leaving out what is folded away (a closed
 * goal or state): the client hears what they see highlighted.
 */
export const shownSentences = (root: ParentNode | null | undefined): HTMLElement[] =>
  [...(root?.querySelectorAll<HTMLElement>('[data-sentence]') ?? [])].filter(
    (span) => !span.closest('[hidden]'),
  );

/**
 * A section of the client's plan with a heading and a read-aloud button: the browser's speech
 * synthesis reads the section's sentences in the page language and highlights each one in turn.
 */
export function PlanSection({
  id,
  heading,
  className = '',
  tools,
  children,
}: {
  id: string;
  heading: string;
  className?: string;
  /** Extra buttons beside the heading (e.g. print). */
  tools?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // Folded (the page says so: FoldedSections) shows the heading only, a button that opens it.
  const folded = useFolded(id);
  const [opened, setOpen] = useState<boolean | null>(null);
  const open = opened ?? !folded;
  const headingId = `${id}-heading`;

  useEffect(() => () => stopRef.current?.(), []);
  // A folded section opens when a link jumps to it (the menu, or "read your whole plan").
  useEffect(() => {
    if (!folded) return;
    const openIfTarget = () => {
      if (window.location.hash === `#${id}`) setOpen(true);
    };
    openIfTarget();
    window.addEventListener('hashchange', openIfTarget);
    return () => window.removeEventListener('hashchange', openIfTarget);
  }, [folded, id]);

  const start = () => {
    const spans = shownSentences(ref.current);
    const sentences = spans.map((span) => span.textContent?.trim() ?? '');
    setReading(true);
    stopRef.current = readSentences(sentences, locale(i18n.language), {
      onSentence: (index) => {
        const span = spans[index];
        setCurrent(span?.dataset.sentence ?? null);
        span?.scrollIntoView?.({ block: 'nearest' });
      },
      onDone: () => {
        setCurrent(null);
        setReading(false);
        stopRef.current = null;
      },
    });
  };

  return (
    <section ref={ref} id={id} className={`plan-section ${className}`} aria-labelledby={headingId}>
      <ReadingContext.Provider value={current}>
        <div className="plan-section-head">
          <h2 id={headingId}>
            {folded ? (
              <button
                type="button"
                className="disclosure-button section-fold"
                aria-expanded={open}
                aria-controls={`${id}-body`}
                onClick={() => setOpen(!open)}
              >
                <DisclosureArrow />
                <span>
                  <Sentences text={heading} />
                </span>
              </button>
            ) : (
              <Sentences text={heading} />
            )}
          </h2>
          <div className="plan-section-tools" hidden={!open}>
            {tools}
            {canReadAloud() &&
              (reading ? (
                <button type="button" className="read-aloud is-reading" onClick={() => stopRef.current?.()}>
                  <SpeakerIcon /> {t('myPlan.readAloud.stop')}
                </button>
              ) : (
                <button
                  type="button"
                  className="read-aloud"
                  aria-label={t('myPlan.readAloud.startLabel', { section: heading })}
                  onClick={start}
                >
                  <SpeakerIcon /> {t('myPlan.readAloud.start')}
                </button>
              ))}
          </div>
        </div>
        {folded ? (
          <div id={`${id}-body`} className="disclosure-body" hidden={!open}>
            {children}
          </div>
        ) : (
          children
        )}
      </ReadingContext.Provider>
    </section>
  );
}

/** The speaker of every read-aloud button. */
export function SpeakerIcon() {
  return (
    <svg className="read-aloud-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
