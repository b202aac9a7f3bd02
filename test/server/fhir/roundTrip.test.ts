import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/doc/board.js';
import { readBoard } from '../../../shared/doc/board.js';
import { readSignalPlan } from '../../../shared/doc/signalPlan.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { boardFromBundle, importBundleSchema, writeImportedBoard } from '../../../server/fhir/importBoard.js';
import { api, errorOf } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The export is complete enough to move a case (SPEC FH6): every demo board, exported as FHIR and
 * read back into an empty board, has the same goals and steps (in the same order), the same
 * perspectives with their texts, and the same signal plan.
 */
let server: TestServer;
let caseIds: string[];
let professionals: Set<string>;
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  caseIds = (server.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );
  professionals = new Set(
    (server.db.prepare('SELECT id FROM professionals').all() as { id: string }[]).map((r) => r.id),
  );
});
afterAll(async () => {
  await server?.close();
});

/** What moving a case must keep; the order keys themselves are the new board's own. */
const comparable = (board: Board) => ({
  goals: board.goals.map(({ order: _o, services: _s, createdAt, steps, perspectives, ...goal }) => ({
    ...goal,
    perspectives: [...perspectives].sort(),
    // The export gives the day a goal was made (Goal.startDate is a date).
    createdOn: createdAt?.slice(0, 10) ?? null,
    steps: steps.map(({ order: _order, ...step }) => step),
  })),
  perspectives: board.perspectives,
});

describe('[FH6] export and import give back the same board', () => {
  it('for every demo case: goals, steps, perspectives and the signal plan', async () => {
    let goals = 0;
    for (const caseId of caseIds) {
      const original = await server.sync.registry.use(caseDocumentName(caseId), (doc) => ({
        board: readBoard(doc),
        plan: readSignalPlan(doc),
      }));
      const bundle = importBundleSchema.parse(await server.services.fhir.build(caseId, { withBsn: false }));
      const imported = new Y.Doc();
      writeImportedBoard(
        imported,
        boardFromBundle(bundle, (id) => professionals.has(id)),
      );
      expect([caseId, comparable(readBoard(imported))]).toEqual([caseId, comparable(original.board)]);
      expect([caseId, readSignalPlan(imported)]).toEqual([caseId, original.plan]);
      goals += original.board.goals.length;
    }
    expect(goals).toBeGreaterThan(10);
  });

  it('people this server does not know are left out, not invented', async () => {
    const caseId = caseIds[0]!;
    const bundle = importBundleSchema.parse(await server.services.fhir.build(caseId, { withBsn: false }));
    const board = boardFromBundle(bundle, () => false);
    expect(board.goals.every((g) => g.ownerId === null && g.steps.every((s) => s.ownerId === null))).toBe(
      true,
    );
    expect(board.perspectives.every((p) => p.leadId === null)).toBe(true);
  });

  it('refuses what is not an exported case, naming what is wrong', () => {
    const wrong = importBundleSchema.safeParse({ resourceType: 'Bundle', type: 'transaction', entry: [] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['type', 'must be a collection bundle, as the export makes'],
    ]);
  });
});

describe('[FH6] the coordinator reads a plan that came with the client into a new board', () => {
  const user = (role: string) =>
    server.db
      .prepare(`SELECT id AS userId, professional_id AS professionalId FROM users WHERE role = ? LIMIT 1`)
      .get(role) as { userId: string; professionalId: string };
  const fhir = { 'content-type': 'application/fhir+json' };

  it('an empty board takes the plan, once; a full one and someone else are refused', async () => {
    const coordinator = user('coordinator');
    const source = caseIds[0]!;
    const neighbourhood = server.db
      .prepare('SELECT neighbourhood_id AS id FROM cases WHERE id = ?')
      .get(source) as {
      id: string;
    };
    const registered = await api(server, coordinator.userId, 'POST', '/api/cases', {
      clientName: 'Verhuisde Cliënt',
      dateOfBirth: '1970-05-01',
      preferredLanguage: 'nl',
      readingLevel: 'plain',
      neighbourhoodId: neighbourhood.id,
      recoveryContext: 'stroke',
      perspectives: ['patient'],
      coordinatorId: coordinator.professionalId,
      members: [],
    });
    expect(registered.status, errorOf(registered)).toBe(201);
    const target = (registered.body as { id: string }).id;
    const bundle = await server.services.fhir.build(source, { withBsn: false });

    const member = user('professional');
    expect((await api(server, member.userId, 'PUT', `/api/cases/${target}/fhir`, bundle, fhir)).status).toBe(
      404,
    );
    const bad = await api(
      server,
      coordinator.userId,
      'PUT',
      `/api/cases/${target}/fhir`,
      { resourceType: 'Patient' },
      fhir,
    );
    expect([bad.status, errorOf(bad)]).toEqual([400, 'resourceType: must be a FHIR Bundle']);

    const read = await api(server, coordinator.userId, 'PUT', `/api/cases/${target}/fhir`, bundle, fhir);
    expect(read.status, errorOf(read)).toBe(200);
    const boards = await Promise.all(
      [source, target].map((id) => server.sync.registry.use(caseDocumentName(id), (doc) => readBoard(doc))),
    );
    // The new case's team is its coordinator alone: other owners are left out, the rest is the same.
    const team = new Set([coordinator.professionalId]);
    const onTeam = (board: Board) => ({
      ...board,
      goals: board.goals.map((g) => ({
        ...g,
        ownerId: g.ownerId && team.has(g.ownerId) ? g.ownerId : null,
        steps: g.steps.map((st) => ({
          ...st,
          ownerId: st.ownerId && team.has(st.ownerId) ? st.ownerId : null,
        })),
      })),
    });
    expect(comparable(boards[1]!).goals).toEqual(comparable(onTeam(boards[0]!)).goals);

    // A large plan is read to its end (other routes keep their 100 kB): here it meets the full board.
    const large = {
      ...bundle!,
      entry: [
        ...bundle!.entry,
        ...Array.from({ length: 400 }, (_, i) => ({
          fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          resource: { resourceType: 'Basic', id: `filler-${i}`, code: { text: 'x'.repeat(400) } },
        })),
      ],
    };
    expect(JSON.stringify(large).length).toBeGreaterThan(200_000);
    expect((await api(server, coordinator.userId, 'PUT', `/api/cases/${target}/fhir`, large)).status).toBe(
      409,
    );
    const again = await api(server, coordinator.userId, 'PUT', `/api/cases/${target}/fhir`, bundle, fhir);
    expect([again.status, errorOf(again)]).toEqual([
      409,
      'the board already has goals: a plan is read only into an empty board',
    ]);
  });
});
