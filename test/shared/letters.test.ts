import { describe, expect, it } from 'vitest';
import { mergeFields, mergeLetter, unknownFields } from '../../shared/letters.js';
import { shippedTemplates } from '../../server/demo/dataset/letters.js';

describe('[LT2] filling in a standard letter', () => {
  it('fills every merge field it has a value for, with or without spaces inside the braces', () => {
    expect(
      mergeLetter('Beste {{ontvanger.naam}}, over {{ cliënt.naam }}: {{vraag}}', {
        'ontvanger.naam': 'Karin de Vries',
        'cliënt.naam': 'Ahmet Yılmaz',
        vraag: 'Kun je helpen?',
      }),
    ).toEqual({ text: 'Beste Karin de Vries, over Ahmet Yılmaz: Kun je helpen?', missing: [] });
  });

  it('leaves a field without a value visible as [veld] and lists it once, so the referrer fills it in by hand', () => {
    const { text, missing } = mergeLetter('{{toestemming.datum}} en {{toestemming.datum}}; {{reden}}', {
      reden: ' ',
    });
    expect(text).toBe('[toestemming.datum] en [toestemming.datum]; [reden]');
    expect(missing).toEqual(['toestemming.datum', 'reden']);
  });

  it('leaves braces that name no merge field as they are, and a template naming one is refused when saved', () => {
    expect(mergeLetter('{{onbekend}} {{vraag}}', { vraag: 'x' }).text).toBe('{{onbekend}} x');
    expect(unknownFields('{{onbekend}} {{vraag}} {{ook.niet}} {{onbekend}}')).toEqual([
      'onbekend',
      'ook.niet',
    ]);
  });

  it('the shipped Dutch letters use only known merge fields and follow the referral letter structure', () => {
    expect(shippedTemplates.length).toBeGreaterThanOrEqual(3);
    for (const t of shippedTemplates) expect(unknownFields(t.body), t.title).toEqual([]);
    const askGp = shippedTemplates.find((t) => t.fromSide === 'social' && t.toSide === 'medical')!;
    // Purpose-bound: which information, for which goal, the client's consent and its date.
    for (const part of ['{{doel}}', '{{toestemming}}', '{{toestemming.datum}}', 'Gevraagde informatie'])
      expect(askGp.body).toContain(part);
    const gpRefers = shippedTemplates.find((t) => t.fromSide === 'medical' && t.toSide === 'social')!;
    for (const part of [
      'Reden van verwijzing',
      'Vraagstelling',
      'Relevante voorgeschiedenis',
      'Huidige behandeling',
    ])
      expect(gpRefers.body).toContain(part);
    expect(Object.keys(mergeFields)).toContain('cliënt.geboortedatum');
  });
});
