import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStep,
  createGoal,
  deleteGoal,
  deleteStep,
  goalText,
  readBoard,
  stepText,
} from '../../shared/doc/board.js';
import {
  addCustomPerspective,
  perspectiveText,
  setPerspectiveActive,
} from '../../shared/doc/perspectives.js';
import { restorePerspective, restoreGoal, restoreStep, restoreText } from '../../shared/doc/restore.js';
import { restorable } from '../../shared/versionDiff.js';

/** A board with one goal of two steps and one perspective with a text: the version kept. */
function kept() {
  const doc = new Y.Doc();
  createGoal(doc, {
    id: 'g1',
    title: 'Weer werken',
    clientWords: 'Ik wil iets doen',
    domain: 'work',
    phase: 'rebuilding',
    status: 'active',
    ownerId: 'p1',
    perspectives: ['unemployed'],
    steps: [{ text: 'Gesprek werkcoach', ownerId: 'p2' }, { text: 'Proefplaats zoeken' }],
  });
  setPerspectiveActive(doc, 'refugee', true);
  perspectiveText(doc, 'refugee', 'situation').insert(0, 'Status sinds 2024.');
  const then = readBoard(doc);
  return { doc, then };
}

describe('what an earlier version holds that the board now lacks', () => {
  const cases: { name: string; edit: (doc: Y.Doc) => void; expect: string[] }[] = [
    { name: 'nothing changed', edit: () => {}, expect: [] },
    { name: 'a deleted goal', edit: (d) => deleteGoal(d, 'g1'), expect: ['goal:g1'] },
    {
      name: 'a deleted step',
      edit: (d) => deleteStep(d, 'g1', readBoard(d).goals[0]!.steps[0]!.id),
      expect: ['step:g1'],
    },
    {
      name: 'a title typed over',
      edit: (d) => goalText(d, 'g1', 'title').insert(0, 'Snel '),
      expect: ['goal-text:g1:title'],
    },
    {
      name: 'a step text changed',
      edit: (d) => stepText(d, 'g1', readBoard(d).goals[0]!.steps[1]!.id).delete(0, 6),
      expect: ['step-text:g1'],
    },
    {
      name: 'a perspective switched off and its text cleared',
      edit: (d) => {
        setPerspectiveActive(d, 'refugee', false);
        perspectiveText(d, 'refugee', 'situation').delete(0, 18);
      },
      expect: ['perspective:refugee', 'perspective-text:refugee:situation'],
    },
    {
      name: 'a goal added since is nothing to restore',
      edit: (d) => createGoal(d, { title: 'Nieuw', domain: 'care', phase: 'treatment' }),
      expect: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { doc, then } = kept();
      c.edit(doc);
      const found = restorable(then, readBoard(doc)).map((r) => {
        if (r.kind === 'goal') return `goal:${r.goal.id}`;
        if (r.kind === 'step') return `step:${r.goalId}`;
        if (r.kind === 'perspective') return `perspective:${r.perspective.id}`;
        if (r.kind === 'goal-text') return `goal-text:${r.goalId}:${r.field}`;
        if (r.kind === 'step-text') return `step-text:${r.goalId}`;
        return `perspective-text:${r.perspectiveId}:${r.field}`;
      });
      expect(found).toEqual(c.expect);
    });
  }
});

describe('restoring from a version is a new change that brings it back as it was', () => {
  it('a deleted goal comes back with its id, fields and steps; nothing is left to restore', () => {
    const { doc, then } = kept();
    deleteGoal(doc, 'g1');
    restoreGoal(doc, then.goals[0]!);
    const now = readBoard(doc).goals[0]!;
    const strip = (g: typeof now) => ({
      ...g,
      order: '',
      steps: g.steps.map((s) => ({ ...s, id: '', order: '' })),
    });
    expect(strip(now)).toEqual(strip(then.goals[0]!));
    expect(restorable(then, readBoard(doc))).toEqual([]);
  });

  it('a deleted step comes back in its old place among the others', () => {
    const { doc, then } = kept();
    const [first] = readBoard(doc).goals[0]!.steps;
    addStep(doc, 'g1', { text: 'Later toegevoegd' });
    deleteStep(doc, 'g1', first!.id);
    restoreStep(doc, 'g1', then.goals[0]!.steps[0]!);
    expect(readBoard(doc).goals[0]!.steps.map((s) => s.text)).toEqual([
      'Gesprek werkcoach',
      'Proefplaats zoeken',
      'Later toegevoegd',
    ]);
  });

  it('a text reads as it did, while what someone typed elsewhere in the board stays', () => {
    const { doc, then } = kept();
    goalText(doc, 'g1', 'title').delete(0, 5);
    goalText(doc, 'g1', 'clientWords').insert(0, 'Echt: ');
    restoreText(goalText(doc, 'g1', 'title'), then.goals[0]!.title);
    expect(readBoard(doc).goals[0]).toMatchObject({
      title: 'Weer werken',
      clientWords: 'Echt: Ik wil iets doen',
    });
  });

  it('a perspective switched off comes back on with its text; a lost custom one is added again', () => {
    const { doc, then } = kept();
    const custom = addCustomPerspective(doc, 'Mantelzorger');
    perspectiveText(doc, custom, 'concerns').insert(0, 'Zorgt voor moeder.');
    const withCustom = readBoard(doc);
    setPerspectiveActive(doc, 'refugee', false);
    perspectiveText(doc, 'refugee', 'situation').delete(0, 18);
    restorePerspective(
      doc,
      then.perspectives.find((p) => p.id === 'refugee')!,
    );
    expect(readBoard(doc).perspectives.find((p) => p.id === 'refugee')).toMatchObject({
      active: true,
      situation: 'Status sinds 2024.',
    });
    const fresh = new Y.Doc();
    restorePerspective(
      fresh,
      withCustom.perspectives.find((p) => p.id === custom)!,
    );
    expect(readBoard(fresh).perspectives.find((p) => p.label === 'Mantelzorger')).toMatchObject({
      active: true,
      concerns: 'Zorgt voor moeder.',
    });
  });
});
