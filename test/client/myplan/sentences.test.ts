import { describe, expect, it } from 'vitest';
import { sentenceLines, splitSentences } from '../../../client/src/myplan/sentences.js';

describe('reading aloud goes sentence by sentence', () => {
  it.each([
    { what: 'nothing', text: '', sentences: [] },
    { what: 'one sentence without a full stop', text: 'Sevda Kaya', sentences: ['Sevda Kaya'] },
    {
      what: 'three short sentences',
      text: 'Het gaat goed. Blijf doen wat je helpt! Lukt dat?',
      sentences: ['Het gaat goed.', 'Blijf doen wat je helpt!', 'Lukt dat?'],
    },
    {
      what: 'abbreviations do not end a sentence',
      text: 'Bel bijv. dr. Jansen of dhr. De Vries. Dat helpt.',
      sentences: ['Bel bijv. dr. Jansen of dhr. De Vries.', 'Dat helpt.'],
    },
    {
      what: '"bijvoorbeeld" is a word, so it can end a sentence',
      text: 'Dat helpt bijvoorbeeld. Bel dan je zus.',
      sentences: ['Dat helpt bijvoorbeeld.', 'Bel dan je zus.'],
    },
    {
      what: 'initials before a name do not end a sentence',
      text: 'Je praat met A. Bakker. Zij helpt je.',
      sentences: ['Je praat met A. Bakker.', 'Zij helpt je.'],
    },
    {
      what: 'numbers, dates and phone numbers stay whole',
      text: 'Klaar rond 1.6.2026. Bel 06-4455 6677.',
      sentences: ['Klaar rond 1.6.2026.', 'Bel 06-4455 6677.'],
    },
    {
      what: 'a quote or bracket after the mark',
      text: 'Hij zei: "Ik wil naar huis." Dat is zijn doel.',
      sentences: ['Hij zei: "Ik wil naar huis."', 'Dat is zijn doel.'],
    },
    {
      what: 'an ellipsis ends a sentence',
      text: 'Soms gaat het minder… Dan bel je.',
      sentences: ['Soms gaat het minder…', 'Dan bel je.'],
    },
    {
      what: 'extra spaces are tidied',
      text: '  Call   your contact person.   e.g. Sevda.  ',
      sentences: ['Call your contact person.', 'e.g. Sevda.'],
    },
  ])('$what', ({ text, sentences }) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('text on screen keeps its line breaks', () => {
  it('a line break ends a sentence and starts a new line', () => {
    expect(sentenceLines('Slecht slapen\nNiet meer naar buiten gaan')).toEqual([
      ['Slecht slapen'],
      ['Niet meer naar buiten gaan'],
    ]);
  });

  it('an empty line stays an empty line, and Windows line ends count too', () => {
    expect(sentenceLines('Bel Sevda. Of je zus.\r\n\r\nDirect gevaar? Bel 112.')).toEqual([
      ['Bel Sevda.', 'Of je zus.'],
      [],
      ['Direct gevaar?', 'Bel 112.'],
    ]);
  });
});
