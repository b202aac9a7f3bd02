import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseloadService } from '../../../server/caseload/caseload.js';
import type { CaseloadFilter } from '../../../server/caseload/caseload.js';
import { summaryStore } from '../../../server/caseload/summaries.js';
import type { Storage } from '../../../server/storage/storage.js';
import { createGoal } from '../../../shared/doc/board.js';
import { ensureSignalPlan, signalText } from '../../../shared/doc/signalPlan.js';
import { observe } from '../../utils/cases.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

/**
 * The caseload filtered, sorted and paged in SQL, alike on SQLite and PostgreSQL:
 * the order by risk follows the days as they pass without any board change, a page is a slice of
 * the whole order, the list filters match whole ids only, and the name search folds.
 */
const backends = await relationalBackends('caseload-sql', { groupCommit: false });

const me = 'p-carla';
const t0 = new Date('2026-06-01T12:00:00.000Z');
const daysLater = (days: number) => new Date(t0.getTime() + days * 86_400_000);

async function seed(data: Storage, clients: [id: string, name: string][]): Promise<void> {
  await data.db.insertInto('districts').values({ id: 'd1', name: 'Oost' }).execute();
  await data.db
    .insertInto('neighbourhoods')
    .values({ id: 'noord', district_id: 'd1', name: 'Noord' })
    .execute();
  await data.db
    .insertInto('professionals')
    .values({ id: me, name: 'Carla Coördinator', role_title: 'Wmo-consulent', domain: 'social' })
    .execute();
  await data.db
    .insertInto('users')
    .values({
      id: 'u-carla',
      username: 'carla',
      display_name: 'Carla',
      role: 'coordinator',
      professional_id: me,
      created_at: '2026-01-01T00:00:00Z',
    })
    .execute();
  await data.db
    .insertInto('cases')
    .values(
      clients.map(([id, name]) => ({
        id,
        client_name: name,
        neighbourhood_id: 'noord',
        coordinator_id: me,
        recovery_context: 'psychiatric' as const,
        created_at: '2026-01-01T00:00:00Z',
      })),
    )
    .execute();
}

/** A board seen (green) at `seenAt`, with or without a signal plan and steps due on these days. */
function board(seenAt: Date, { plan = true, due = [] as string[] } = {}): Y.Doc {
  const doc = new Y.Doc();
  if (plan) {
    ensureSignalPlan(doc);
    signalText(doc, 'amber', 'signs').insert(0, 'Slaapt slecht');
  }
  if (due.length > 0)
    createGoal(doc, {
      title: 'Rust',
      domain: 'care',
      phase: 'transition',
      steps: due.map((dueDate) => ({ text: 'Bellen', dueDate })),
    });
  observe(doc, 'green', 0, { at: seenAt.toISOString() });
  return doc;
}

