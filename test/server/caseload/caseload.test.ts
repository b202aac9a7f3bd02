import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadService } from '../../../server/caseload/caseload.js';
import { sqliteData } from '../../../server/storage/sqlite.js';
import { addProfessional } from '../../utils/accounts.js';
import { startCaseloadFixture } from '../../utils/caseloadFixture.js';
import type { CaseloadPeople, CaseloadViewer } from '../../utils/caseloadFixture.js';
import { addCase, boardDoc, caseload, project } from '../../utils/cases.js';
import { api } from '../../utils/http.js';
import type { TestServer } from '../../utils/server.js';

/**
 * The coordinator's caseload: every client they coordinate or work with, filtered and sorted on
 * the summary rows, and never a client of someone else's.
 */
let server: TestServer;
let people: CaseloadPeople;
let ids: Record<string, string>;
beforeAll(async () => {
  ({ server, people, ids } = await startCaseloadFixture());
});
afterAll(async () => {
  await server?.close();
});

const caseIds = async (who: CaseloadViewer, query: Record<string, string> = {}) =>
  (await caseload(server, people[who].userId, { limit: '500', ...query })).rows.map((r) => r.caseId);
const named = (...keys: string[]) => keys.map((k) => ids[k]!);
const sorted = (list: string[]) => [...list].sort();

describe('the caseload lists exactly the clients a professional coordinates or works with', () => {
  const visible: [who: CaseloadViewer, cases: string[]][] = [
    ['coordinator', ['anna', 'bramUnderscore', 'bram', 'ozlem', 'kees', 'cor']],
    ['professional', ['cor', 'foreign']],
    ['otherCoordinator', ['cor', 'foreign', 'nobodys']],
    ['teamMate', []],
  ];
  for (const [who, cases] of visible) {
    it(`${who}: ${cases.length} client(s), never another's, never a closed case`, async () => {
      expect(sorted(await caseIds(who))).toEqual(sorted(named(...cases)));
    });
  }

  it('nothing of someone else’s client is in the answer, not even in a filter that matches it', async () => {
    const queries: Record<string, string>[] = [
      {},
      { q: 'Vreemd' },
      { state: 'red' },
      { owner: people.coordinator.professionalId },
    ];
    for (const query of queries) {
      const answer = JSON.stringify(await caseload(server, people.coordinator.userId, query));
      for (const name of ['Vreemd', 'Fenna Elders', 'Gesloten Zaak']) expect(answer).not.toContain(name);
    }
  });

  it('answers from the summary rows alone: no board is loaded to show it', async () => {
    await caseIds('coordinator');
    await caseIds('professional');
    expect(server.sync.registry.size).toBe(0);
  });
});

describe('filters narrow the caseload and never widen it to someone else’s clients', () => {
  const filters: [who: CaseloadViewer, query: Record<string, string>, cases: string[]][] = [
    ['coordinator', { state: 'red' }, ['anna']],
    ['coordinator', { state: 'amber' }, ['bramUnderscore']],
    ['coordinator', { state: 'green' }, ['ozlem', 'kees']],
    ['coordinator', { state: 'none' }, ['bram', 'cor']],
    ['coordinator', { neighbourhood: 'noord' }, ['anna', 'bram', 'kees']],
    ['coordinator', { neighbourhood: 'zuid' }, ['bramUnderscore', 'ozlem', 'cor']],
    ['coordinator', { perspective: 'patient' }, ['anna']],
    ['coordinator', { perspective: 'refugee' }, ['bramUnderscore']],
    ['coordinator', { perspective: 'custom-buurvrouw' }, []],
    ['coordinator', { owner: 'professional' }, ['anna', 'bramUnderscore']],
    // The coordinator is named owner on a board of someone else's client too: still not theirs.
    ['coordinator', { owner: 'coordinator' }, ['ozlem']],
    ['professional', { owner: 'coordinator' }, ['foreign']],
    ['coordinator', { q: 'anna' }, ['anna']],
    ['coordinator', { q: 'bram' }, ['bramUnderscore', 'bram']],
    ['coordinator', { q: '  Bram  ' }, ['bramUnderscore', 'bram']],
    ['coordinator', { q: '%' }, ['kees']],
    ['coordinator', { q: '100%' }, ['kees']],
    ['coordinator', { q: '_' }, ['bramUnderscore']],
    ['coordinator', { q: 'Bram_de' }, ['bramUnderscore']],
    ['coordinator', { q: '\\' }, []],
    ['coordinator', { q: 'özlem' }, ['ozlem']],
    ['coordinator', { q: 'ozlem yilmaz' }, ['ozlem']],
    ['coordinator', { state: 'red', neighbourhood: 'noord' }, ['anna']],
    ['coordinator', { state: 'green', neighbourhood: 'zuid' }, ['ozlem']],
    ['professional', { state: 'red' }, ['foreign']],
    ['professional', { q: '%' }, ['foreign']],
    ['professional', { perspective: 'patient' }, ['foreign']],
    ['teamMate', { state: 'red' }, []],
  ];
  for (const [who, query, cases] of filters) {
    it(`${who} ${JSON.stringify(query)} → ${cases.join(', ') || 'nobody'}`, async () => {
      // Owners are named by who they are here and asked for by their professional id.
      const asked = query.owner
        ? { ...query, owner: people[query.owner as CaseloadViewer].professionalId }
        : query;
      expect(sorted(await caseIds(who, asked))).toEqual(sorted(named(...cases)));
    });
  }
});

