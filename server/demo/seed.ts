import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { createGoal, perspectivesOf } from '../../shared/doc/board.js';
import { setPerspectiveActive, setPerspectiveLead } from '../../shared/doc/perspectives.js';
import { caseDocumentName } from '../../shared/protocol.js';
import { foldName } from '../../shared/search.js';
import type { DocumentStore } from '../db/documentStore.js';
import { hashPassword } from '../auth/passwords.js';
import { summaryStore } from '../caseload/summaries.js';
import type { Data, Executor } from '../storage/data.js';
import { demoData } from './data.js';
import { seedCollaborationHealth } from './seedCollaborationHealth.js';
import { seedGlossary } from './seedGlossary.js';
import { seedDecisionTree, seedSocialMap } from './seedSocialMap.js';
import { seedMeetings } from './meetings.js';
import { seedSignalPlan } from './signalPlans.js';
import type { DemoCase, DemoData } from './types.js';

const isoDay = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Builds the board document of a demo case as the team would have made it. */
export function demoBoard(demoCase: DemoCase, today: Date): Y.Doc {
  const doc = new Y.Doc();
  for (const [index, p] of demoCase.perspectives.entries()) {
    setPerspectiveActive(doc, p.id, true);
    setPerspectiveLead(doc, p.id, p.leadId);
    const map = perspectivesOf(doc).get(p.id)!;
    doc.transact(() => {
      if (p.label) {
        map.set('label', p.label);
        // Custom perspectives keep the order in which the team added them.
        map.set('addedAt', new Date(today.getTime() + index).toISOString());
      }
      (map.get('situation') as Y.Text).insert(0, p.situation);
      (map.get('strengths') as Y.Text).insert(0, p.strengths);
      (map.get('concerns') as Y.Text).insert(0, p.concerns);
    });
  }
  for (const goal of demoCase.goals) {
    createGoal(doc, {
      title: goal.title,
      clientWords: goal.clientWords ?? '',
      domain: goal.domain,
      phase: goal.phase,
      status: goal.status,
      ownerId: goal.ownerId,
      targetDate: goal.targetInDays === undefined ? null : isoDay(today, goal.targetInDays),
      visibleToClient: goal.visibleToClient,
      perspectives: goal.perspectives,
      steps: goal.steps.map((s) => ({
        text: s.text,
        ownerId: s.ownerId,
        dueDate: s.dueInDays === undefined ? null : isoDay(today, s.dueInDays),
        done: s.done,
      })),
    });
  }
  return doc;
}

/** The demo password of every demo account (demo mode only). */
export const demoPassword = 'veelzijdig-demo';

/** Demo accounts for every role, as printed at start and listed in the README. */
export const demoAccounts = [
  { username: 'beheer', what: 'admin (functioneel beheerder)' },
  { username: 'sevda', what: 'coordinator, Wmo-consulent (social domain); coordinates Ahmet Yılmaz' },
  { username: 'youssef', what: 'professional, huisarts (medical domain)' },
  { username: 'nadia', what: 'professional, schuldhulpverlener (social domain)' },
  { username: 'linh', what: 'professional, apotheker: reads along read-only on Ahmet Yılmaz' },
  { username: 'ahmet', what: 'client: Ahmet Yılmaz, his own plan' },
] as const;

/** The demo clients with an account: username and the dataset key of their case. */
const demoClients: Record<string, string> = { ahmet: 'ahmet-yilmaz', fatima: 'fatima-ouali' };

