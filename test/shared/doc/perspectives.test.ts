import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { enCore } from '../../../client/src/i18n/en/core.js';
import { createGoal, goalsOf, readBoard, readPerspectives } from '../../../shared/doc/board.js';
import type { NewGoal } from '../../../shared/doc/board.js';
import { boardJsonSchema } from '../../../shared/doc/boardShape.js';
import {
  addCustomPerspective,
  defaultPerspectiveNamesEn,
  goalsWithPerspective,
  perspectiveLabelProblem,
  PerspectiveLabelRefused,
  removePerspective,
  renamePerspective,
  setPerspectiveActive,
} from '../../../shared/doc/perspectives.js';
import { perspectivesOf } from '../../../shared/doc/boardRecords.js';

const goal = (overrides: Partial<NewGoal> = {}): NewGoal => ({
  title: 'Weer naar de volkstuin',
  domain: 'care',
  phase: 'treatment',
  ...overrides,
});

const labelOf = (doc: Y.Doc, id: string) => readPerspectives(doc).find((p) => p.id === id)?.label;

/** What `addCustomPerspective` or `renamePerspective` refused, or null when it did not throw. */
function refusal(write: () => unknown) {
  try {
    write();
    return null;
  } catch (e) {
    if (e instanceof PerspectiveLabelRefused) return e.problem;
    throw e;
  }
}

describe('naming custom perspectives', () => {
  it.each([
    ['the same label', 'Mantelzorger'],
    ['another case', 'MANTELZORGER'],
    ['extra spaces around it', '  mantelzorger '],
    ['accents added', 'Mäntelzörger'],
  ])('refuses a second perspective with %s, naming the one that exists', (_, label) => {
    const doc = new Y.Doc();
    const existing = addCustomPerspective(doc, 'Mantelzorger');
    expect(perspectiveLabelProblem(doc, label)).toEqual({ kind: 'duplicate', existing });
    expect(refusal(() => addCustomPerspective(doc, label))).toEqual({ kind: 'duplicate', existing });
    expect(readPerspectives(doc).slice(5)).toHaveLength(1);
  });

  it.each([
    ['patient', 'patient'],
    ['Patiënt', 'patient'],
    ['werkzoekende', 'unemployed'],
    ['Job Seeker', 'unemployed'],
    ['ex-detainee', 'ex-detainee'],
    ['laaggeletterd', 'low-literacy'],
  ])('refuses %s, the name of a default perspective in Dutch or English', (label, existing) => {
    const doc = new Y.Doc();
    expect(refusal(() => addCustomPerspective(doc, label))).toEqual({ kind: 'duplicate', existing });
    expect(perspectivesOf(doc).size).toBe(0);
  });

  it('refuses an empty or blank label', () => {
    const doc = new Y.Doc();
    expect(refusal(() => addCustomPerspective(doc, '   '))).toEqual({ kind: 'empty' });
    expect(perspectivesOf(doc).size).toBe(0);
  });

  it('knows the default names the English UI shows', () => {
    expect(defaultPerspectiveNamesEn).toEqual(enCore.perspective);
  });

  it('renames a custom perspective, trimmed and at most 60 characters', () => {
    const doc = new Y.Doc();
    const id = addCustomPerspective(doc, 'Buurvrouw');
    renamePerspective(doc, id, '  Buurvrouw   Fatma  ');
    expect(labelOf(doc, id)).toBe('Buurvrouw Fatma');
    renamePerspective(doc, id, 'Buurvrouw die boodschappen doet en elke ochtend even langskomt voor koffie');
    expect(labelOf(doc, id)).toHaveLength(60);
  });

  it('lets a custom perspective change only the case of its own name', () => {
    const doc = new Y.Doc();
    const id = addCustomPerspective(doc, 'buurvrouw');
    renamePerspective(doc, id, 'Buurvrouw');
    expect(labelOf(doc, id)).toBe('Buurvrouw');
  });

  it('refuses renaming to the name of another perspective or to nothing, and keeps the old name', () => {
    const doc = new Y.Doc();
    const carer = addCustomPerspective(doc, 'Mantelzorger');
    const neighbour = addCustomPerspective(doc, 'Buurvrouw');
    expect(refusal(() => renamePerspective(doc, neighbour, 'mantelzorger'))).toEqual({
      kind: 'duplicate',
      existing: carer,
    });
    expect(refusal(() => renamePerspective(doc, neighbour, 'Vluchteling'))).toEqual({
      kind: 'duplicate',
      existing: 'refugee',
    });
    expect(refusal(() => renamePerspective(doc, neighbour, ' '))).toEqual({ kind: 'empty' });
    expect(labelOf(doc, neighbour)).toBe('Buurvrouw');
  });

  it('never renames a default perspective', () => {
    const doc = new Y.Doc();
    setPerspectiveActive(doc, 'patient', true);
    expect(() => renamePerspective(doc, 'patient', 'Cliënt')).toThrow(/default perspective/);
    expect(labelOf(doc, 'patient')).toBeNull();
  });
});

describe('removing custom perspectives', () => {
  it('takes the perspective off every goal that served it, in one transaction', () => {
    const doc = new Y.Doc();
    const carer = addCustomPerspective(doc, 'Mantelzorger');
    const first = createGoal(doc, goal({ perspectives: [carer, 'patient'] }));
    const second = createGoal(doc, goal({ title: 'Eigen woning', perspectives: [carer] }));
    createGoal(doc, goal({ title: 'Werk', perspectives: ['unemployed'] }));
    expect(goalsWithPerspective(doc, carer).sort()).toEqual([first, second].sort());

    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    removePerspective(doc, carer);
    expect(transactions).toBe(1);
    expect(readPerspectives(doc).some((p) => p.id === carer)).toBe(false);
    const board = readBoard(doc);
    expect(board.goals.find((g) => g.id === first)!.perspectives).toEqual(['patient']);
    expect(board.goals.find((g) => g.id === second)!.perspectives).toEqual([]);
    expect(
      boardJsonSchema.safeParse({ goals: goalsOf(doc).toJSON(), perspectives: {} }).error,
    ).toBeUndefined();
  });

  it('frees the name for a new perspective', () => {
    const doc = new Y.Doc();
    removePerspective(doc, addCustomPerspective(doc, 'Mantelzorger'));
    expect(perspectiveLabelProblem(doc, 'Mantelzorger')).toBeNull();
  });

  it('never removes a default perspective: it can only be switched off', () => {
    const doc = new Y.Doc();
    setPerspectiveActive(doc, 'refugee', true);
    createGoal(doc, goal({ perspectives: ['refugee'] }));
    expect(() => removePerspective(doc, 'refugee')).toThrow(/default perspective/);
    expect(readPerspectives(doc).find((p) => p.id === 'refugee')!.active).toBe(true);
    expect(goalsWithPerspective(doc, 'refugee')).toHaveLength(1);
  });
});
