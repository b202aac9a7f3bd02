import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { locale } from '../i18n/index.js';
import { shownSentences, SpeakerIcon } from './ReadAloud.js';
import { canReadAloud, readSentences } from './speech.js';
import { setWholePlanSentence } from './wholePlanReading.js';
import './readWholePlan.css';
import '../i18n/nl/myPlan.js';

/**
 * "Lees mijn plan voor": for a client who reads with difficulty, reading aloud comes first. One
 * big button at the top reads every section of the plan in page order, highlighting each
 * sentence; the buttons of the sections still read one section.
 */
export function ReadWholePlan({ plan }: { plan: ClientPlan }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const [reading, setReading] = useState(false);
  useEffect(() => () => stopRef.current?.(), []);
  if (plan.readingLevel !== 'low' || !canReadAloud()) return null;

  const start = () => {
    const page = ref.current?.closest('.my-plan') ?? document.body;
    const spans = shownSentences(page);
    setReading(true);
    stopRef.current = readSentences(
      spans.map((span) => span.textContent?.trim() ?? ''),
      locale(i18n.language),
      {
        onSentence: (index) => {
          const span = spans[index];
          setWholePlanSentence(span?.dataset.sentence ?? null);
          span?.scrollIntoView?.({ block: 'center' });
        },
        onDone: () => {
          setWholePlanSentence(null);
          setReading(false);
          stopRef.current = null;
        },
      },
    );
  };

  return (
    <div ref={ref} className="read-whole-plan">
      <p>{t('readPlan.intro')}</p>
      {reading ? (
        <button type="button" className="read-aloud is-reading" onClick={() => stopRef.current?.()}>
          <SpeakerIcon /> {t('readPlan.stop')}
        </button>
      ) : (
        <button type="button" className="read-aloud" onClick={start}>
          <SpeakerIcon /> {t('readPlan.start')}
        </button>
      )}
    </div>
  );
}
