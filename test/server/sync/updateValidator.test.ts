import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStep,
  createGoal,
  deleteGoal,
  deleteStep,
  goalText,
  goalsOf,
  moveGoal,
  setGoalPerspective,
  stepText,
  updateGoal,
} from '../../../shared/doc/board.js';
import { setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import { boardShape } from '../../../shared/doc/boardShape.js';
import type { GoalStatus } from '../../../shared/domain.js';
import {
  InvalidUpdate,
  MissingDependencies,
  validateUpdate,
} from '../../../server/sync/validation/updateValidator.js';
import { capture, inSyncWith } from '../../utils/updates.js';

/**
 * A server document as the sync server holds it (roots declared, one goal with a step) and a
 * client that is in sync with it.
 */
function setup() {
  const server = new Y.Doc();
  server.getMap('goals');
  server.getMap('perspectives');
  const seed = new Y.Doc();
  createGoal(seed, { id: 'g1', title: 'Schulden op orde', domain: 'income', phase: 'treatment' });
  const stepId = addStep(seed, 'g1', { text: 'Afspraak schuldhulp' });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed));
  const client = inSyncWith(server);
  return { server, client, stepId };
}
type Setup = ReturnType<typeof setup>;

const goal = (doc: Y.Doc) => goalsOf(doc).get('g1')!;

const valid: { name: string; edit: (client: Y.Doc, stepId: string) => void }[] = [
  {
    name: 'create a goal with steps and perspectives',
    edit: (c) =>
      createGoal(c, {
        title: 'Een eigen kamer',
        domain: 'housing',
        phase: 'transition',
        perspectives: ['patient', 'custom-zus'],
        steps: [{ text: 'Inschrijven bij de corporatie', dueDate: '2026-05-01' }],
      }),
  },
  { name: 'move a goal', edit: (c) => moveGoal(c, 'g1', { domain: 'work', phase: 'rebuilding', index: 0 }) },
  { name: 'type in a title', edit: (c) => goalText(c, 'g1', 'title').insert(5, 'snel ') },
  { name: 'delete part of a title', edit: (c) => goalText(c, 'g1', 'title').delete(0, 9) },
  { name: 'type in a step', edit: (c, stepId) => stepText(c, 'g1', stepId).insert(0, 'Eerst ') },
  { name: 'add a step', edit: (c) => addStep(c, 'g1', { text: 'Budgetcoach', ownerId: 'p-7' }) },
  {
    name: 'change status, owner and target date',
    edit: (c) => updateGoal(c, 'g1', { status: 'stalled', ownerId: 'p-2', targetDate: '2026-07-01' }),
  },
  { name: 'link a goal to a perspective', edit: (c) => setGoalPerspective(c, 'g1', 'refugee', true) },
  { name: 'switch a perspective on', edit: (c) => setPerspectiveActive(c, 'refugee', true) },
  { name: 'delete a step', edit: (c, stepId) => deleteStep(c, 'g1', stepId) },
  { name: 'delete a goal', edit: (c) => deleteGoal(c, 'g1') },
  { name: 'delete an optional field', edit: (c) => goal(c).delete('ownerId') },
  {
    name: 'replace a required field in the same update',
    edit: (c) =>
      c.transact(() => {
        goal(c).delete('domain');
        goal(c).set('domain', 'care');
      }),
  },
];

describe('validateUpdate accepts what the board functions write', () => {
  for (const { name, edit } of valid) {
    it(`[V1–V7] ${name}: accepted and applied as the client sees it`, () => {
      const s = setup();
      const update = capture(s.client, () => edit(s.client, s.stepId));
      expect(() => validateUpdate(s.server, update, boardShape)).not.toThrow();
      Y.applyUpdate(s.server, update);
      expect(s.server.store.pendingStructs).toBeNull();
      expect(s.server.getMap('goals').toJSON()).toEqual(s.client.getMap('goals').toJSON());
      expect(s.server.getMap('perspectives').toJSON()).toEqual(s.client.getMap('perspectives').toJSON());
    });
  }
});

/** A second client whose edits the server never received. */
function unseenEdit(s: Setup, edit: (other: Y.Doc) => void): void {
  const other = inSyncWith(s.server);
  edit(other);
  Y.applyUpdate(s.client, Y.encodeStateAsUpdate(other));
}

const title = (doc: Y.Doc, id = 'g1') => goalText(doc, id, 'title');

/** `edit` runs on the synced client and its update is sent; `update` builds the update itself. */
interface Refusal {
  rule: string;
  name: string;
  reason: RegExp;
  edit?: (client: Y.Doc) => void;
  update?: (s: Setup) => Uint8Array;
}

