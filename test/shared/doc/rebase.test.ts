import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyRebase, chunks } from '../../../shared/doc/applyRebase.js';
import { createGoal, deleteGoal, goalText, goalsOf, updateGoal } from '../../../shared/doc/board.js';
import { boardShape } from '../../../shared/doc/boardShape.js';
import { compartmentShape } from '../../../shared/doc/compartmentShape.js';
import { ensureDefaultPerspectives, perspectiveText } from '../../../shared/doc/perspectives.js';
import { rebase } from '../../../shared/doc/rebase.js';
import type { LostText } from '../../../shared/doc/rebase.js';
import type { DocumentShape } from '../../../shared/doc/shape.js';
import { ensureSignalPlan, signalText } from '../../../shared/doc/signalPlan.js';
import { validateUpdate } from '../../../server/sync/validation/updateValidator.js';

const goalId = 'goal-work';
const title = (doc: Y.Doc) => goalText(doc, goalId, 'title');
const goalJson = (doc: Y.Doc, id = goalId) =>
  goalsOf(doc).get(id)?.toJSON() as Record<string, unknown> | undefined;

/** The board every case starts from: default perspectives, a signal plan and one goal. */
function baseBoard(doc: Y.Doc) {
  ensureDefaultPerspectives(doc);
  ensureSignalPlan(doc);
  createGoal(doc, {
    id: goalId,
    title: 'Werk vinden',
    domain: 'work',
    phase: 'rebuilding',
    createdAt: '2026-01-01',
  });
}

interface Case {
  name: string;
  shape?: DocumentShape;
  base?: (doc: Y.Doc) => void;
  /** What others did on the server while this browser was offline. */
  server?: (doc: Y.Doc) => void;
  /** What the local person did offline (or wrote that the server refused). */
  local: (doc: Y.Doc) => void;
  expect: (doc: Y.Doc) => void;
  lost?: Partial<LostText>[];
}

/**
 * Runs one case the way the browser does: the server's copy and the local one grow apart from
 * the same base, the rebase is applied to a fresh copy of the server's document (a new client),
 * and every update that produces is checked by the server's own validator before it is applied
 * to the server's copy, so the result is what the server would accept.
 */
function run(c: Case, maxUpdateBytes = 8 * 1024) {
  const shape = c.shape ?? boardShape;
  const base = new Y.Doc();
  base.clientID = 1;
  (c.base ?? baseBoard)(base);
  const copy = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    return doc;
  };
  const server = copy(2);
  const local = copy(3);
  c.server?.(server);
  c.local(local);
  const fresh = copy(4);
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
  const result = rebase(local, fresh, shape);
  const updates: Uint8Array[] = [];
  fresh.on('update', (update: Uint8Array) => updates.push(update));
  applyRebase(fresh, result.edits, { maxUpdateBytes });
  for (const update of updates) {
    validateUpdate(server, update, shape);
    Y.applyUpdate(server, update);
  }
  return { server, local, result, updates };
}

