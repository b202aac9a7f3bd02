import { describe, expect, it } from 'vitest';
import { accessLogItem, caseOfChange, changedItem } from '../../shared/history.js';
import type { ChangedItem, TouchedPath } from '../../shared/history.js';
import { parseDocumentName } from '../../shared/protocol.js';

const board = parseDocumentName('case:c1:shared')!;
const medical = parseDocumentName('case:c1:medical')!;
const agenda = parseDocumentName('meeting:m1')!;
const meetingCase = parseDocumentName('meeting:m1:case:c1')!;

const touched = (path: string, flags: Partial<TouchedPath> = {}): TouchedPath => ({
  path: path.split('/'),
  removed: false,
  ...flags,
});
const changed = (
  kind: ChangedItem['kind'],
  id: string | null,
  field: string | null,
  action: ChangedItem['action'],
  parentId: string | null = null,
): ChangedItem => ({ kind, id, parentId, field, action });

describe('[H1] which item of the board a change touched', () => {
  it.each([
    { what: 'a goal added', path: touched('goals/g1'), item: changed('goal', 'g1', null, 'added') },
    {
      what: 'a goal deleted',
      path: touched('goals/g1', { removed: true }),
      item: changed('goal', 'g1', null, 'removed'),
    },
    {
      what: 'typing in a goal title',
      path: touched('goals/g1/title'),
      item: changed('goal', 'g1', 'title', 'changed'),
    },
    {
      what: 'a goal status set',
      path: touched('goals/g1/status'),
      item: changed('goal', 'g1', 'status', 'changed'),
    },
    {
      what: 'a card moved (domain, phase and order are one move)',
      path: touched('goals/g1/phase'),
      item: changed('goal', 'g1', 'place', 'changed'),
    },
    {
      what: 'a target date cleared (the goal stays)',
      path: touched('goals/g1/targetDate', { removed: true }),
      item: changed('goal', 'g1', 'targetDate', 'changed'),
    },
    {
      what: 'a perspective linked to a goal',
      path: touched('goals/g1/perspectives/refugee'),
      item: changed('goal', 'g1', 'perspectives', 'changed'),
    },
    {
      what: 'a step added to a goal',
      path: touched('goals/g1/steps/s1'),
      item: changed('step', 's1', null, 'added', 'g1'),
    },
    {
      what: 'a step ticked off',
      path: touched('goals/g1/steps/s1/done'),
      item: changed('step', 's1', 'done', 'changed', 'g1'),
    },
    {
      what: 'a step deleted',
      path: touched('goals/g1/steps/s1', { removed: true }),
      item: changed('step', 's1', null, 'removed', 'g1'),
    },
    {
      what: 'typing in a perspective',
      path: touched('perspectives/refugee/situation'),
      item: changed('perspective', 'refugee', 'situation', 'changed'),
    },
    {
      what: 'a perspective switched on',
      path: touched('perspectives/refugee/active'),
      item: changed('perspective', 'refugee', 'active', 'changed'),
    },
    {
      what: 'a custom perspective added',
      path: touched('perspectives/custom-mantelzorger'),
      item: changed('perspective', 'custom-mantelzorger', null, 'added'),
    },
    {
      what: 'the signs of amber in the signal plan',
      path: touched('signalPlan/amber/signs'),
      item: changed('signal-plan', 'amber', 'signs', 'changed'),
    },
    {
      what: 'the protective factors of the signal plan',
      path: touched('signalPlan/protectiveFactors'),
      item: changed('signal-plan', null, 'protectiveFactors', 'changed'),
    },
    {
      what: 'a kind of relapse to watch',
      path: touched('signalPlan/relapseKinds/addiction'),
      item: changed('signal-plan', null, 'relapseKinds', 'changed'),
    },
    {
      what: 'an observation recorded',
      path: touched('observations/o1', { added: true }),
      item: changed('observation', 'o1', null, 'added'),
    },
    {
      what: "the client's question asked",
      path: touched('clientQuestions/q1', { added: true }),
      item: changed('client-question', 'q1', null, 'added'),
    },
    {
      what: "the client's question marked discussed (replaced)",
      path: touched('clientQuestions/q1'),
      item: changed('client-question', 'q1', null, 'changed'),
    },
    {
      what: "the client's question taken back",
      path: touched('clientQuestions/q1', { removed: true }),
      item: changed('client-question', 'q1', null, 'removed'),
    },
    {
      what: "the client's rating of work",
      path: touched('clientRatings/work'),
      item: changed('client-rating', 'work', null, 'changed'),
    },
    {
      what: "the team's rating of housing",
      path: touched('teamRatings/housing', { added: true }),
      item: changed('team-rating', 'housing', null, 'added'),
    },
    { what: 'an unknown root', path: touched('secrets/x'), item: null },
    { what: 'a root on its own', path: touched('goals'), item: null },
  ])('$what', ({ path, item }) => {
    expect(changedItem(board, path)).toEqual(item);
  });
});

