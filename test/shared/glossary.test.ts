import { describe, expect, it } from 'vitest';
import { dutchPlurals, findTerms, splitByTerms, termKey } from '../../shared/glossary.js';

const term = (id: string, text: string, variants: string[] = []) => ({ id, term: text, variants });
const terms = [
  term('dementie', 'dementie'),
  term('zorgmijder', 'zorgmijder'),
  term('wijkteam', 'wijkteam'),
  term('sociaal-wijkteam', 'sociaal wijkteam', ['sociale wijkteams']),
  term('client', 'cliënt'),
  term('terugval', 'terugval'),
  term('poh', 'POH-GGZ'),
  term('wmo', 'Wmo-indicatie'),
  term('ervaringsdeskundige', 'ervaringsdeskundige'),
  term('mantelzorger', 'mantelzorger', ['mantelzorg']),
  term('schuld', 'schuldhulpverlening', ['schuldhulp']),
  term('kwetsbaarheid', 'kwetsbaarheid'),
];

/** The words of a text that were recognised, as the text has them, with their term. */
const found = (text: string) => findTerms(text, terms).map((m) => [text.slice(m.start, m.end), m.termId]);

describe('[GL6] glossary matching: Dutch words, accents and plurals', () => {
  // prettier-ignore
  const cases: [text: string, expected: [string, string][]][] = [
    ['Mevrouw heeft dementie.',                           [['dementie', 'dementie']]],
    ['DEMENTIE en Dementie',                              [['DEMENTIE', 'dementie'], ['Dementie', 'dementie']]],
    ['Twee zorgmijders in de straat',                     [['zorgmijders', 'zorgmijder']]],
    ['Verschillende dementies',                           [['dementies', 'dementie']]],
    ['De wijkteams overleggen',                           [['wijkteams', 'wijkteam']]],
    ['Alle cliënten en één cliënt',                       [['cliënten', 'client'], ['cliënt', 'client']]],
    ['Without accent: clienten',                          [['clienten', 'client']]],
    ['Decomposed accent: clie\u0308nt belt',              [['clie\u0308nt', 'client']]],
    ['Kans op terugvallen',                               [['terugvallen', 'terugval']]],
    ['Twee ervaringsdeskundigen',                         [['ervaringsdeskundigen', 'ervaringsdeskundige']]],
    ['De POH-GGZ’s van de praktijk',                      [['POH-GGZ’s', 'poh']]],
    ["De zorgmijder's buurvrouw",                         [["zorgmijder's", 'zorgmijder']]],
    ['Wmo-indicaties aangevraagd',                        [['Wmo-indicaties', 'wmo']]],
    ['Minder kwetsbaarheden',                             [['kwetsbaarheden', 'kwetsbaarheid']]],
  ];
  for (const [text, expected] of cases)
    it(`finds ${JSON.stringify(expected.map(([w]) => w))} in "${text}"`, () => {
      expect(found(text)).toEqual(expected);
    });
});

describe('[GL6] glossary matching: whole words only', () => {
  // prettier-ignore
  const cases: [text: string, expected: [string, string][]][] = [
    ['dementiezorg is een compound',                     []],
    ['Zij zorgt voor haar man: mantelzorg',              [['mantelzorg', 'mantelzorger']]],
    ['voordementie',                                      []],
    ['zorgmijder-achtig gedrag',                          [['zorgmijder', 'zorgmijder']]],
    ['(dementie)',                                        [['dementie', 'dementie']]],
    ['"zorgmijder", zei ze.',                             [['zorgmijder', 'zorgmijder']]],
    ['dementie2 is geen woord',                           []],
    ['schuldhulp en schuldhulpverlening',                 [['schuldhulp', 'schuld'], ['schuldhulpverlening', 'schuld']]],
  ];
  for (const [text, expected] of cases)
    it(`"${text}" → ${JSON.stringify(expected)}`, () => {
      expect(found(text)).toEqual(expected);
    });
});

describe('[GL7] glossary matching: longest first, no overlaps, several words', () => {
  it('a term of several words wins over the one word it contains', () => {
    expect(found('Het sociaal wijkteam belt')).toEqual([['sociaal wijkteam', 'sociaal-wijkteam']]);
  });

  it('a term of several words matches across any whitespace, a line break included', () => {
    expect(found('het Sociaal\n  wijkteam')).toEqual([['Sociaal\n  wijkteam', 'sociaal-wijkteam']]);
    expect(found('sociaal\u00a0wijkteams')).toEqual([['sociaal\u00a0wijkteams', 'sociaal-wijkteam']]);
  });

  it('a variant the administrator listed matches as itself (an inflected adjective)', () => {
    expect(found('De sociale wijkteams')).toEqual([['sociale wijkteams', 'sociaal-wijkteam']]);
  });

  it('matches never overlap and come in the order of the text', () => {
    const matches = findTerms('wijkteam sociaal wijkteam dementie wijkteams', terms);
    for (let i = 1; i < matches.length; i++)
      expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
    expect(matches.map((m) => m.termId)).toEqual(['wijkteam', 'sociaal-wijkteam', 'dementie', 'wijkteam']);
  });

  it("a form the administrator wrote for one term is not taken by another term's plural", () => {
    const clash = [term('a', 'team'), term('b', 'teams')];
    expect(findTerms('teams', clash).map((m) => m.termId)).toEqual(['b']);
  });
});

describe('[GL5] the text itself is never changed', () => {
  it('offsets point into the original text, also after letters that fold to fewer or more units', () => {
    const text = 'ﬁ ﬁ Ĳ e\u0301 — Cliënten, ZORGMIJDERS én 😀 dementie';
    const matches = findTerms(text, terms);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Cliënten', 'ZORGMIJDERS', 'dementie']);
  });

  it('the pieces put together are the text, character for character', () => {
    const text = 'De cliënt (zorgmijder) en het sociaal wijkteam.';
    const pieces = splitByTerms(text, findTerms(text, terms));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.termId).map((p) => p.text)).toEqual([
      'cliënt',
      'zorgmijder',
      'sociaal wijkteam',
    ]);
  });

  it('no terms, or an empty text, finds nothing', () => {
    expect(findTerms('dementie', [])).toEqual([]);
    expect(findTerms('', terms)).toEqual([]);
  });
});

describe('[GL6] Dutch plural forms', () => {
  // prettier-ignore
  const cases: [word: string, includes: string[]][] = [
    ['zorgmijder', ['zorgmijders', "zorgmijder's"]],
    ['dementie',   ['dementies']],
    ['wijkteam',   ['wijkteams', 'wijkteamen']],
    ['client',     ['clienten', 'clients']],
    ['terugval',   ['terugvallen']],
    ['maan',       ['manen']],
    ['brief',      ['brieven']],
    ['huis',       ['huizen']],
    ['knie',       ['knieen']],
    ['eenheid',    ['eenheden']],
    ['deskundige', ['deskundigen']],
    ['euro',       ['euro’s', "euro's", 'euros']],
  ];
  for (const [word, includes] of cases)
    it(`${word} → ${includes.join(', ')}`, () => {
      expect(dutchPlurals(word)).toEqual(expect.arrayContaining(includes));
    });

  it('no doubling after an unstressed ending', () => {
    expect(dutchPlurals('zorgmijder')).not.toContain('zorgmijderren');
  });

  it('[GL2] the key a district keeps unique ignores case, accents and spacing', () => {
    expect(termKey('  Sociaal   Wijkteam ')).toBe('sociaal wijkteam');
    expect(termKey('Cliënt')).toBe(termKey('client'));
  });
});
