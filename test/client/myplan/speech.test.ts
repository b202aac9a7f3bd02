import { describe, expect, it } from 'vitest';
import { readSentences } from '../../../client/src/myplan/speech.js';
import type { SpeechEngine } from '../../../client/src/myplan/speech.js';

/** A stand-in for the browser's speech synthesis: keeps what it was asked to say. */
class FakeUtterance {
  lang = '';
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}
function fakeEngine(voices: { lang: string; name: string }[] = []) {
  const spoken: FakeUtterance[] = [];
  const engine = {
    speak: (u: FakeUtterance) => spoken.push(u),
    cancel: () => spoken.at(-1)?.onerror?.(),
    getVoices: () => voices,
  };
  return { engine: engine as unknown as SpeechEngine, spoken };
}
const Utterance = FakeUtterance as unknown as typeof SpeechSynthesisUtterance;

describe('reading a section aloud', () => {
  it('speaks one sentence at a time in the page language and reports which one', () => {
    const { engine, spoken } = fakeEngine([{ lang: 'nl-NL', name: 'Dutch' }]);
    const events: (number | 'done')[] = [];
    readSentences(
      ['Een.', 'Twee.'],
      'nl-NL',
      { onSentence: (i) => events.push(i), onDone: () => events.push('done') },
      engine,
      Utterance,
    );
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([['Een.', 'nl-NL']]);
    expect((spoken[0]!.voice as { name: string }).name).toBe('Dutch');
    spoken[0]!.onend!();
    expect(spoken.map((u) => u.text)).toEqual(['Een.', 'Twee.']);
    spoken[1]!.onend!();
    expect(events).toEqual([0, 1, 'done']);
  });

  it('stops at once, and starting another section stops the first', () => {
    const { engine, spoken } = fakeEngine();
    const first: (number | 'done')[] = [];
    const stop = readSentences(
      ['A.', 'B.'],
      'en-GB',
      { onSentence: (i) => first.push(i), onDone: () => first.push('done') },
      engine,
      Utterance,
    );
    const second: (number | 'done')[] = [];
    readSentences(
      ['C.'],
      'en-GB',
      { onSentence: (i) => second.push(i), onDone: () => second.push('done') },
      engine,
      Utterance,
    );
    expect(first).toEqual([0, 'done']);
    expect(spoken.map((u) => u.text)).toEqual(['A.', 'C.']);
    stop(); // stopping the first again changes nothing
    spoken[1]!.onend!();
    expect(second).toEqual([0, 'done']);
  });
});