const refused: Refusal[] = [
  { rule: 'V1', name: 'an unknown root', edit: (c) => c.getMap('hack').set('x', 1), reason: /root "hack"/ },
  {
    rule: 'V1',
    name: 'an array insert into a map root',
    update: () => {
      const other = new Y.Doc();
      return capture(other, () => other.getArray('goals').insert(0, ['x']));
    },
    reason: /goals only holds keyed entries/,
  },
  ...(['status', 'domain', 'phase'] as const).map((field) => ({
    rule: 'V2',
    name: `a goal ${field} of "weird"`,
    edit: (c: Y.Doc) => updateGoal(c, 'g1', { [field]: 'weird' as GoalStatus }),
    reason: new RegExp(`goals\\.g1\\.${field}`),
  })),
  {
    rule: 'V2',
    name: 'an unknown goal field',
    edit: (c) => goal(c).set('colour', 'red'),
    reason: /colour is not/,
  },
  {
    rule: 'V2',
    name: 'a bad goal id',
    edit: (c) => goalsOf(c).set('bad!', new Y.Map()),
    reason: /not allowed/,
  },
  {
    rule: 'V2',
    name: 'a number as title',
    edit: (c) => goal(c).set('title', 42),
    reason: /title must be text/,
  },
  {
    rule: 'V4',
    name: 'a goal created without its required fields',
    edit: (c) => {
      const partial = new Y.Map<unknown>();
      partial.set('title', new Y.Text('Alleen een titel'));
      partial.set('domain', 'care');
      goalsOf(c).set('g2', partial);
    },
    reason: /goals\.g2 is missing phase, order, status/,
  },
  {
    rule: 'V6',
    name: 'deleting the domain of a goal that stays',
    edit: (c) => goal(c).delete('domain'),
    reason: /goals\.g1\.domain is required/,
  },
  {
    rule: 'V3',
    name: 'bold in a title',
    edit: (c) => title(c).format(0, 7, { bold: true }),
    reason: /plain text/,
  },
  {
    rule: 'V3',
    name: 'an embed in a title',
    edit: (c) => title(c).insertEmbed(0, { image: 'x' }),
    reason: /plain text/,
  },
  {
    rule: 'V3',
    name: 'one update adding more than 300 characters to a title',
    edit: (c) => title(c).insert(0, 'x'.repeat(301)),
    reason: /title would exceed 300/,
  },
  {
    rule: 'V3',
    name: 'a new goal whose title is too long',
    edit: (c) => createGoal(c, { title: 'x'.repeat(301), domain: 'care', phase: 'treatment' }),
    reason: /title would exceed 300/,
  },
  {
    rule: 'V5',
    name: 'an update whose earlier part from the same client is withheld',
    update: ({ client }) => {
      capture(client, () =>
        createGoal(client, { id: 'g2', title: 'Werk', domain: 'work', phase: 'treatment' }),
      );
      return capture(client, () => title(client, 'g2').insert(4, ' zoeken'));
    },
    reason: /depends on changes of client/,
  },
  {
    rule: 'V5',
    name: 'an update with a skipped range',
    update: ({ client }) => {
      const first = capture(client, () => title(client).insert(0, 'A'));
      capture(client, () => title(client).insert(1, 'B'));
      const third = capture(client, () => title(client).insert(2, 'C'));
      return Y.mergeUpdates([first, third]);
    },
    reason: /gaps/,
  },
  {
    rule: 'V5',
    name: 'typing into a goal the server never received (unknown parent)',
    update: (s) => {
      unseenEdit(s, (other) =>
        createGoal(other, { id: 'g9', title: '', domain: 'care', phase: 'treatment' }),
      );
      return capture(s.client, () => title(s.client, 'g9').insert(0, 'Hallo'));
    },
    reason: /parent the server lacks/,
  },
  {
    rule: 'V5',
    name: 'typing after characters the server never received (unknown origin)',
    update: (s) => {
      unseenEdit(s, (other) => title(other).insert(16, '!!'));
      return capture(s.client, () => title(s.client).insert(18, '?'));
    },
    reason: /item the server lacks/,
  },
  {
    rule: 'V5',
    name: 'deleting characters the server never received',
    update: (s) => {
      unseenEdit(s, (other) => title(other).insert(16, '!!'));
      return capture(s.client, () => title(s.client).delete(16, 2));
    },
    reason: /deletes items the server lacks/,
  },
];