describe('sorting and paging', () => {
  const sorts: [sort: string, cases: string[]][] = [
    ['name', ['anna', 'bram', 'bramUnderscore', 'cor', 'kees', 'ozlem']],
    ['state', ['anna', 'bramUnderscore', 'kees', 'ozlem', 'bram', 'cor']],
    ['risk', ['anna', 'bramUnderscore', 'bram', 'cor', 'kees', 'ozlem']],
    ['lastChange', ['anna', 'bramUnderscore', 'ozlem', 'kees', 'bram', 'cor']],
  ];
  for (const [sort, cases] of sorts) {
    it(`sorted by ${sort}`, async () => {
      expect(await caseIds('coordinator', { sort })).toEqual(named(...cases));
    });
  }

  it('by risk, the most urgent comes first and the scores never rise', async () => {
    const { rows } = await caseload(server, people.coordinator.userId, { sort: 'risk' });
    const scores = rows.map((r) => r.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows[0]!.risk.level).toBe('high');
  });

  it('a page is a slice of the sorted list; the total counts every match', async () => {
    const answer = await caseload(server, people.coordinator.userId, {
      sort: 'name',
      limit: '2',
      offset: '2',
    });
    expect(answer.rows.map((r) => r.caseId)).toEqual(named('bramUnderscore', 'cor'));
    expect(answer.total).toBe(6);
  });
});

describe('a row shows state, risk and why, phases, overdue work and owners', () => {
  it('the red client: every reason the coordinator needs to check it', async () => {
    const row = (await caseload(server, people.coordinator.userId, { q: 'Anna de' })).rows[0]!;
    expect(row).toMatchObject({
      clientName: 'Anna de Vries',
      neighbourhood: 'Noord',
      coordinator: { id: people.coordinator.professionalId, name: 'Carla Coördinator' },
      signalState: 'red',
      phaseByDomain: { care: 'transition', housing: null, income: null, work: null },
      overdueSteps: 1,
      stalledGoals: 0,
      openGoals: 1,
      perspectives: ['patient'],
      owners: [{ id: people.professional.professionalId, name: 'Piet Professional' }],
    });
    expect(row.risk.reasons).toEqual([
      { code: 'state-red' },
      { code: 'recent-escalation', count: 1, days: 30 },
      { code: 'overdue-steps', count: 1 },
    ]);
  });

  it('quiet days are counted on the day the caseload is read, not when the row was written', async () => {
    const row = (await caseload(server, people.coordinator.userId, { q: 'Kees' })).rows[0]!;
    expect(row.risk.reasons).toEqual([
      { code: 'no-recent-observation', days: 40 },
      { code: 'no-signal-plan' },
    ]);
  });

  it('a client whose board nobody opened yet shows no state, never observed and no plan', async () => {
    const row = (await caseload(server, people.coordinator.userId, { q: 'Cor Smit' })).rows[0]!;
    expect(row).toMatchObject({ signalState: null, lastChangeAt: null, overdueSteps: 0, perspectives: [] });
    expect(row.risk.reasons).toEqual([{ code: 'never-observed' }, { code: 'no-signal-plan' }]);
  });
});

describe('what changed since the last visit is highlighted', () => {
  it('a case changed after the previous visit is, one not changed is not', async () => {
    const v = addProfessional(server, { role: 'coordinator' });
    const changed = addCase(server.db, { clientName: 'Veranderd', coordinatorId: v.professionalId });
    const same = addCase(server.db, { clientName: 'Onveranderd', coordinatorId: v.professionalId });
    const service = caseloadService(sqliteData(server.db));
    const at = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
    const visit = async (now: Date) => {
      const answer = await service.query(v.professionalId, v.userId, {}, now);
      const highlighted = answer.rows.filter((r) => r.changedSinceLastVisit).map((r) => r.caseId);
      return { lastVisitAt: answer.lastVisitAt, highlighted };
    };
    await project(server.db, changed, boardDoc(), at(8));
    await project(server.db, same, boardDoc(), at(8));

    expect(await visit(at(9))).toEqual({ lastVisitAt: null, highlighted: [] }); // the first visit ever
    await project(server.db, changed, boardDoc(), at(10));
    expect(await visit(at(11))).toEqual({ lastVisitAt: at(9).toISOString(), highlighted: [changed] });
    // Coming back within minutes (another filter, a reload) keeps what this visit compares with.
    const minutesLater = new Date(at(11).getTime() + 5 * 60_000);
    expect(await visit(minutesLater)).toEqual({
      lastVisitAt: at(9).toISOString(),
      highlighted: [changed],
    });
    // A real next visit compares with the one before it: nothing changed since.
    expect(await visit(at(13))).toEqual({ lastVisitAt: minutesLater.toISOString(), highlighted: [] });
  });
});

describe('only professionals have a caseload', () => {
  const refusals: [
    who: CaseloadViewer | 'admin' | 'client' | null,
    query: string,
    status: number,
    label?: string,
  ][] = [
    [null, '', 401],
    ['admin', '', 403],
    ['client', '', 403],
    ['coordinator', 'state=purple', 400],
    ['coordinator', 'sort=random', 400],
    ['coordinator', 'limit=0', 400],
    ['coordinator', 'limit=501', 400],
    ['coordinator', `q=${'x'.repeat(101)}`, 400, 'a search of 101 characters'],
    ['coordinator', 'perspective=Patient!', 400],
  ];
  for (const [who, query, status, label] of refusals) {
    it(`${who ?? 'anonymous'} ${label ?? (query || '(no query)')} → ${status}`, async () => {
      const user = who === 'admin' || who === 'client' ? people[who] : who ? people[who].userId : null;
      const answer = await api(server, user, 'GET', `/api/caseload?${query}`);
      expect(answer.status).toBe(status);
      expect(JSON.stringify(answer.body)).not.toContain('Anna');
    });
  }
});
