import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addDecision,
  ensureMeetingNotes,
  meetingNotes,
  readMeetingCase,
  removeAction,
  removeDecision,
  tagPerspective,
  updateAction,
} from '../../../shared/doc/meetingCase.js';
import type { ActionPatch, NewAction } from '../../../shared/doc/meetingCase.js';
import { meetingCaseJsonSchema } from '../../../shared/doc/meetingShape.js';
import type { PerspectiveId } from '../../../shared/domain.js';

const action = (overrides: Partial<NewAction> = {}): NewAction => ({
  text: 'Woningcorporatie bellen',
  ownerId: 'p-anna',
  dueDate: '2026-04-01',
  ...overrides,
});

/** Exchanges everything two replicas lack, in both directions. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** Counts the updates a write produces. */
function updatesOf(doc: Y.Doc, write: () => void): number {
  let count = 0;
  const count1 = () => (count += 1);
  doc.on('update', count1);
  write();
  doc.off('update', count1);
  return count;
}

describe('the notes typed together', () => {
  it('the server creates the notes once; loading the document again changes nothing', () => {
    const doc = new Y.Doc();
    ensureMeetingNotes(doc);
    const notes = meetingNotes(doc);
    expect(notes).toBeInstanceOf(Y.Text);
    expect(updatesOf(doc, () => ensureMeetingNotes(doc))).toBe(0);
    expect(meetingNotes(doc)).toBe(notes);
  });

  it('two attendees typing at once both keep their text', () => {
    const server = new Y.Doc();
    ensureMeetingNotes(server);
    const anna = new Y.Doc();
    const bram = new Y.Doc();
    merge(server, anna);
    merge(server, bram);

    meetingNotes(anna)!.insert(0, 'Anna: werk loopt. ');
    meetingNotes(bram)!.insert(0, 'Bram: huur betaald. ');
    merge(anna, bram);

    const text = readMeetingCase(anna).notes;
    expect(text).toBe(readMeetingCase(bram).notes);
    expect(text).toContain('Anna: werk loopt. ');
    expect(text).toContain('Bram: huur betaald. ');
  });

  it('a case without notes yet reads as empty notes', () => {
    expect(readMeetingCase(new Y.Doc()).notes).toBe('');
  });
});

describe('decisions and actions', () => {
  it('decisions show in the order they were taken, with when', () => {
    const doc = new Y.Doc();
    const now = new Date('2026-03-10T13:30:00.000Z');
    const ids = ['Schuldhulp inschakelen', 'Huisbezoek plannen', 'Over zes weken terug'].map((text) =>
      addDecision(doc, text, now),
    );
    const { decisions } = readMeetingCase(doc);
    expect(decisions.map((d) => d.id)).toEqual(ids);
    expect(decisions.map((d) => d.text)).toEqual([
      'Schuldhulp inschakelen',
      'Huisbezoek plannen',
      'Over zes weken terug',
    ]);
    expect(decisions[0]!.createdAt).toBe('2026-03-10T13:30:00.000Z');
  });

  it('a decision taken back is gone', () => {
    const doc = new Y.Doc();
    const first = addDecision(doc, 'Eerste');
    addDecision(doc, 'Tweede');
    removeDecision(doc, first);
    expect(readMeetingCase(doc).decisions.map((d) => d.text)).toEqual(['Tweede']);
  });

  it('actions show in the order they were agreed, open, with one owner and a due date', () => {
    const doc = new Y.Doc();
    const first = addAction(doc, action());
    const second = addAction(
      doc,
      action({ text: 'Budgetcoach vragen', ownerId: 'p-bram', dueDate: '2026-04-15' }),
    );
    const { actions } = readMeetingCase(doc);
    expect(actions.map((a) => a.id)).toEqual([first, second]);
    expect(actions[1]).toMatchObject({
      text: 'Budgetcoach vragen',
      ownerId: 'p-bram',
      dueDate: '2026-04-15',
      done: false,
      goalId: null,
      stepId: null,
    });
  });

  const patches: {
    name: string;
    patch: ActionPatch;
    changed: Partial<Record<keyof ActionPatch, unknown>>;
  }[] = [
    { name: 'an action marked done shows as done', patch: { done: true }, changed: { done: true } },
    {
      name: 'an action handed to someone else with a new date shows the new owner and date',
      patch: { ownerId: 'p-bram', dueDate: '2026-05-01' },
      changed: { ownerId: 'p-bram', dueDate: '2026-05-01' },
    },
    {
      name: 'an action turned into a step of a goal remembers the goal and step',
      patch: { goalId: 'g1', stepId: 's1' },
      changed: { goalId: 'g1', stepId: 's1' },
    },
    {
      name: 'fields left out of the patch stay as they were',
      patch: { ownerId: undefined, done: true },
      changed: { ownerId: 'p-anna', done: true },
    },
  ];
  for (const { name, patch, changed } of patches) {
    it(name, () => {
      const doc = new Y.Doc();
      const id = addAction(doc, action());
      expect(updateAction(doc, id, patch)).toBe(true);
      expect(readMeetingCase(doc).actions[0]).toMatchObject(changed);
    });
  }

  it('changing an action that does not exist (anymore) reports false and writes nothing', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, action());
    removeAction(doc, id);
    let answer = true;
    expect(updatesOf(doc, () => (answer = updateAction(doc, id, { done: true })))).toBe(0);
    expect(answer).toBe(false);
    expect(readMeetingCase(doc).actions).toEqual([]);
  });

  it('a patch that changes nothing writes nothing', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, action());
    expect(updatesOf(doc, () => updateAction(doc, id, { ownerId: 'p-anna', done: false }))).toBe(0);
  });
});

