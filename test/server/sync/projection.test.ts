import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../../shared/protocol.js';
import type { SummaryStore } from '../../../server/caseload/summaries.js';
import { createLogger } from '../../../server/logger.js';
import { Projection } from '../../../server/sync/extensions/projection.js';
import { eventually } from '../../utils/eventually.js';

/**
 * The caseload reads one summary row per case; the Projection concern keeps that row up to date
 * shortly after the board changes, without writing a row per keystroke.
 */
interface Projected {
  caseId: string;
  changedAt: Date | null;
}

/** A summary store that records what it was asked to project. */
function recordingStore(existing: string[] = []) {
  const rows = new Set(existing);
  const projected: Projected[] = [];
  const store: Pick<SummaryStore, 'has' | 'project'> = {
    has: async (caseId) => rows.has(caseId),
    async project(caseId, _doc, changedAt) {
      rows.add(caseId);
      projected.push({ caseId, changedAt });
    },
  };
  return { store, projected };
}

const board = caseDocumentName('c1');
const change = (projection: Projection, doc: Y.Doc, name = board) =>
  projection.onChange({
    documentName: name,
    doc,
    update: new Uint8Array(),
    connection: null,
    actor: null,
    touched: [],
  });

let projection: Projection | null = null;
afterEach(async () => {
  await projection?.onDestroy();
  projection = null;
});
const start = (store: Pick<SummaryStore, 'has' | 'project'>, debounceMs: number) => {
  projection = new Projection(store, { debounceMs }, createLogger('silent'));
  return projection;
};

describe('Projection: the caseload row follows the board', () => {
  it('a burst of typing is written once, shortly after, with the time of the last change', async () => {
    const { store, projected } = recordingStore(['c1']);
    const p = start(store, 30);
    const doc = new Y.Doc();
    const before = new Date();
    for (let i = 0; i < 20; i++) change(p, doc);
    expect(projected).toEqual([]);
    await eventually(() => expect(projected).toHaveLength(1));
    expect(projected[0]!.caseId).toBe('c1');
    expect(projected[0]!.changedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('a change after the row was written is written again', async () => {
    const { store, projected } = recordingStore(['c1']);
    const p = start(store, 10);
    const doc = new Y.Doc();
    change(p, doc);
    await eventually(() => expect(projected).toHaveLength(1));
    change(p, doc);
    await eventually(() => expect(projected).toHaveLength(2));
  });

  it('a board leaving memory is written at once, not after the wait', async () => {
    const { store, projected } = recordingStore(['c1']);
    const p = start(store, 60_000);
    const doc = new Y.Doc();
    change(p, doc);
    await p.onStoreDocument({ documentName: board, doc });
    expect(projected.map((r) => r.caseId)).toEqual(['c1']);
  });

  it('a server that stops writes what was still waiting', async () => {
    const { store, projected } = recordingStore(['c1', 'c2']);
    const p = start(store, 60_000);
    change(p, new Y.Doc(), caseDocumentName('c1'));
    change(p, new Y.Doc(), caseDocumentName('c2'));
    await p.onDestroy();
    expect(projected.map((r) => r.caseId).sort()).toEqual(['c1', 'c2']);
  });

  it('a board loaded without a row gets one (not marked as changed); one with a row is left alone', async () => {
    const { store, projected } = recordingStore(['c1']);
    const p = start(store, 10);
    await p.onLoadDocument({ documentName: caseDocumentName('c1'), doc: new Y.Doc() });
    await p.onLoadDocument({ documentName: caseDocumentName('c2'), doc: new Y.Doc() });
    expect(projected).toEqual([{ caseId: 'c2', changedAt: null }]);
  });

  it('compartment documents (medical, social) never feed the caseload', async () => {
    const { store, projected } = recordingStore();
    const p = start(store, 0);
    for (const part of ['medical', 'social'] as const) {
      const name = caseDocumentName('c1', part);
      await p.onLoadDocument({ documentName: name, doc: new Y.Doc() });
      change(p, new Y.Doc(), name);
      await p.onStoreDocument({ documentName: name, doc: new Y.Doc() });
    }
    expect(projected).toEqual([]);
  });

  it('a failing projection is logged and does not break the next change', async () => {
    let fail = true;
    const projected: string[] = [];
    const store: Pick<SummaryStore, 'has' | 'project'> = {
      has: async () => true,
      async project(caseId) {
        if (fail) throw new Error('disk full');
        projected.push(caseId);
      },
    };
    const p = start(store, 0);
    const doc = new Y.Doc();
    await expect(p.onStoreDocument({ documentName: board, doc })).resolves.toBeUndefined();
    change(p, doc);
    // A failed write is logged, never a rejection (the timer's flush has nobody to catch it).
    await expect(p.onStoreDocument({ documentName: board, doc })).resolves.toBeUndefined();
    fail = false;
    change(p, doc);
    await eventually(() => expect(projected).toEqual(['c1']));
  });
});
