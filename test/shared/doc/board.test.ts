import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createGoal,
  goalsInCell,
  goalsOf,
  moveGoal,
  perspectivesOf,
  readBoard,
  readPerspectives,
  setGoalPerspective,
} from '../../../shared/doc/board.js';
import { addCustomPerspective, setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import type { NewGoal } from '../../../shared/doc/board.js';
import { boardJsonSchema } from '../../../shared/doc/boardShape.js';
import { customPerspectiveIdSchema, defaultPerspectives } from '../../../shared/domain.js';

/** The document's JSON as the shape describes it (both roots, even when one is still empty). */
const boardJson = (doc: Y.Doc) => ({
  goals: goalsOf(doc).toJSON(),
  perspectives: perspectivesOf(doc).toJSON(),
});

const goal = (overrides: Partial<NewGoal> = {}): NewGoal => ({
  title: 'Weer naar de volkstuin',
  domain: 'care',
  phase: 'treatment',
  ...overrides,
});

/** Exchanges everything two replicas lack, in both directions. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('creating goals', () => {
  it('a new goal with steps and perspectives gives a document of the declared shape', () => {
    const doc = new Y.Doc();
    const id = createGoal(
      doc,
      goal({
        clientWords: 'Ik wil weer buiten zijn',
        perspectives: ['patient', 'custom-mantelzorger'],
        targetDate: '2026-06-01',
        ownerId: 'prof-1',
        steps: [{ text: 'Fysio vragen' }, { text: 'Tuinvereniging bellen', dueDate: '2026-04-01' }],
      }),
    );
    setPerspectiveActive(doc, 'patient', true);

    expect(boardJsonSchema.safeParse(boardJson(doc)).error).toBeUndefined();
    const [read] = readBoard(doc).goals;
    expect(read).toMatchObject({
      id,
      title: 'Weer naar de volkstuin',
      clientWords: 'Ik wil weer buiten zijn',
      status: 'open',
      perspectives: ['custom-mantelzorger', 'patient'],
    });
    expect(read!.steps.map((s) => s.text)).toEqual(['Fysio vragen', 'Tuinvereniging bellen']);
  });

  it('the shape check is strict: a goal with an unknown status does not pass', () => {
    const doc = new Y.Doc();
    const id = createGoal(doc, goal());
    goalsOf(doc).get(id)!.set('status', 'weird');
    expect(boardJsonSchema.safeParse(boardJson(doc)).success).toBe(false);
  });

  it('each new goal lands at the end of its cell', () => {
    const doc = new Y.Doc();
    const first = createGoal(doc, goal());
    createGoal(doc, goal({ domain: 'work' }));
    const second = createGoal(doc, goal());
    expect(goalsInCell(readBoard(doc).goals, 'care', 'treatment').map((g) => g.id)).toEqual([first, second]);
  });
});

describe('moving a card', () => {
  function boardWithCell() {
    const doc = new Y.Doc();
    const inCell = ['c0', 'c1', 'c2'].map((id) => createGoal(doc, goal({ id })));
    const elsewhere = createGoal(doc, goal({ id: 'w', domain: 'work', phase: 'rebuilding' }));
    return { doc, inCell, elsewhere };
  }

  const targets = [
    { index: 0, shown: ['w', 'c0', 'c1', 'c2'] },
    { index: 1, shown: ['c0', 'w', 'c1', 'c2'] },
    { index: 3, shown: ['c0', 'c1', 'c2', 'w'] },
  ];
  for (const { index, shown } of targets) {
    it(`a card moved into another cell at position ${index} shows there`, () => {
      const { doc } = boardWithCell();
      moveGoal(doc, 'w', { domain: 'care', phase: 'treatment', index });
      const goals = readBoard(doc).goals;
      expect(goalsInCell(goals, 'care', 'treatment').map((g) => g.id)).toEqual(shown);
      expect(goalsInCell(goals, 'work', 'rebuilding')).toEqual([]);
    });
  }

  it('a card moved within its cell changes place', () => {
    const { doc } = boardWithCell();
    moveGoal(doc, 'c0', { domain: 'care', phase: 'treatment', index: 2 });
    const cell = goalsInCell(readBoard(doc).goals, 'care', 'treatment');
    expect(cell.map((g) => g.id)).toEqual(['c1', 'c2', 'c0']);
  });

  it('[V7] domain, phase and order change in one transaction, by setting the keys (no delete and insert)', () => {
    const { doc } = boardWithCell();
    const before = goalsOf(doc).get('w');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));

    moveGoal(doc, 'w', { domain: 'housing', phase: 'sustaining', index: 0 });

    expect(updates).toHaveLength(1);
    expect(goalsOf(doc).get('w')).toBe(before);
    // Three plain values, no new map: the card was not deleted and inserted again.
    const written = Y.decodeUpdate(updates[0]!).structs.map((s) => (s as Y.Item).content);
    expect(written.every((c) => c instanceof Y.ContentAny)).toBe(true);
    const values = written.flatMap((c) => c.getContent());
    expect(values).toEqual(
      expect.arrayContaining(['housing', 'sustaining', goalsOf(doc).get('w')!.get('order')]),
    );
    expect(values).toHaveLength(3);
  });

  it('concurrent moves of one card, merged both ways, leave exactly one card in the same place', () => {
    const anna = new Y.Doc();
    const bram = new Y.Doc();
    ['a', 'b', 'moving'].forEach((id) => createGoal(anna, goal({ id })));
    createGoal(anna, goal({ id: 'h', domain: 'housing', phase: 'rebuilding' }));
    createGoal(anna, goal({ id: 'i', domain: 'income', phase: 'sustaining' }));
    merge(anna, bram);

    moveGoal(anna, 'moving', { domain: 'housing', phase: 'rebuilding', index: 0 });
    moveGoal(bram, 'moving', { domain: 'income', phase: 'sustaining', index: 1 });
    merge(anna, bram);

    const onAnna = readBoard(anna).goals;
    const onBram = readBoard(bram).goals;
    expect(onAnna).toEqual(onBram);
    expect(onAnna.filter((g) => g.id === 'moving')).toHaveLength(1);
    expect(onAnna).toHaveLength(5);
    const { domain, phase } = onAnna.find((g) => g.id === 'moving')!;
    expect([`${domain}/${phase}`]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(housing\/rebuilding|income\/sustaining)$/)]),
    );
  });
});

describe('perspectives', () => {
  it('lists the five defaults in their fixed order, whatever order they were switched on in', () => {
    const doc = new Y.Doc();
    setPerspectiveActive(doc, 'ex-detainee', true);
    setPerspectiveActive(doc, 'patient', true);
    setPerspectiveActive(doc, 'low-literacy', false);
    const list = readPerspectives(doc);
    expect(list.map((p) => p.id)).toEqual([...defaultPerspectives]);
    expect(list.filter((p) => p.active).map((p) => p.id)).toEqual(['patient', 'ex-detainee']);
  });

  it('lists custom perspectives after the defaults, in the order they were added', () => {
    const doc = new Y.Doc();
    const labels = ['Zus als mantelzorger', 'Buurvrouw', 'Ambulante begeleider'];
    const ids = labels.map((label) => addCustomPerspective(doc, label));
    const list = readPerspectives(doc);
    expect(list.slice(0, 5).map((p) => p.id)).toEqual([...defaultPerspectives]);
    expect(list.slice(5).map((p) => p.label)).toEqual(labels);
    expect(list.slice(5).map((p) => p.id)).toEqual(ids);
  });

  it('keeps the order added even when customs are added within the same millisecond', () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T09:00:00.000Z'), toFake: ['Date'] });
    const doc = new Y.Doc();
    const labels = ['Zus', 'Mantelzorger', 'Aannemer'];
    for (const label of labels) addCustomPerspective(doc, label);
    expect(
      readPerspectives(doc)
        .slice(5)
        .map((p) => p.label),
    ).toEqual(labels);
  });

  it('a custom perspective is switched on, labelled and valid for the document shape', () => {
    const doc = new Y.Doc();
    const id = addCustomPerspective(doc, '  Ex-partner & kinderen  ');
    expect(customPerspectiveIdSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^custom-ex-partner-kinderen-[0-9a-f]{6}$/);
    const custom = readPerspectives(doc).find((p) => p.id === id);
    expect(custom).toMatchObject({ active: true, label: 'Ex-partner & kinderen' });

    const goalId = createGoal(doc, goal());
    setGoalPerspective(doc, goalId, id, true);
    expect(readBoard(doc).goals[0]!.perspectives).toEqual([id]);
    expect(boardJsonSchema.safeParse(boardJson(doc)).error).toBeUndefined();
  });

  it('a very long or non-Latin label still gives a valid id and a label of at most 60 characters', () => {
    const doc = new Y.Doc();
    const long = addCustomPerspective(doc, 'Cliëntondersteuner '.repeat(10));
    const symbols = addCustomPerspective(doc, '👪 ✓');
    for (const id of [long, symbols]) {
      expect(customPerspectiveIdSchema.safeParse(id).success).toBe(true);
    }
    expect(readPerspectives(doc).find((p) => p.id === long)!.label).toHaveLength(60);
    expect(boardJsonSchema.safeParse(boardJson(doc)).error).toBeUndefined();
  });

  it('two people adding the same label get two separate perspectives', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addCustomPerspective(a, 'Buurvrouw');
    addCustomPerspective(b, 'Buurvrouw');
    merge(a, b);
    expect(readPerspectives(a).slice(5)).toHaveLength(2);
    expect(readPerspectives(a)).toEqual(readPerspectives(b));
  });
});