describe('perspectives discussed', () => {
  const tagging: { name: string; steps: [PerspectiveId, boolean][]; tagged: PerspectiveId[] }[] = [
    { name: 'a perspective tagged shows as discussed', steps: [['patient', true]], tagged: ['patient'] },
    {
      name: 'a perspective untagged is no longer discussed',
      steps: [
        ['patient', true],
        ['refugee', true],
        ['patient', false],
      ],
      tagged: ['refugee'],
    },
    {
      name: 'tagging twice counts once',
      steps: [
        ['custom-zus', true],
        ['custom-zus', true],
      ],
      tagged: ['custom-zus'],
    },
    { name: 'untagging what was never tagged is harmless', steps: [['unemployed', false]], tagged: [] },
  ];
  for (const { name, steps, tagged } of tagging) {
    it(name, () => {
      const doc = new Y.Doc();
      for (const [perspective, discussed] of steps) tagPerspective(doc, perspective, discussed);
      expect(readMeetingCase(doc).perspectives).toEqual(tagged);
    });
  }
});

describe('the shape of a case in a meeting', () => {
  it('accepts what the notes, decisions, actions and tags write', () => {
    const doc = new Y.Doc();
    ensureMeetingNotes(doc);
    meetingNotes(doc)!.insert(0, 'Gaat de goede kant op.');
    addDecision(doc, 'Schuldhulp inschakelen');
    const id = addAction(doc, action());
    updateAction(doc, id, { done: true, goalId: 'g1', stepId: 's1' });
    addAction(doc, action({ text: '' }));
    tagPerspective(doc, 'patient', true);
    tagPerspective(doc, 'custom-zus', true);
    expect(meetingCaseJsonSchema.safeParse(doc.toJSON()).error).toBeUndefined();
  });

  const broken = [
    { name: 'without an owner', field: 'ownerId' },
    { name: 'without a due date', field: 'dueDate' },
  ];
  for (const { name, field } of broken) {
    it(`[M3] refuses an action ${name}`, () => {
      const doc = new Y.Doc();
      const id = addAction(doc, action());
      doc.getMap<Y.Map<unknown>>('actions').get(id)!.delete(field);
      expect(meetingCaseJsonSchema.safeParse(doc.toJSON()).success).toBe(false);
    });
  }
});
