import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardShape } from '../../../shared/doc/boardShape.js';
import { jsonSchemaOf } from '../../../shared/doc/shape.js';
import {
  appendObservation,
  ensureSignalPlan,
  observationsOf,
  protectiveFactorsText,
  readObservations,
  readSignalPlan,
  setCallContact,
  setRelapseKind,
  signalPlanOf,
  signalText,
} from '../../../shared/doc/signalPlan.js';
import { observationShape } from '../../../shared/doc/signalPlanShape.js';
import type { RelapseKind } from '../../../shared/doc/signalPlanShape.js';
import { InvalidUpdate, validateUpdate } from '../../../server/sync/validation/updateValidator.js';
import { capture, inSyncWith } from '../../utils/updates.js';

/**
 * The signal plan is co-edited live like the rest of the board; the observations timeline is
 * written by the server alone (SPEC V8), so nobody can rewrite what was seen and when.
 */
const observation = {
  at: '2026-03-01T10:00:00.000Z',
  authorId: 'p-1',
  authorName: 'Regievoerder',
  state: 'amber' as const,
  note: 'Slaapt slecht, zegt afspraken af.',
  relapse: false,
  moves: [],
};

/** A server board with a signal plan and one observation, and a client in sync with it. */
function setup() {
  const server = new Y.Doc();
  for (const root of Object.keys(boardShape)) server.getMap(root);
  ensureSignalPlan(server);
  protectiveFactorsText(server).insert(0, 'Zus woont dichtbij');
  const observationId = appendObservation(server, observation);
  const client = inSyncWith(server);
  return { server, client, observationId };
}
type Setup = ReturnType<typeof setup>;

const entry = (doc: Y.Doc, id: string) => observationsOf(doc).get(id)!;
const state = (doc: Y.Doc, s: 'green' | 'amber' | 'red') => signalPlanOf(doc).get(s) as Y.Map<unknown>;

const accepted: { name: string; edit: (client: Y.Doc) => void }[] = [
  {
    name: 'type the signs of amber',
    edit: (c) => signalText(c, 'amber', 'signs').insert(0, 'Slaapt slecht'),
  },
  {
    name: 'type what the network does in red',
    edit: (c) => signalText(c, 'red', 'networkActions').insert(0, 'Bel'),
  },
  { name: 'delete part of the protective factors', edit: (c) => protectiveFactorsText(c).delete(0, 4) },
  { name: 'watch for an addiction relapse', edit: (c) => setRelapseKind(c, 'addiction', true) },
  { name: 'name whom to call in red', edit: (c) => setCallContact(c, 'red', { name: 'Crisisdienst' }) },
  {
    name: 'a phone number with country code',
    edit: (c) => setCallContact(c, 'red', { phone: '+31 (0)20-1234567' }),
  },
  { name: 'a Dutch service number', edit: (c) => setCallContact(c, 'amber', { phone: '0900-1234567' }) },
  { name: 'clear a phone number', edit: (c) => setCallContact(c, 'amber', { phone: '' }) },
  {
    name: 'signs up to 3,000 characters',
    edit: (c) => signalText(c, 'green', 'signs').insert(0, 'x'.repeat(3_000)),
  },
];

describe('[V1–V6] the signal plan is co-edited like the rest of the board', () => {
  for (const { name, edit } of accepted) {
    it(`${name}: accepted and applied as the client sees it`, () => {
      const s = setup();
      const update = capture(s.client, () => edit(s.client));
      expect(() => validateUpdate(s.server, update, boardShape)).not.toThrow();
      Y.applyUpdate(s.server, update);
      expect(readSignalPlan(s.server)).toEqual(readSignalPlan(s.client));
    });
  }

  it('unticking a relapse kind that was watched is accepted', () => {
    const s = setup();
    const tick = capture(s.client, () => setRelapseKind(s.client, 'somatic', true));
    validateUpdate(s.server, tick, boardShape);
    Y.applyUpdate(s.server, tick);
    const untick = capture(s.client, () => setRelapseKind(s.client, 'somatic', false));
    expect(() => validateUpdate(s.server, untick, boardShape)).not.toThrow();
    Y.applyUpdate(s.server, untick);
    expect(readSignalPlan(s.server).relapseKinds).toEqual([]);
  });

  it('a browser may create the plan’s structure on a board that has none yet', () => {
    const server = new Y.Doc();
    for (const root of Object.keys(boardShape)) server.getMap(root);
    const client = new Y.Doc();
    const update = capture(client, () => ensureSignalPlan(client));
    expect(() => validateUpdate(server, update, boardShape)).not.toThrow();
  });
});

interface Refusal {
  rule: string;
  name: string;
  edit: (client: Y.Doc, s: Setup) => void;
  reason: RegExp;
}