/** Seeds the demo neighbourhood and its accounts into an empty database; false when cases exist. */
export async function seedDemo(
  data: Data,
  store: DocumentStore,
  dataset: DemoData = demoData,
  today = new Date(),
): Promise<boolean> {
  const count = await data.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  if (Number(count?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  // One transaction for every row: fast, and all or nothing.
  await data.write(async (trx) => {
    await seedPlaces(trx, dataset);
    const summaries = summaryStore(data);
    const nameOf = new Map(dataset.professionals.map((p) => [p.id, p.name]));
    const boards = new Map<string, Y.Doc>();
    // Random ids, made once per database: an id never says whose case it is (a name slug would
    // let anyone signed in test whether a person is a client; SPEC A3).
    const caseIds = new Map(dataset.cases.map((c) => [c.key, randomUUID()]));
    for (const [index, c] of dataset.cases.entries()) {
      const caseId = caseIds.get(c.key)!;
      await trx
        .insertInto('cases')
        .values({
          id: caseId,
          client_name: c.clientName,
          client_name_key: foldName(c.clientName),
          birth_year: c.birthYear,
          neighbourhood_id: c.neighbourhoodId,
          coordinator_id: c.coordinatorId,
          recovery_context: c.recoveryContext,
          created_at: today.toISOString(),
        })
        .execute();
      // Pharmacists read along with the plan; they do not change it.
      if (c.members.length > 0)
        await trx
          .insertInto('case_members')
          .values(
            c.members.map((m) => ({
              case_id: caseId,
              professional_id: m.professionalId,
              case_role: m.caseRole,
              access: m.caseRole === 'apotheker' ? ('read' as const) : ('write' as const),
            })),
          )
          .execute();
      const board = demoBoard(c, today);
      seedSignalPlan(board, c, index, today, nameOf.get(c.coordinatorId) ?? 'Regievoerder');
      store.replace(caseDocumentName(caseId), Y.encodeStateAsUpdate(board));
      await summaries.project(caseId, board, today, today, trx);
      boards.set(caseId, board);
    }
    await seedAccounts(trx, dataset, caseIds, passwordHash);
    if (dataset === demoData) {
      await seedMeetings(data, trx, store, caseIds, boards, today);
      await seedSocialMap(data, trx, dataset.district.id, today);
      await seedDecisionTree(data, trx, dataset.district.id);
      await seedGlossary(trx, dataset.district.id);
      await seedCollaborationHealth(trx, dataset, today);
    }
  });
  return true;
}

/** The district, its neighbourhoods, the organisations, teams and professionals. */
async function seedPlaces(trx: Executor, data: DemoData): Promise<void> {
  await trx.insertInto('districts').values({ id: data.district.id, name: data.district.name }).execute();
  for (const n of data.neighbourhoods)
    await trx
      .insertInto('neighbourhoods')
      .values({ id: n.id, district_id: data.district.id, name: n.name })
      .execute();
  for (const o of data.organisations)
    await trx.insertInto('organisations').values({ id: o.id, name: o.name, kind: o.kind }).execute();
  for (const t of data.teams)
    await trx
      .insertInto('teams')
      .values({ id: t.id, name: t.name, kind: t.kind, neighbourhood_id: t.neighbourhoodId })
      .execute();
  for (const p of data.professionals)
    await trx
      .insertInto('professionals')
      .values({
        id: p.id,
        name: p.name,
        role_title: p.roleTitle,
        domain: p.domain,
        team_id: p.teamId,
        organisation_id: p.organisationId,
        phone: p.phone,
        email: p.email,
      })
      .execute();
}

/** The demo accounts, written in the seed's transaction (every demo username is new). */
async function seedAccounts(
  trx: Executor,
  data: DemoData,
  caseIds: ReadonlyMap<string, string>,
  passwordHash: string,
): Promise<void> {
  const createdAt = new Date().toISOString();
  const account = (user: {
    username: string;
    displayName: string;
    role: 'admin' | 'coordinator' | 'professional' | 'client';
    professionalId?: string;
    clientCaseId?: string;
  }) => ({
    id: randomUUID(),
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    professional_id: user.professionalId ?? null,
    client_case_id: user.clientCaseId ?? null,
    password_hash: passwordHash,
    created_at: createdAt,
  });
  const coordinators = new Set(data.cases.map((c) => c.coordinatorId));
  const users = [account({ username: 'beheer', displayName: 'Functioneel beheer', role: 'admin' })];
  for (const p of data.professionals) {
    const username = p.id.replace(/^prof-/, '').split('-')[0]!;
    users.push(
      account({
        username,
        displayName: p.name,
        role: coordinators.has(p.id) ? 'coordinator' : 'professional',
        professionalId: p.id,
      }),
    );
  }
  for (const [username, key] of Object.entries(demoClients)) {
    const demoCase = data.cases.find((c) => c.key === key);
    const caseId = caseIds.get(key);
    if (!demoCase || !caseId) continue;
    users.push(account({ username, displayName: demoCase.clientName, role: 'client', clientCaseId: caseId }));
  }
  await trx.insertInto('users').values(users).execute();
}
