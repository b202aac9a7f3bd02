import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal } from '../../../shared/doc/board.js';
import { addCustomPerspective, ensureDefaultPerspectives } from '../../../shared/doc/perspectives.js';
import { ensureSignalPlan } from '../../../shared/doc/signalPlan.js';
import { describeField, fieldLabel } from '../../../client/src/sync/fieldNames.js';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';

const i18n = i18next.createInstance();
const board = new Y.Doc();
ensureDefaultPerspectives(board);
ensureSignalPlan(board);
createGoal(board, {
  id: 'g1',
  title: 'Werk vinden bij de bakkerij om de hoek, vier dagen per week',
  domain: 'work',
  phase: 'rebuilding',
});
const carer = addCustomPerspective(board, 'Mantelzorger');

beforeAll(async () => {
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: 'nl',
    interpolation: { escapeValue: false },
  });
});

const cases: [string, string[], string, string][] = [
  [
    'case:c1:shared',
    ['goals', 'g1', 'title'],
    'Titel van doel ‘Werk vinden bij de bakkerij om de hoek,…’',
    'Title of goal ‘Werk vinden bij de bakkerij om de hoek,…’',
  ],
  [
    'case:c1:shared',
    ['goals', 'g1', 'clientWords'],
    'In de woorden van de cliënt, bij doel ‘Werk vinden bij de bakkerij om de hoek,…’',
    'In the client’s own words, for goal ‘Werk vinden bij de bakkerij om de hoek,…’',
  ],
  [
    'case:c1:shared',
    ['goals', 'g1', 'steps', 's1', 'text'],
    'Stap bij doel ‘Werk vinden bij de bakkerij om de hoek,…’',
    'Step of goal ‘Werk vinden bij de bakkerij om de hoek,…’',
  ],
  [
    'case:c1:shared',
    ['goals', 'gone', 'title'],
    'Titel van doel ‘(zonder titel)’',
    'Title of goal ‘(untitled)’',
  ],
  [
    'case:c1:shared',
    ['perspectives', 'refugee', 'situation'],
    'Situatie, perspectief Vluchteling',
    'Situation, Refugee perspective',
  ],
  [
    'case:c1:shared',
    ['perspectives', carer, 'concerns'],
    'Zorgen, perspectief Mantelzorger',
    'Concerns, Mantelzorger perspective',
  ],
  [
    'case:c1:shared',
    ['signalPlan', 'amber', 'signs'],
    'Signalen bij oranje in het signaleringsplan',
    'Signs at orange in the signal plan',
  ],
  [
    'case:c1:shared',
    ['signalPlan', 'protectiveFactors'],
    'Beschermende factoren in het signaleringsplan',
    'Protective factors in the signal plan',
  ],
  ['case:c1:medical', ['notes', 'n1', 'text'], 'Notitie (medisch)', 'Note (medical)'],
  ['meeting:m1:case:c1', ['notes', 'text'], 'Notities van het overleg', 'Meeting notes'],
  ['meeting:m1:case:c1', ['actions', 'a1', 'text'], 'Actie in het overleg', 'Action in the meeting'],
  ['case:c1:shared', ['scratch', 'x'], 'Een wijziging', 'A change'],
];

describe('the not-saved list names each field in words', () => {
  it.each(cases)('%s %j', async (document, path, dutch, english) => {
    const field = describeField(board, document, path);
    await i18n.changeLanguage('nl');
    expect(fieldLabel(i18n.t, field)).toBe(dutch);
    await i18n.changeLanguage('en');
    expect(fieldLabel(i18n.t, field)).toBe(english);
  });
});
