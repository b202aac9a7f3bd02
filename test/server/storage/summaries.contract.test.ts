import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseloadService } from '../../../server/caseload/caseload.js';
import { summaryStore } from '../../../server/caseload/summaries.js';
import type { Storage } from '../../../server/storage/storage.js';
import { createGoal } from '../../../shared/doc/board.js';
import { setPerspectiveActive } from '../../../shared/doc/perspectives.js';
import { ensureSignalPlan, signalText } from '../../../shared/doc/signalPlan.js';
import { observe } from '../../utils/cases.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

/**
 * The caseload's summary rows (SPEC ST1): written by one instance, read by another, the same on
 * SQLite and PostgreSQL. Two Data handles on one database stand for two server instances.
 */
const backends = await relationalBackends('summaries', { groupCommit: false });

const me = 'p-carla';
const other = 'p-olga';

/** A district, a neighbourhood, two professionals with accounts, and three cases. */
async function seed(data: Storage): Promise<void> {
  await data.db.insertInto('districts').values({ id: 'd1', name: 'Oost' }).execute();
  await data.db
    .insertInto('neighbourhoods')
    .values([
      { id: 'noord', district_id: 'd1', name: 'Noord' },
      { id: 'zuid', district_id: 'd1', name: 'Zuid' },
    ])
    .execute();
  await data.db
    .insertInto('professionals')
    .values([
      { id: me, name: 'Carla Coördinator', role_title: 'Wmo-consulent', domain: 'social' },
      { id: other, name: 'Olga Anders', role_title: 'Huisarts', domain: 'medical' },
    ])
    .execute();
  await data.db
    .insertInto('users')
    .values([
      {
        id: 'u-carla',
        username: 'carla',
        display_name: 'Carla',
        role: 'coordinator',
        professional_id: me,
        created_at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'u-olga',
        username: 'olga',
        display_name: 'Olga',
        role: 'professional',
        professional_id: other,
        created_at: '2026-01-01T00:00:00Z',
        disabled_at: '2026-02-01T00:00:00Z',
      },
    ])
    .execute();
  const kase = (id: string, clientName: string, neighbourhood: string, coordinator: string | null) => ({
    id,
    client_name: clientName,
    neighbourhood_id: neighbourhood,
    coordinator_id: coordinator,
    recovery_context: 'psychiatric' as const,
    created_at: '2026-01-01T00:00:00Z',
  });
  await data.db
    .insertInto('cases')
    .values([
      kase('c-anna', 'Anna de Vries', 'noord', me),
      kase('c-ozlem', 'Özlem Yılmaz', 'zuid', me),
      kase('c-cor', 'Cor Smit', 'zuid', other),
    ])
    .execute();
  await data.db
    .insertInto('case_members')
    .values({ case_id: 'c-cor', professional_id: me, case_role: 'wmo', access: 'write' })
    .execute();
}

/** Anna's board: a signal plan, a perspective, an overdue step owned by Olga and a red observation. */
function annasBoard(): Y.Doc {
  const doc = new Y.Doc();
  ensureSignalPlan(doc);
  signalText(doc, 'amber', 'signs').insert(0, 'Slaapt slecht');
  setPerspectiveActive(doc, 'patient', true);
  createGoal(doc, {
    title: 'Rust',
    domain: 'care',
    phase: 'transition',
    ownerId: me,
    steps: [{ text: 'Bellen', dueDate: '2020-01-01', ownerId: other }],
  });
  observe(doc, 'green', 10);
  observe(doc, 'red', 1);
  return doc;
}

