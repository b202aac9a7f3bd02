import type * as Y from 'yjs';
import { createGoal } from '../../shared/doc/board.js';
import { setPerspectiveActive } from '../../shared/doc/perspectives.js';
import type { NewGoal } from '../../shared/doc/board.js';
import { ensureSignalPlan, signalText } from '../../shared/doc/signalPlan.js';
import type { PerspectiveId } from '../../shared/domain.js';
import type { SignalState } from '../../shared/risk.js';
import { addMember, addProfessional } from './accounts.js';
import { addCase, boardDoc, observe, project } from './cases.js';
import type { CaseOptions } from './cases.js';
import { startTestServer } from './server.js';
import type { TestServer } from './server.js';

export type CaseloadViewer = 'coordinator' | 'professional' | 'otherCoordinator' | 'teamMate';
export type CaseloadPeople = Record<CaseloadViewer, { userId: string; professionalId: string }> & {
  admin: string;
  client: string;
};

/** What a board holds, for its summary row. */
interface BoardSpec {
  plan?: boolean;
  perspectives?: PerspectiveId[];
  goals?: NewGoal[];
  /** Observations: the state and how many days ago it was seen, oldest first. */
  seen?: [SignalState, number][];
}

interface ClientSpec extends CaseOptions {
  key: string;
  members?: [who: CaseloadViewer, access: 'write' | 'read'][];
  /** Without a board nobody opened it yet: the case has no summary row. */
  board?: BoardSpec & { changedHoursAgo: number };
}

function buildBoard(spec: BoardSpec): Y.Doc {
  return boardDoc((doc) => {
    if (spec.plan) {
      ensureSignalPlan(doc);
      signalText(doc, 'amber', 'signs').insert(0, 'Slaapt slecht');
    }
    for (const p of spec.perspectives ?? []) setPerspectiveActive(doc, p, true);
    for (const goal of spec.goals ?? []) createGoal(doc, goal);
    for (const [state, daysAgo] of spec.seen ?? []) observe(doc, state, daysAgo);
  });
}

const noord = { id: 'noord', name: 'Noord' };
const zuid = { id: 'zuid', name: 'Zuid' };

/**
 * The clients of one neighbourhood: the coordinator's own (red, amber, green, too quiet, never
 * opened), one they are a member of, someone else's (named to match the same filters and with the
 * coordinator as owner on its board) and a closed one.
 */
function clientsOf(p: CaseloadPeople): ClientSpec[] {
  const mine = p.coordinator.professionalId;
  const theirs = p.otherCoordinator.professionalId;
  const overdue = { text: 'Bellen', dueDate: '2020-01-01', ownerId: p.professional.professionalId };
  const red: [SignalState, number][] = [
    ['green', 10],
    ['red', 1],
  ];
  const amber: [SignalState, number][] = [
    ['green', 10],
    ['amber', 2],
  ];
  const care = (ownerId: string | null = null): NewGoal => ({
    title: 'Rust',
    domain: 'care',
    phase: 'transition',
    ownerId,
    steps: [overdue],
  });
  const language: NewGoal = {
    title: 'Taal',
    domain: 'work',
    phase: 'treatment',
    steps: [{ text: 'Les', ownerId: p.professional.professionalId }],
  };
  const work: NewGoal = { title: 'Werk', domain: 'work', phase: 'rebuilding', ownerId: mine };
  return [
    {
      key: 'anna',
      clientName: 'Anna de Vries',
      coordinatorId: mine,
      board: { plan: true, perspectives: ['patient'], goals: [care()], seen: red, changedHoursAgo: 1 },
    },
    {
      key: 'bramUnderscore',
      clientName: 'Bram_de_Boer',
      neighbourhood: zuid,
      coordinatorId: mine,
      board: { plan: true, perspectives: ['refugee'], goals: [language], seen: amber, changedHoursAgo: 2 },
    },
    { key: 'bram', clientName: 'Bram de Boer', coordinatorId: mine },
    {
      key: 'ozlem',
      clientName: 'Özlem Yılmaz',
      neighbourhood: zuid,
      coordinatorId: mine,
      board: { plan: true, goals: [work], seen: [['green', 3]], changedHoursAgo: 3 },
    },
    {
      key: 'kees',
      clientName: 'Kees 100% Kaas',
      coordinatorId: mine,
      board: { seen: [['green', 40]], changedHoursAgo: 4 },
    },
    {
      key: 'cor',
      clientName: 'Cor Smit',
      neighbourhood: zuid,
      coordinatorId: theirs,
      members: [
        ['coordinator', 'write'],
        ['professional', 'read'],
      ],
    },
    {
      key: 'foreign',
      clientName: 'Anna 100% Vreemd_e',
      coordinatorId: theirs,
      members: [['professional', 'write']],
      board: {
        perspectives: ['patient', 'refugee'],
        goals: [{ ...care(mine), phase: 'treatment' }],
        seen: [['red', 1]],
        changedHoursAgo: 1,
      },
    },
    {
      key: 'nobodys',
      clientName: 'Fenna Elders',
      neighbourhood: zuid,
      coordinatorId: theirs,
      board: { seen: [['green', 1]], changedHoursAgo: 1 },
    },
    {
      key: 'closed',
      clientName: 'Gesloten Zaak',
      coordinatorId: mine,
      status: 'closed',
      board: { seen: [['red', 1]], changedHoursAgo: 1 },
    },
  ];
}

/**
 * A server with the clients above, their summary rows written as the projection would have
 * written them (no board is ever loaded), and the people who look at them; `ids` by client key.
 */
export async function startCaseloadFixture(): Promise<{
  server: TestServer;
  people: CaseloadPeople;
  ids: Record<string, string>;
}> {
  const server = await startTestServer();
  const { db } = server;
  const people = {
    coordinator: addProfessional(server, { role: 'coordinator', name: 'Carla Coördinator' }),
    professional: addProfessional(server, { name: 'Piet Professional' }),
    otherCoordinator: addProfessional(server, { role: 'coordinator', name: 'Olga Anders' }),
    teamMate: addProfessional(server, { name: 'Teun Teamgenoot' }),
  } as CaseloadPeople;
  const ids: Record<string, string> = {};
  for (const { key, members = [], board, ...options } of clientsOf(people)) {
    const caseId = addCase(db, { neighbourhood: noord, ...options });
    ids[key] = caseId;
    for (const [who, access] of members) addMember(db, caseId, people[who].professionalId, access);
    if (board)
      await project(db, caseId, buildBoard(board), new Date(Date.now() - board.changedHoursAgo * 3_600_000));
  }
  const account = (role: 'admin' | 'client', clientCaseId: string | null = null) =>
    server.services.accounts.create({ username: `${role}-caseload`, displayName: role, role, clientCaseId });
  people.admin = await account('admin');
  people.client = await account('client', ids.anna);
  return { server, people, ids };
}