describe('validateUpdate refuses updates that would break the board', () => {
  for (const { rule, name, edit, update: build, reason } of refused) {
    it(`[${rule}] ${name} is refused and the document stays byte-identical`, () => {
      const s = setup();
      const update = build ? build(s) : capture(s.client, () => edit!(s.client));
      const before = Y.encodeStateAsUpdate(s.server);
      expect(() => validateUpdate(s.server, update, boardShape)).toThrow(InvalidUpdate);
      expect(() => validateUpdate(s.server, update, boardShape)).toThrow(reason);
      // Only a missing dependency may wait for more (V5); everything else is refused outright.
      const waits = rule === 'V5';
      expect(() => validateUpdate(s.server, update, boardShape)).toThrow(
        waits ? MissingDependencies : InvalidUpdate,
      );
      if (!waits) {
        let thrown: unknown;
        try {
          validateUpdate(s.server, update, boardShape);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).not.toBeInstanceOf(MissingDependencies);
      }
      expect(Y.encodeStateAsUpdate(s.server)).toEqual(before);
      expect(s.server.store.pendingStructs).toBeNull();
      expect(s.server.store.pendingDs).toBeNull();
    });
  }

  it('[V5] an update refused for a gap is accepted once the missing part has arrived first', () => {
    const s = setup();
    const first = capture(s.client, () =>
      createGoal(s.client, { id: 'g2', title: 'Werk', domain: 'work', phase: 'treatment' }),
    );
    const second = capture(s.client, () => goalText(s.client, 'g2', 'title').insert(4, ' zoeken'));
    expect(() => validateUpdate(s.server, second, boardShape)).toThrow(InvalidUpdate);
    validateUpdate(s.server, first, boardShape);
    Y.applyUpdate(s.server, first);
    validateUpdate(s.server, second, boardShape);
    Y.applyUpdate(s.server, second);
    expect(goalText(s.server, 'g2', 'title').toString()).toBe('Werk zoeken');
  });

  it('[V5] a missing dependency names the client clock the server must reach first', () => {
    const s = setup();
    capture(s.client, () =>
      createGoal(s.client, { id: 'g2', title: 'Werk', domain: 'work', phase: 'treatment' }),
    );
    const second = capture(s.client, () => goalText(s.client, 'g2', 'title').insert(4, ' zoeken'));
    let thrown: unknown;
    try {
      validateUpdate(s.server, second, boardShape);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingDependencies);
    const { needs } = thrown as MissingDependencies;
    expect(needs.client).toBe(s.client.clientID);
    expect(needs.clock).toBeGreaterThan(Y.getState(s.server.store, s.client.clientID));
  });

  it('[V3][R1] typing that takes a title past its limit is accepted and named for the trim', () => {
    const s = setup();
    const before = title(s.client).length;
    const update = capture(s.client, () => title(s.client).insert(0, 'x'.repeat(300 - before + 1)));
    const { growing } = validateUpdate(s.server, update, boardShape);
    expect(growing.map((g) => [g.path, g.maxLength])).toEqual([['goals.g1.title', 300]]);
    expect(growing[0]!.text).toBe(title(s.server));
  });

  it('[V3] replacing a full-length title by another one is not a growth past the limit', () => {
    const s = setup();
    const length = title(s.client).length;
    Y.applyUpdate(
      s.server,
      capture(s.client, () => title(s.client).insert(length, 'y'.repeat(300 - length))),
    );
    const update = capture(s.client, () =>
      s.client.transact(() => {
        title(s.client).delete(0, 300);
        title(s.client).insert(0, 'z'.repeat(300));
      }),
    );
    const { growing } = validateUpdate(s.server, update, boardShape);
    Y.applyUpdate(s.server, update);
    expect(title(s.server).toString()).toBe('z'.repeat(300));
    expect(growing).toHaveLength(1); // named, but the text is within its limit: nothing is trimmed
  });

  it('an update that brings nothing new says so (a sync step 2 often carries only known changes)', () => {
    const s = setup();
    const deletion = capture(s.client, () => title(s.client).delete(0, 3));
    expect(validateUpdate(s.server, deletion, boardShape).changes).toBe(true);
    Y.applyUpdate(s.server, deletion);
    expect(validateUpdate(s.server, deletion, boardShape).changes).toBe(false);
    const step2 = Y.encodeStateAsUpdate(s.client, Y.encodeStateVector(s.server));
    expect(validateUpdate(s.server, step2, boardShape).changes).toBe(false);
  });

  it('[V3] a title may be typed up to exactly its maximum length', () => {
    const s = setup();
    const length = goalText(s.client, 'g1', 'title').length;
    const update = capture(s.client, () =>
      goalText(s.client, 'g1', 'title').insert(length, 'x'.repeat(300 - length)),
    );
    expect(() => validateUpdate(s.server, update, boardShape)).not.toThrow();
  });

  it('[V6] writing into a goal and deleting it in one update is accepted; nothing unshaped survives', () => {
    const s = setup();
    const update = capture(s.client, () =>
      s.client.transact(() => {
        goal(s.client).set('colour', 'red');
        deleteGoal(s.client, 'g1');
      }),
    );
    // Yjs integrates the write into the deleted goal as garbage, so nothing unshaped survives.
    validateUpdate(s.server, update, boardShape);
    Y.applyUpdate(s.server, update);
    expect(goalsOf(s.server).has('g1')).toBe(false);
  });
});