describe.each(backends)('case summaries on $name', ({ enabled, place: makePlace }) => {
  const test = it.skipIf(!enabled);
  let place: Place;
  let one: Storage;
  let two: Storage;
  beforeEach(async () => {
    if (!enabled) return;
    place = makePlace();
    one = await place.open();
    two = await place.open();
    await seed(one);
  });
  afterEach(async () => {
    if (!enabled) return;
    await one.close();
    await two.close();
    await place.drop();
  });

  const ids = async (data: Storage, filter: Parameters<ReturnType<typeof caseloadService>['query']>[2]) =>
    (await caseloadService(data).query(me, 'u-carla', filter)).rows.map((r) => r.caseId).sort();

  test('a row written by one instance is read by the other, and a new projection replaces it', async () => {
    const changedAt = new Date('2026-03-01T10:00:00.000Z');
    expect(await summaryStore(two).has('c-anna')).toBe(false);
    await summaryStore(one).project('c-anna', annasBoard(), changedAt);
    expect(await summaryStore(two).has('c-anna')).toBe(true);

    const [anna] = (await caseloadService(two).query(me, 'u-carla', { q: 'anna' })).rows;
    expect(anna).toMatchObject({
      caseId: 'c-anna',
      signalState: 'red',
      overdueSteps: 1,
      openGoals: 1,
      perspectives: ['patient'],
      lastChangeAt: changedAt.toISOString(),
      needsNewCoordinator: false,
    });
    expect(anna!.owners.map((o) => o.name).sort()).toEqual(['Carla Coördinator', 'Olga Anders']);
    expect(anna!.phaseByDomain.care).toBe('transition');
    expect(anna!.risk.reasons.map((r) => r.code)).not.toContain('no-signal-plan');

    const calmer = new Y.Doc();
    observe(calmer, 'green', 0);
    await summaryStore(two).project('c-anna', calmer, null);
    const [again] = (await caseloadService(one).query(me, 'u-carla', { q: 'anna' })).rows;
    expect(again).toMatchObject({ signalState: 'green', openGoals: 0, perspectives: [], lastChangeAt: null });
    const count = await one.db
      .selectFrom('case_summaries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  test('the caseload filters on the rows alike on both engines', async () => {
    await summaryStore(one).project('c-anna', annasBoard(), new Date());
    const cor = new Y.Doc();
    setPerspectiveActive(cor, 'refugee', true);
    observe(cor, 'amber', 2);
    await summaryStore(two).project('c-cor', cor, new Date());

    expect(await ids(one, {})).toEqual(['c-anna', 'c-cor', 'c-ozlem']);
    expect(await ids(two, { state: 'red' })).toEqual(['c-anna']);
    expect(await ids(two, { state: 'none' })).toEqual(['c-ozlem']);
    expect(await ids(one, { neighbourhood: 'zuid' })).toEqual(['c-cor', 'c-ozlem']);
    expect(await ids(one, { perspective: 'refugee' })).toEqual(['c-cor']);
    expect(await ids(two, { owner: other })).toEqual(['c-anna']);
    // The name search folds accents and case on both engines.
    expect(await ids(one, { q: 'OZLEM yil' })).toEqual(['c-ozlem']);
    expect(await ids(one, { q: '%' })).toEqual([]);
    expect(await ids(one, { status: 'closed' })).toEqual([]);

    const answer = await caseloadService(two).query(me, 'u-carla', { sort: 'name' });
    expect(answer.rows.map((r) => r.clientName)).toEqual(['Anna de Vries', 'Cor Smit', 'Özlem Yılmaz']);
    expect(answer.neighbourhoods).toEqual([
      { id: 'noord', name: 'Noord' },
      { id: 'zuid', name: 'Zuid' },
    ]);
    // Olga's account is disabled: her case needs a new coordinator; a case without a row has defaults.
    const byId = new Map(answer.rows.map((r) => [r.caseId, r]));
    expect(byId.get('c-cor')!.needsNewCoordinator).toBe(true);
    expect(byId.get('c-ozlem')).toMatchObject({
      signalState: null,
      openGoals: 0,
      needsNewCoordinator: false,
    });
  });

  test('the next planned meeting of a case is on its row', async () => {
    const meeting = (id: string, startsAt: string, status: 'planned' | 'closed') => ({
      id,
      neighbourhood_id: 'noord',
      title: 'Casusoverleg',
      starts_at: startsAt,
      chair_id: me,
      status,
      created_by: 'u-carla',
      created_at: '2026-01-01T00:00:00Z',
    });
    await one.db
      .insertInto('meetings')
      .values([
        meeting('m-old', '2026-01-10T12:00:00.000Z', 'closed'),
        meeting('m-late', '2026-05-10T12:00:00.000Z', 'planned'),
        meeting('m-soon', '2026-04-10T12:00:00.000Z', 'planned'),
      ])
      .execute();
    await one.db
      .insertInto('meeting_agenda')
      .values(
        ['m-old', 'm-late', 'm-soon'].map((m) => ({
          meeting_id: m,
          case_id: 'c-anna',
          added_by: 'u-carla',
          added_at: '2026-01-01T00:00:00Z',
        })),
      )
      .execute();
    const [anna] = (await caseloadService(two).query(me, 'u-carla', { q: 'anna' })).rows;
    expect(anna!.nextMeetingAt).toBe('2026-04-10T12:00:00.000Z');
  });

  test('a visit remembers the one before it, across instances', async () => {
    const at = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
    expect((await caseloadService(one).query(me, 'u-carla', {}, at(9))).lastVisitAt).toBeNull();
    expect((await caseloadService(two).query(me, 'u-carla', {}, at(11))).lastVisitAt).toBe(
      at(9).toISOString(),
    );
  });
});
