import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { createGoal, perspectivesOf } from '../../shared/doc/board.js';
import { setPerspectiveActive, setPerspectiveLead } from '../../shared/doc/perspectives.js';
import { caseDocumentName } from '../../shared/protocol.js';
import type { Db } from '../db/database.js';
import type { DocumentStore } from '../db/documentStore.js';
import { hashPassword } from '../auth/passwords.js';
import { accountService } from '../services/accounts.js';
import { summaryStore } from '../caseload/summaries.js';
import { demoData } from './data.js';
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
  db: Db,
  store: DocumentStore,
  data: DemoData = demoData,
  today = new Date(),
): Promise<boolean> {
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases').get()?.n ?? 0;
  if (count > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  db.transaction(() => {
    db.prepare('INSERT INTO districts (id, name) VALUES (?, ?)').run(data.district.id, data.district.name);
    const neighbourhood = db.prepare('INSERT INTO neighbourhoods (id, district_id, name) VALUES (?, ?, ?)');
    for (const n of data.neighbourhoods) neighbourhood.run(n.id, data.district.id, n.name);
    const organisation = db.prepare('INSERT INTO organisations (id, name, kind) VALUES (?, ?, ?)');
    for (const o of data.organisations) organisation.run(o.id, o.name, o.kind);
    const team = db.prepare('INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES (?, ?, ?, ?)');
    for (const t of data.teams) team.run(t.id, t.name, t.kind, t.neighbourhoodId);
    const professional = db.prepare(`INSERT INTO professionals
      (id, name, role_title, domain, team_id, organisation_id, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const p of data.professionals) {
      professional.run(p.id, p.name, p.roleTitle, p.domain, p.teamId, p.organisationId, p.phone, p.email);
    }
    const insertCase = db.prepare(`INSERT INTO cases
      (id, client_name, birth_year, neighbourhood_id, coordinator_id, recovery_context, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const member = db.prepare(
      'INSERT INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, ?, ?)',
    );
    const summaries = summaryStore(db);
    const nameOf = new Map(data.professionals.map((p) => [p.id, p.name]));
    const boards = new Map<string, Y.Doc>();
    // Random ids, made once per database: an id never says whose case it is (a name slug would
    // let anyone signed in test whether a person is a client; SPEC A3).
    const caseIds = new Map(data.cases.map((c) => [c.key, randomUUID()]));
    for (const [index, c] of data.cases.entries()) {
      const caseId = caseIds.get(c.key)!;
      insertCase.run(
        caseId,
        c.clientName,
        c.birthYear,
        c.neighbourhoodId,
        c.coordinatorId,
        c.recoveryContext,
        today.toISOString(),
      );
      // Pharmacists read along with the plan; they do not change it.
      for (const m of c.members)
        member.run(caseId, m.professionalId, m.caseRole, m.caseRole === 'apotheker' ? 'read' : 'write');
      const board = demoBoard(c, today);
      seedSignalPlan(board, c, index, today, nameOf.get(c.coordinatorId) ?? 'Regievoerder');
      store.replace(caseDocumentName(caseId), Y.encodeStateAsUpdate(board));
      summaries.project(caseId, board, today, today);
      boards.set(caseId, board);
    }
    seedAccounts(db, data, caseIds, passwordHash);
    if (data === demoData) seedMeetings(db, store, caseIds, boards, today);
  })();
  return true;
}

function seedAccounts(
  db: Db,
  data: DemoData,
  caseIds: ReadonlyMap<string, string>,
  passwordHash: string,
): void {
  const accounts = accountService(db);
  const coordinators = new Set(data.cases.map((c) => c.coordinatorId));
  accounts.create({ username: 'beheer', displayName: 'Functioneel beheer', role: 'admin', passwordHash });
  for (const p of data.professionals) {
    const username = p.id.replace(/^prof-/, '').split('-')[0]!;
    accounts.create({
      username,
      displayName: p.name,
      role: coordinators.has(p.id) ? 'coordinator' : 'professional',
      professionalId: p.id,
      passwordHash,
    });
  }
  for (const [username, key] of Object.entries(demoClients)) {
    const demoCase = data.cases.find((c) => c.key === key);
    const caseId = caseIds.get(key);
    if (!demoCase || !caseId) continue;
    accounts.create({
      username,
      displayName: demoCase.clientName,
      role: 'client',
      clientCaseId: caseId,
      passwordHash,
    });
  }
}
