import { datesInWords } from './dates.js';

/** What the reader needs of the browser's speech synthesis (so tests can pass a stand-in). */
export interface SpeechEngine {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

/** Whether this browser can read aloud at all (no button is shown otherwise). */
export const canReadAloud = () =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;

interface Reading {
  stop(): void;
}
/** Only one section reads at a time: starting another stops this one. */
let active: Reading | null = null;

/**
 * Reads sentences aloud one after another, each its own utterance, so `onSentence` can highlight
 * the one being read even where the browser sends no word boundary events. Dates are spoken in
 * full words. Returns a stop function.
 */
export function readSentences(
  sentences: readonly string[],
  lang: string,
  events: { onSentence(index: number): void; onDone(): void },
  engine: SpeechEngine = window.speechSynthesis,
  Utterance: typeof SpeechSynthesisUtterance = window.SpeechSynthesisUtterance,
): () => void {
  active?.stop();
  const voices = engine.getVoices();
  const voice =
    voices.find((v) => v.lang.replace('_', '-') === lang) ??
    voices.find((v) => v.lang.slice(0, 2) === lang.slice(0, 2));
  let stopped = false;
  let index = 0;

  const finish = () => {
    if (stopped) return;
    stopped = true;
    if (active === reading) active = null;
    events.onDone();
  };
  const next = () => {
    if (stopped) return;
    if (index >= sentences.length) return finish();
    const current = index++;
    // The voice says a date in words ("20 januari 2027"), also where the team typed it in numbers.
    const utterance = new Utterance(datesInWords(sentences[current] ?? '', lang));
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    utterance.onend = next;
    utterance.onerror = next;
    events.onSentence(current);
    engine.speak(utterance);
  };
  const reading: Reading = {
    stop() {
      if (stopped) return;
      finish();
      engine.cancel();
    },
  };
  active = reading;
  engine.cancel();
  next();
  return reading.stop;
}