const cases: Case[] = [
  {
    name: 'typing at the end of a title keeps what someone else typed at its start meanwhile',
    server: (doc) => title(doc).insert(0, 'Betaald '),
    local: (doc) => title(doc).insert(title(doc).length, ' in de zorg'),
    expect: (doc) => expect(title(doc).toString()).toBe('Betaald Werk vinden in de zorg'),
  },
  {
    name: 'a word the local person removed goes, what the other added stays',
    base: (doc) => {
      baseBoard(doc);
      title(doc).delete(0, title(doc).length);
      title(doc).insert(0, 'Een eigen huis zoeken');
    },
    server: (doc) => title(doc).insert(title(doc).length, '!'),
    local: (doc) => title(doc).delete(4, 6),
    expect: (doc) => expect(title(doc).toString()).toBe('Een huis zoeken!'),
  },
  {
    name: 'two people typing past a limit: the other keeps theirs, the local rest is listed as not saved',
    base: (doc) => {
      baseBoard(doc);
      title(doc).delete(0, title(doc).length);
      title(doc).insert(0, 'a'.repeat(250));
    },
    server: (doc) => title(doc).insert(250, 'b'.repeat(40)),
    local: (doc) => title(doc).insert(250, 'c'.repeat(40)),
    expect: (doc) => expect(title(doc).toString()).toBe('a'.repeat(250) + 'b'.repeat(40) + 'c'.repeat(10)),
    lost: [{ path: ['goals', goalId, 'title'], text: 'c'.repeat(30), reason: 'tooLong', maxLength: 300 }],
  },
  {
    name: 'a goal created offline is created, with its steps',
    local: (doc) => {
      createGoal(doc, {
        title: 'Schulden op een rij',
        domain: 'income',
        phase: 'transition',
        steps: [{ text: 'Afspraak bij de schuldhulp' }],
      });
    },
    expect: (doc) => {
      const created = [...goalsOf(doc).values()]
        .map((g) => g.toJSON())
        .find((g) => g.title === 'Schulden op een rij');
      expect(created).toMatchObject({ domain: 'income', phase: 'transition', status: 'open' });
      expect(Object.values(created!.steps as object).map((s: { text: string }) => s.text)).toEqual([
        'Afspraak bij de schuldhulp',
      ]);
    },
  },
  {
    name: 'a goal whose required field the shape refuses is not created; its texts are listed',
    local: (doc) => {
      const id = createGoal(doc, {
        title: 'Vrijwilligerswerk',
        clientWords: 'Iets met dieren',
        domain: 'work',
        phase: 'rebuilding',
      });
      goalsOf(doc).get(id)!.set('status', 'someday');
    },
    expect: (doc) => expect(goalsOf(doc).size).toBe(1),
    lost: [
      { text: 'someday', reason: 'invalid' },
      { text: 'Vrijwilligerswerk', reason: 'incomplete' },
      { text: 'Iets met dieren', reason: 'incomplete' },
    ],
  },
  {
    name: 'a value the shape refuses is dropped and listed; the valid change beside it is kept',
    local: (doc) => {
      updateGoal(doc, goalId, { status: 'active' });
      goalsOf(doc).get(goalId)!.set('targetDate', 'morgen');
    },
    expect: (doc) => expect(goalJson(doc)).toMatchObject({ status: 'active', targetDate: null }),
    lost: [{ path: ['goals', goalId, 'targetDate'], text: 'morgen', reason: 'invalid' }],
  },
  {
    name: 'a field the shape does not know is dropped with its text; an unknown root is ignored',
    local: (doc) => {
      goalsOf(doc).get(goalId)!.set('colour', 'rood');
      doc.getMap('scratch').set('x', 1);
      updateGoal(doc, goalId, { ownerId: 'prof-1' });
    },
    expect: (doc) => {
      expect(goalJson(doc)).toMatchObject({ ownerId: 'prof-1' });
      expect(goalJson(doc)).not.toHaveProperty('colour');
    },
    lost: [{ path: ['goals', goalId, 'colour'], text: 'rood', reason: 'invalid' }],
  },
  {
    name: 'a goal the local person deleted is deleted',
    local: (doc) => deleteGoal(doc, goalId),
    expect: (doc) => expect(goalsOf(doc).has(goalId)).toBe(false),
  },
  {
    name: 'typing in a goal someone else deleted meanwhile is listed as not saved',
    server: (doc) => deleteGoal(doc, goalId),
    local: (doc) => title(doc).insert(title(doc).length, ' als kok'),
    expect: (doc) => expect(goalsOf(doc).has(goalId)).toBe(false),
    lost: [{ path: ['goals', goalId, 'title'], text: 'Werk vinden als kok', reason: 'removed' }],
  },
  {
    name: 'writes to a root only the server writes are not re-applied',
    local: (doc) => doc.getMap('observations').set('obs1', new Y.Map()),
    expect: (doc) => expect(doc.getMap('observations').size).toBe(0),
  },
  {
    name: 'formatting in a text never reaches the server; the characters do',
    local: (doc) => {
      title(doc).insert(title(doc).length, ' snel', { bold: true });
    },
    expect: (doc) => expect(title(doc).toString()).toBe('Werk vinden snel'),
  },
  {
    name: 'signal plan and perspective texts typed offline are all kept',
    local: (doc) => {
      signalText(doc, 'amber', 'signs').insert(0, 'Slaapt slecht');
      perspectiveText(doc, 'patient', 'situation').insert(0, 'Revalideert thuis');
    },
    expect: (doc) => {
      expect(signalText(doc, 'amber', 'signs').toString()).toBe('Slaapt slecht');
      expect(perspectiveText(doc, 'patient', 'situation').toString()).toBe('Revalideert thuis');
    },
  },
  {
    name: 'compartment notes: a note without its author is not created and its text is listed',
    shape: compartmentShape,
    base: () => {},
    local: (doc) => {
      const note = new Y.Map<unknown>();
      note.set('text', new Y.Text('Medicatie aangepast'));
      note.set('createdAt', '2026-01-01');
      doc.getMap('notes').set('n1', note);
    },
    expect: (doc) => expect(doc.getMap('notes').size).toBe(0),
    lost: [{ path: ['notes', 'n1', 'text'], text: 'Medicatie aangepast', reason: 'incomplete' }],
  },
];