describe('[H1] which item of a compartment or a meeting a change touched', () => {
  it.each([
    {
      what: 'a compartment note added',
      document: medical,
      path: touched('notes/n1'),
      item: changed('note', 'n1', null, 'added'),
    },
    {
      what: 'typing in a compartment note',
      document: medical,
      path: touched('notes/n1/text'),
      item: changed('note', 'n1', 'text', 'changed'),
    },
    {
      what: "a board root in a compartment is no compartment's item",
      document: medical,
      path: touched('goals/g1'),
      item: null,
    },
    {
      what: 'a case put on the agenda',
      document: agenda,
      path: touched('agenda/c1'),
      item: changed('agenda-item', 'c1', null, 'added'),
    },
    {
      what: 'the question for the meeting',
      document: agenda,
      path: touched('agenda/c1/question'),
      item: changed('agenda-item', 'c1', 'question', 'changed'),
    },
    {
      what: "the chair's clock is nobody's change",
      document: agenda,
      path: touched('agenda/c1/usedMs'),
      item: null,
    },
    {
      what: 'the alias the server keeps',
      document: agenda,
      path: touched('cases/c1'),
      item: null,
    },
    {
      what: 'typing meeting notes',
      document: meetingCase,
      path: touched('notes/text'),
      item: changed('meeting-notes', null, 'text', 'changed'),
    },
    {
      what: 'a decision added',
      document: meetingCase,
      path: touched('decisions/d1'),
      item: changed('decision', 'd1', null, 'added'),
    },
    {
      what: 'an action done',
      document: meetingCase,
      path: touched('actions/a1/done'),
      item: changed('action', 'a1', 'done', 'changed'),
    },
    {
      what: 'a perspective discussed',
      document: meetingCase,
      path: touched('perspectives/patient'),
      item: changed('discussed-perspective', 'patient', null, 'added'),
    },
  ])('$what', ({ document, path, item }) => {
    expect(changedItem(document, path)).toEqual(item);
  });
});

describe('[H4] what the access log names', () => {
  it.each([
    { item: changed('goal', 'g1', 'title', 'changed'), name: 'goal:g1' },
    { item: changed('step', 's1', null, 'added', 'g1'), name: 'step:s1' },
    { item: changed('perspective', 'refugee', 'situation', 'changed'), name: 'perspective:refugee' },
    // The id of a custom perspective is a slug of its label: content, so never named.
    { item: changed('perspective', 'custom-schulden-bij-oom', null, 'added'), name: 'perspective:custom' },
    {
      item: changed('discussed-perspective', 'custom-geloof', null, 'added'),
      name: 'discussed-perspective:custom',
    },
    { item: changed('signal-plan', null, 'protectiveFactors', 'changed'), name: 'signal-plan' },
    { item: changed('meeting-notes', null, 'text', 'changed'), name: 'meeting-notes' },
  ])('$name', ({ item, name }) => {
    expect(accessLogItem(item)).toBe(name);
  });

  it("names the client's file of an agenda item by its key", () => {
    expect(caseOfChange(agenda, changed('agenda-item', 'c7', null, 'added'))).toBe('c7');
    expect(caseOfChange(meetingCase, changed('decision', 'd1', null, 'added'))).toBe('c1');
    expect(caseOfChange(board, changed('goal', 'g1', null, 'added'))).toBe('c1');
  });
});
