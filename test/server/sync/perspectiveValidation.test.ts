import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGoal, goalsOf, perspectivesOf, readBoard } from '../../../shared/doc/board.js';
import { boardShape } from '../../../shared/doc/boardShape.js';
import {
  addCustomPerspective,
  removePerspective,
  renamePerspective,
} from '../../../shared/doc/perspectives.js';
import type { PerspectiveId } from '../../../shared/domain.js';
import { InvalidUpdate, validateUpdate } from '../../../server/sync/validation/updateValidator.js';
import { capture, inSyncWith } from '../../utils/updates.js';

/**
 * Renaming and removing a custom perspective (issue 14, item 9) go through the sync server like
 * every board edit: what the shared functions write is accepted, a blank name is not (SPEC V2).
 */
function setup() {
  const server = new Y.Doc();
  for (const root of Object.keys(boardShape)) server.getMap(root);
  const seed = new Y.Doc();
  const carer = addCustomPerspective(seed, 'Mantelzorger');
  createGoal(seed, {
    id: 'g1',
    title: 'Rust in huis',
    domain: 'care',
    phase: 'treatment',
    perspectives: [carer],
  });
  createGoal(seed, {
    id: 'g2',
    title: 'Werk',
    domain: 'work',
    phase: 'rebuilding',
    perspectives: ['unemployed'],
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed));
  return { server, client: inSyncWith(server), carer };
}

function send(server: Y.Doc, update: Uint8Array): void {
  validateUpdate(server, update, boardShape);
  Y.applyUpdate(server, update);
}

describe('the sync server and custom perspectives', () => {
  it('[V2] accepts a rename and applies it as the client sees it', () => {
    const { server, client, carer } = setup();
    send(
      server,
      capture(client, () => renamePerspective(client, carer, 'Mantelzorger (zoon)')),
    );
    expect(readBoard(server).perspectives.find((p) => p.id === carer)!.label).toBe('Mantelzorger (zoon)');
  });

  it('[V6] accepts a removal that takes the perspective off its goals, in one update', () => {
    const { server, client, carer } = setup();
    send(
      server,
      capture(client, () => removePerspective(client, carer)),
    );
    expect(perspectivesOf(server).has(carer)).toBe(false);
    expect(readBoard(server).goals.map((g) => [g.id, g.perspectives])).toEqual([
      ['g1', []],
      ['g2', ['unemployed']],
    ]);
    expect(goalsOf(server).toJSON()).toEqual(goalsOf(client).toJSON());
  });

  it.each(['', '   '])(
    '[V2] refuses a blank label (%j) from a client that skips the shared rules',
    (label) => {
      const { server, client, carer } = setup();
      const update = capture(client, () => perspectivesOf(client).get(carer)!.set('label', label));
      expect(() => validateUpdate(server, update, boardShape)).toThrow(InvalidUpdate);
      expect(() => validateUpdate(server, update, boardShape)).toThrow(
        /perspectives\.custom-[a-z0-9-]+\.label/,
      );
    },
  );

  it('[V2] refuses a new custom perspective without a name', () => {
    const { server, client } = setup();
    const id = 'custom-leeg' as PerspectiveId;
    const update = capture(client, () => {
      const map = new Y.Map<unknown>();
      map.set('active', true);
      map.set('label', ' ');
      perspectivesOf(client).set(id, map);
    });
    expect(() => validateUpdate(server, update, boardShape)).toThrow(/must not be blank/);
  });
});