describe('rebasing offline work on what the server accepts (SPEC C3)', () => {
  it.each(cases)('$name', (c) => {
    const { server, result } = run(c);
    c.expect(server);
    expect(result.lost).toEqual((c.lost ?? []).map((l) => expect.objectContaining(l)));
  });

  it('changes nothing when the local person changed nothing', () => {
    const { result, updates } = run({ name: 'none', local: () => {}, expect: () => {} });
    expect(result.edits).toEqual([]);
    expect(updates).toEqual([]);
  });

  it('[C3] a long offline session goes back in updates below the size bound, nothing lost', () => {
    const long = 'Lange tekst met een paar woorden. '.repeat(140).slice(0, 4_900);
    const fields = ['situation', 'strengths', 'concerns'] as const;
    const { server, result, updates } = run(
      {
        name: 'long',
        local: (doc) => {
          for (const field of fields) perspectiveText(doc, 'patient', field).insert(0, long);
          for (const field of fields)
            perspectiveText(doc, 'refugee', field).insert(0, `${field}: ${long}`.slice(0, 5_000));
        },
        expect: () => {},
      },
      4 * 1024,
    );
    expect(result.lost).toEqual([]);
    for (const field of fields) {
      expect(perspectiveText(server, 'patient', field).toString()).toBe(long);
      expect(perspectiveText(server, 'refugee', field).toString()).toBe(`${field}: ${long}`.slice(0, 5_000));
    }
    expect(updates.length).toBeGreaterThan(6);
    for (const update of updates) expect(update.byteLength).toBeLessThanOrEqual(4 * 1024);
  });

  it('lists every text it writes, whole, in case those are refused too', () => {
    const { result } = run({
      name: 'written',
      server: (doc) => title(doc).insert(0, 'Betaald '),
      local: (doc) => title(doc).insert(title(doc).length, ' in de zorg'),
      expect: () => {},
    });
    expect(result.written).toEqual([
      { path: ['goals', goalId, 'title'], text: 'Betaald Werk vinden in de zorg' },
    ]);
  });

  it.each([
    ['abcdef', 3, ['abc', 'def']],
    ['ab😀cd', 3, ['ab', '😀c', 'd']],
    ['', 3, []],
  ])('cuts %j in pieces of %i without splitting a character', (text, size, pieces) => {
    expect(chunks(text, size)).toEqual(pieces);
  });
});
