import * as Y from 'yjs';
import { summaryStore } from '../../server/caseload/summaries.js';
import { sqliteData } from '../../server/storage/sqlite.js';
import type { Db } from '../../server/db/database.js';
import type { RunningServer } from '../../server/app.js';
import type { CaseloadAnswer, CaseloadRow } from '../../shared/api.js';
import { appendObservation } from '../../shared/doc/signalPlan.js';
import type { Observation } from '../../shared/doc/signalPlan.js';
import { api } from './http.js';

let counter = 0;

export interface CaseOptions {
  id?: string;
  clientName?: string;
  neighbourhood?: { id: string; name: string };
  coordinatorId?: string | null;
  status?: 'open' | 'closed';
}

/** Inserts a case (and its neighbourhood) with the given overrides; returns its id. */
export function addCase(db: Db, options: CaseOptions = {}): string {
  const id = options.id ?? `lc${++counter}`;
  const neighbourhood = options.neighbourhood ?? { id: 'n1', name: 'Testbuurt' };
  db.prepare("INSERT OR IGNORE INTO districts (id, name) VALUES ('d1', 'Testwijk')").run();
  db.prepare("INSERT OR IGNORE INTO neighbourhoods (id, district_id, name) VALUES (?, 'd1', ?)").run(
    neighbourhood.id,
    neighbourhood.name,
  );
  db.prepare(
    // A closed case has a closing time (SPEC CL6).
    `INSERT INTO cases (id, client_name, neighbourhood_id, coordinator_id, recovery_context, status, created_at, closed_at)
     VALUES (?, ?, ?, ?, 'psychiatric', ?, '2026-01-01T00:00:00Z', ?)`,
  ).run(
    id,
    options.clientName ?? `Cliënt ${counter}`,
    neighbourhood.id,
    options.coordinatorId ?? null,
    options.status ?? 'open',
    options.status === 'closed' ? '2026-01-02T00:00:00Z' : null,
  );
  return id;
}

/** A board built in memory (not on the server), e.g. to project its summary row directly. */
export function boardDoc(build: (doc: Y.Doc) => void = () => {}): Y.Doc {
  const doc = new Y.Doc();
  build(doc);
  return doc;
}

/** An observation as the server would append it; `daysAgo` sets when it was seen. */
export function observe(
  doc: Y.Doc,
  state: Observation['state'],
  daysAgo = 0,
  overrides: Partial<Omit<Observation, 'id'>> = {},
): string {
  return appendObservation(doc, {
    at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    authorId: 'p-test',
    authorName: 'Tester',
    state,
    note: 'Gezien',
    relapse: false,
    moves: [],
    ...overrides,
  });
}

/** Writes a case's summary row from a board, as the projection would after a change. */
export async function project(
  db: Db,
  caseId: string,
  doc: Y.Doc,
  changedAt: Date | null = new Date(),
): Promise<void> {
  await summaryStore(sqliteData(db)).project(caseId, doc, changedAt);
}

/** The caseload as this person's browser would ask for it; fails on any answer but 200. */
export async function caseload(
  server: RunningServer,
  userId: string,
  query: Record<string, string> = {},
): Promise<CaseloadAnswer> {
  const answer = await api(server, userId, 'GET', `/api/caseload?${new URLSearchParams(query)}`);
  if (answer.status !== 200)
    throw new Error(`caseload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as CaseloadAnswer;
}

/** One case's row on this person's caseload, or undefined when it is not on it. */
export async function caseloadRow(
  server: RunningServer,
  userId: string,
  caseId: string,
): Promise<CaseloadRow | undefined> {
  return (await caseload(server, userId, { limit: '500' })).rows.find((r) => r.caseId === caseId);
}
