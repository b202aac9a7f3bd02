import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { historySentence } from '../../../client/src/board/history/sentences.js';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import type { Board, Goal, PerspectiveState } from '../../../shared/doc/board.js';
import type { HistoryEntry } from '../../../shared/historyApi.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: 'nl',
    interpolation: { escapeValue: false },
  });
});

const board = {
  goals: [{ id: 'g1', title: 'Weer werken' } as Goal],
  perspectives: [
    { id: 'refugee', label: null } as PerspectiveState,
    { id: 'custom-mantelzorger', label: 'Mantelzorger' } as PerspectiveState,
  ],
} satisfies Pick<Board, 'goals' | 'perspectives'>;

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  firstAt: '2026-05-12T10:00:00.000Z',
  lastAt: '2026-05-12T10:00:00.000Z',
  count: 1,
  userId: 'u1',
  kind: 'goal',
  itemId: 'g1',
  parentId: null,
  field: null,
  action: 'changed',
  source: 'board',
  meetingId: null,
  ...overrides,
});

describe('[H3] the history reads as sentences, Dutch first and English second', () => {
  it.each<[Partial<HistoryEntry>, string, string]>([
    [
      { field: 'status' },
      'Sevda veranderde de status van ‘Weer werken’',
      'Sevda changed the status of ‘Weer werken’',
    ],
    [{ action: 'added' }, 'Sevda voegde het doel ‘Weer werken’ toe', 'Sevda added the goal ‘Weer werken’'],
    [{ field: 'place' }, 'Sevda verplaatste ‘Weer werken’', 'Sevda moved ‘Weer werken’'],
    [{ itemId: 'gone', action: 'removed' }, 'Sevda verwijderde een doel', 'Sevda deleted a goal'],
    [
      { itemId: 'gone', field: 'title' },
      'Sevda veranderde de titel van een doel dat er niet meer is',
      'Sevda changed the title of a goal that is no longer there',
    ],
    [
      { kind: 'step', itemId: 's1', parentId: 'g1', action: 'added' },
      'Sevda voegde een stap toe aan ‘Weer werken’',
      'Sevda added a step to ‘Weer werken’',
    ],
    [
      { kind: 'step', itemId: 's1', parentId: 'g1', field: 'done' },
      'Sevda zette een stap van ‘Weer werken’ op klaar of weer open',
      'Sevda marked a step of ‘Weer werken’ done or open again',
    ],
    [
      { kind: 'perspective', itemId: 'refugee', field: 'situation' },
      'Sevda veranderde de situatie bij het perspectief ‘Vluchteling’',
      'Sevda changed the situation of the perspective ‘Refugee’',
    ],
    [
      { kind: 'perspective', itemId: 'custom-mantelzorger', action: 'added' },
      'Sevda voegde het perspectief ‘Mantelzorger’ toe',
      'Sevda added the perspective ‘Mantelzorger’',
    ],
    [
      { kind: 'signal-plan', itemId: 'amber', field: 'signs' },
      'Sevda veranderde de signalen bij oranje in het signaleringsplan',
      'Sevda changed the signs for orange in the signal plan',
    ],
    [
      { kind: 'signal-plan', itemId: null, field: 'protectiveFactors' },
      'Sevda veranderde de beschermende factoren in het signaleringsplan',
      'Sevda changed the protective factors in the signal plan',
    ],
    [
      { kind: 'client-question', itemId: 'q1', action: 'added' },
      'Sevda stelde een vraag voor het overleg',
      'Sevda asked a question for the meeting',
    ],
    [
      { kind: 'team-rating', itemId: 'work' },
      'Sevda gaf het oordeel van het team over werk en dagbesteding',
      "Sevda gave the team's view of work and daytime activities",
    ],
    [
      { kind: 'note', itemId: 'n1', source: 'medical', action: 'added' },
      'Sevda begon een nieuwe medische notitie',
      'Sevda started a new medical note',
    ],
    [
      { kind: 'observation', itemId: 'o1', action: 'added' },
      'Sevda legde een observatie vast',
      'Sevda recorded an observation',
    ],
    [
      { kind: 'action', itemId: 'a1', field: 'done', source: 'meeting' },
      'Sevda zette een actie uit een overleg op klaar of weer open',
      'Sevda marked an action from a meeting done or open again',
    ],
  ])('%o', async (overrides, dutch, english) => {
    const say = (lng: string) =>
      historySentence(entry(overrides), { t: i18n.getFixedT(lng), name: 'Sevda', board });
    expect(say('nl')).toBe(dutch);
    expect(say('en')).toBe(english);
  });
});