describe.each(backends)('the caseload in SQL on $name', ({ enabled, place: makePlace }) => {
  const test = it.skipIf(!enabled);
  let place: Place;
  let data: Storage;
  beforeEach(async () => {
    if (!enabled) return;
    place = makePlace();
    data = await place.open();
  });
  afterEach(async () => {
    if (!enabled) return;
    await data.close();
    await place.drop();
  });

  const query = (filter: CaseloadFilter, now = t0) => caseloadService(data).query(me, 'u-carla', filter, now);
  const ids = async (filter: CaseloadFilter, now = t0) =>
    (await query(filter, now)).rows.map((r) => r.caseId);

  test('a step whose due date passes moves its client up the risk order, with no board change', async () => {
    await seed(data, [
      ['c-anna', 'Anna de Vries'],
      ['c-zoe', 'Zoë Bakker'],
    ]);
    // Both without a signal plan (10); Zoë's three steps are due on 3 June (15 more once overdue).
    await summaryStore(data).project('c-anna', board(t0, { plan: false }), t0, t0);
    const due = ['2026-06-03', '2026-06-03', '2026-06-03'];
    await summaryStore(data).project('c-zoe', board(t0, { plan: false, due }), t0, t0);

    expect(await ids({ sort: 'risk' })).toEqual(['c-anna', 'c-zoe']); // a tie: by name
    expect(await ids({ sort: 'risk' }, daysLater(1))).toEqual(['c-anna', 'c-zoe']);
    const later = await query({ sort: 'risk' }, daysLater(3));
    expect(later.rows.map((r) => [r.caseId, r.risk.score])).toEqual([
      ['c-zoe', 25],
      ['c-anna', 10],
    ]);
    expect(later.rows[0]!.risk.reasons).toContainEqual({ code: 'overdue-steps', count: 3 });
    // The state sort ties on green and orders by the same stored score.
    expect(await ids({ sort: 'state' }, daysLater(3))).toEqual(['c-zoe', 'c-anna']);
  });

  test('a client observed long ago moves up once the quiet days pass the limit', async () => {
    await seed(data, [
      ['c-anna', 'Anna de Vries'],
      ['c-zoe', 'Zoë Bakker'],
    ]);
    // Anna: a plan, one step overdue already (5). Zoë: a plan, seen green 20 days before t0 (0).
    await summaryStore(data).project('c-anna', board(t0, { due: ['2026-05-01'] }), t0, t0);
    await summaryStore(data).project('c-zoe', board(daysLater(-20)), t0, t0);

    expect(await ids({ sort: 'risk' })).toEqual(['c-anna', 'c-zoe']);
    // 28 days after Zoë's observation she is not quiet yet; after 29 she is (green: 10).
    expect(await ids({ sort: 'risk' }, daysLater(8))).toEqual(['c-anna', 'c-zoe']);
    const quiet = await query({ sort: 'risk' }, daysLater(9));
    expect(quiet.rows.map((r) => [r.caseId, r.risk.score])).toEqual([
      ['c-zoe', 10],
      ['c-anna', 5],
    ]);
    expect(quiet.rows[0]!.risk.reasons).toEqual([{ code: 'no-recent-observation', days: 29 }]);
    // Then Anna's own observation grows quiet too.
    const late = await query({ sort: 'risk' }, daysLater(40));
    expect(late.rows.map((r) => [r.caseId, r.risk.score])).toEqual([
      ['c-anna', 15],
      ['c-zoe', 10],
    ]);
    // Asking about an earlier moment again gives the order of that moment.
    expect(await ids({ sort: 'risk' }, daysLater(9))).toEqual(['c-zoe', 'c-anna']);
  });

  test('a page is a slice of the whole order, and the total counts every match', async () => {
    const names = ['Eva Smit', 'Bram de Boer', 'Dirk Visser', 'Anna de Vries', 'Cor Jansen'];
    await seed(
      data,
      names.map((name, i) => [`c-${i}`, name]),
    );
    await summaryStore(data).project('c-2', board(t0, { plan: false }), t0, t0);
    for (const sort of ['name', 'risk', 'state', 'lastChange'] as const) {
      const whole = await query({ sort, limit: 100 });
      expect(whole.total).toBe(5);
      const pages = [];
      for (const offset of [0, 2, 4]) {
        const page = await query({ sort, limit: 2, offset });
        expect(page.total).toBe(5);
        pages.push(...page.rows.map((r) => r.caseId));
      }
      expect(pages, sort).toEqual(whole.rows.map((r) => r.caseId));
    }
    expect((await query({ sort: 'name' })).rows.map((r) => r.clientName)).toEqual([...names].sort());
    const past = await query({ sort: 'name', limit: 2, offset: 6 });
    expect(past).toMatchObject({ rows: [], total: 5 });
    expect(await query({ q: 'nobody', offset: 2 })).toMatchObject({ rows: [], total: 0 });
  });

  test('the perspective and owner filters match a whole id, never a part or another case of it', async () => {
    await seed(data, [
      ['c-short', 'Anna de Vries'],
      ['c-long', 'Bram de Boer'],
      ['c-none', 'Cor Smit'],
    ]);
    // Rows as an older projection wrote them, without a score: scored before they are read.
    const row = (caseId: string, perspectives: string[], owners: string[]) => ({
      case_id: caseId,
      signal_state: 'green' as const,
      phase_by_domain: '{}',
      open_step_due_dates: '[]',
      stalled_goals: 0,
      open_goals: 1,
      owners: JSON.stringify(owners),
      perspectives: JSON.stringify(perspectives),
      escalations: '[]',
      has_signal_plan: 1,
      last_observation_at: t0.toISOString(),
      last_change_at: t0.toISOString(),
      updated_at: t0.toISOString(),
    });
    await data.db
      .insertInto('case_summaries')
      .values([
        row('c-short', ['custom-ex'], ['p_1']),
        row('c-long', ['custom-ex-detainee', 'patient'], ['p-ex-detainee', 'pa1']),
      ])
      .execute();

    expect(await ids({ perspective: 'custom-ex' })).toEqual(['c-short']);
    expect(await ids({ perspective: 'custom-ex-detainee' })).toEqual(['c-long']);
    expect(await ids({ perspective: 'custom' })).toEqual([]);
    expect(await ids({ perspective: 'patient' })).toEqual(['c-long']);
    expect(await ids({ owner: 'p-ex' })).toEqual([]);
    expect(await ids({ owner: 'p-ex-detainee' })).toEqual(['c-long']);
    expect(await ids({ owner: 'P-EX-DETAINEE' })).toEqual([]);
    expect(await ids({ owner: 'p_1' })).toEqual(['c-short']); // no LIKE wildcard: not 'pa1'
    expect(await ids({ owner: 'p%' })).toEqual([]);
    expect((await query({ sort: 'risk' })).rows.map((r) => r.risk.score)).toEqual([20, 0, 0]); // no row: never observed, no plan;
  });

  test('the name search folds accents and case, and follows a renamed client', async () => {
    await seed(data, [
      ['c-ozlem', 'Özlem Yılmaz'],
      ['c-anna', 'Anna de Vries'],
    ]);
    expect(await ids({ q: 'yilmaz' })).toEqual(['c-ozlem']);
    expect(await ids({ q: 'ÖZLEM' })).toEqual(['c-ozlem']);
    // A rename that leaves the folded key as it was clears it (a trigger), so it is folded again.
    await data.db
      .updateTable('cases')
      .set({ client_name: 'Anna Yılmaz' })
      .where('id', '=', 'c-anna')
      .execute();
    expect((await ids({ q: 'yilmaz' })).sort()).toEqual(['c-anna', 'c-ozlem']);
    expect(await ids({ q: 'vries' })).toEqual([]);
    const keys = await sql<{ key: string }>`SELECT client_name_key AS key FROM cases ORDER BY id`.execute(
      data.db,
    );
    expect(keys.rows.map((r) => r.key)).toEqual(['anna yilmaz', 'ozlem yilmaz']);
  });
});