const serverOnly = /observations is written by the server only/;
const refused: Refusal[] = [
  {
    rule: 'V8',
    name: 'adding an observation',
    edit: (c) => appendObservation(c, { ...observation, state: 'green', note: 'Gaat prima' }),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'adding an observation in the name of someone else, backdated',
    edit: (c) =>
      appendObservation(c, { ...observation, authorId: 'p-other', at: '2020-01-01T00:00:00.000Z' }),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'changing the note of an observation',
    edit: (c, s) => entry(c, s.observationId).set('note', 'Niets aan de hand'),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'changing the state of an observation',
    edit: (c, s) => entry(c, s.observationId).set('state', 'green'),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'changing when it was observed',
    edit: (c, s) => entry(c, s.observationId).set('at', '2020-01-01T00:00:00.000Z'),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'deleting an observation',
    edit: (c, s) => observationsOf(c).delete(s.observationId),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'deleting one field of an observation',
    edit: (c, s) => entry(c, s.observationId).delete('moves'),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'replacing an observation under its own id',
    edit: (c, s) => observationsOf(c).set(s.observationId, new Y.Map()),
    reason: serverOnly,
  },
  {
    rule: 'V8',
    name: 'an observation pointing to state "purple"',
    edit: (c) => appendObservation(c, { ...observation, state: 'purple' as 'red' }),
    reason: serverOnly,
  },
  {
    rule: 'V2',
    name: 'a phone number "abc"',
    edit: (c) => setCallContact(c, 'red', { phone: 'abc' }),
    reason: /signalPlan\.red\.callPhone must be a phone number/,
  },
  {
    rule: 'V2',
    name: 'a phone number with a script in it',
    edit: (c) => setCallContact(c, 'red', { phone: '06<script>' }),
    reason: /callPhone must be a phone number/,
  },
  {
    rule: 'V2',
    name: 'a contact name over 120 characters',
    edit: (c) => setCallContact(c, 'green', { name: 'x'.repeat(121) }),
    reason: /signalPlan\.green\.callName/,
  },
  {
    rule: 'V2',
    name: 'an unknown relapse kind',
    edit: (c) => setRelapseKind(c, 'gambling' as RelapseKind, true),
    reason: /signalPlan\.relapseKinds\.gambling is not allowed/,
  },
  {
    rule: 'V2',
    name: 'a relapse kind marked false instead of removed',
    edit: (c) => (signalPlanOf(c).get('relapseKinds') as Y.Map<unknown>).set('somatic', false),
    reason: /signalPlan\.relapseKinds\.somatic/,
  },
  {
    rule: 'V2',
    name: 'a fourth state "purple" in the plan',
    edit: (c) => signalPlanOf(c).set('purple', new Y.Map()),
    reason: /signalPlan\.purple is not allowed/,
  },
  {
    rule: 'V2',
    name: 'an unknown field in a state',
    edit: (c) => state(c, 'amber').set('mood', 'somber'),
    reason: /signalPlan\.amber\.mood is not allowed/,
  },
  {
    rule: 'V2',
    name: 'signs as a plain value instead of text',
    edit: (c) => state(c, 'amber').set('signs', 'Slaapt slecht'),
    reason: /signalPlan\.amber\.signs must be text/,
  },
  {
    rule: 'V3',
    name: 'signs past 3,000 characters',
    edit: (c) => signalText(c, 'red', 'signs').insert(0, 'x'.repeat(3_001)),
    reason: /signalPlan\.red\.signs would exceed 3000/,
  },
  {
    rule: 'V3',
    name: 'bold in the protective factors',
    edit: (c) => {
      protectiveFactorsText(c).insert(0, 'Zus');
      protectiveFactorsText(c).format(0, 3, { bold: true });
    },
    reason: /plain text/,
  },
  {
    rule: 'V6',
    name: 'deleting the triggers of a state that stays',
    edit: (c) => state(c, 'green').delete('triggers'),
    reason: /signalPlan\.green\.triggers is required/,
  },
];

describe('validateUpdate refuses what would rewrite history or break the signal plan', () => {
  for (const { rule, name, edit, reason } of refused) {
    it(`[${rule}] ${name} is refused and the document stays byte-identical`, () => {
      const s = setup();
      const update = capture(s.client, () => edit(s.client, s));
      const before = Y.encodeStateAsUpdate(s.server);
      expect(() => validateUpdate(s.server, update, boardShape)).toThrow(InvalidUpdate);
      expect(() => validateUpdate(s.server, update, boardShape)).toThrow(reason);
      expect(Y.encodeStateAsUpdate(s.server)).toEqual(before);
      expect(readObservations(s.server)).toEqual([{ ...observation, id: s.observationId }]);
    });
  }

  it('[V8] the server’s own observations reach a client, who then holds an exact copy', () => {
    const s = setup();
    const id = appendObservation(s.server, { ...observation, state: 'red', at: '2026-03-02T08:00:00.000Z' });
    Y.applyUpdate(s.client, Y.encodeStateAsUpdate(s.server, Y.encodeStateVector(s.client)));
    expect(readObservations(s.client).map((o) => o.id)).toEqual([s.observationId, id]);
  });

  it('[V2] an observation only knows the states green, amber and red', () => {
    const schema = jsonSchemaOf(observationShape);
    expect(schema.safeParse(observation).success).toBe(true);
    expect(schema.safeParse({ ...observation, state: 'purple' }).success).toBe(false);
    expect(
      schema.safeParse({ ...observation, moves: [{ goalId: 'g1', from: 'x', to: 'treatment' }] }).success,
    ).toBe(false);
  });
});
