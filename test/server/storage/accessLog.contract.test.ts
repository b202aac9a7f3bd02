import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessLog } from '../../../server/audit/accessLog.js';
import type { AccessEntryInput } from '../../../server/audit/accessLog.js';
import { GENESIS_HASH } from '../../../server/audit/chain.js';
import type { Storage } from '../../../server/storage/storage.js';
import { testAuditKey } from '../../utils/audit.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

const backends = await relationalBackends('access-log');

const read = (caseId: string, userId: string): AccessEntryInput => ({
  event: 'api-read',
  caseId,
  userId,
  role: 'professional',
  authorization: 'membership:write',
  details: { resource: 'case' },
});

/** Lets `work` change rows of the log, as someone with the database's owner rights could. */
async function withoutTriggers(data: Storage, work: () => Promise<unknown>) {
  if (data.engine === 'postgres') {
    await sql`ALTER TABLE access_log DISABLE TRIGGER USER`.execute(data.db);
    await work();
    return;
  }
  await sql`DROP TRIGGER access_log_no_update`.execute(data.db);
  await sql`DROP TRIGGER access_log_no_delete`.execute(data.db);
  await work();
}

describe.each(backends)('the access log contract on $name', ({ enabled, place: makePlace }) => {
  const test = it.skipIf(!enabled);
  let place: Place;
  const opened: Storage[] = [];
  const open = async () => {
    const storage = await place.open();
    opened.push(storage);
    return storage;
  };

  beforeEach(() => {
    place = makePlace();
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await place.drop();
  });

  test('[LG1] entries are appended only: changing or removing one, or an index row, is refused', async () => {
    const data = await open();
    const log = createAccessLog(data, { key: testAuditKey() });
    const entry = await log.record({ ...read('c1', 'u1'), cases: ['c1', 'c2'] });
    await expect(
      data.db.updateTable('access_log').set({ user_id: 'someone-else' }).where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/access_log is append-only/);
    await expect(data.db.deleteFrom('access_log').where('id', '=', entry.id).execute()).rejects.toThrow(
      /access_log is append-only/,
    );
    await expect(
      data.db
        .updateTable('access_log_cases')
        .set({ case_id: 'c3' })
        .where('entry_id', '=', entry.id)
        .execute(),
    ).rejects.toThrow(/access_log is append-only/);
    await expect(
      data.db.deleteFrom('access_log_cases').where('case_id', '=', 'c2').execute(),
    ).rejects.toThrow(/access_log is append-only/);
    expect(await log.search({ caseId: 'c2' })).toEqual([entry]);
    expect(await log.verify()).toEqual({ ok: true, entries: 2, keyedFrom: 1, anchor: null });
  });

  test('[LG1] [LG3] the chain starts with the key marker and verifies; list reads are found per client', async () => {
    const data = await open();
    const key = testAuditKey();
    const log = createAccessLog(data, { key });
    const first = await log.record(read('c1', 'u1'));
    const listed = await log.record({
      event: 'api-read',
      userId: 'u2',
      role: 'coordinator',
      cases: ['c1', 'c2'],
    });
    const refused = await log.record({ ...read('c2', 'u3'), event: 'api-refused', outcome: 'refused' });
    const [marker] = await log.search({ event: 'log-keyed' });
    expect(marker).toMatchObject({ prevHash: GENESIS_HASH, details: { keyId: key.id, earlierEntries: 0 } });
    expect(first.prevHash).toBe(marker!.hash);
    expect(listed.prevHash).toBe(first.hash);
    expect(refused.prevHash).toBe(listed.hash);
    expect((await log.search({ caseId: 'c1' })).map((e) => e.id)).toEqual([listed.id, first.id]);
    expect((await log.whoLookedAt('c2')).map((e) => [e.event, e.userId])).toEqual([['listed', 'u2']]);
    expect(await log.head()).toMatchObject({ entries: 4, headId: refused.id, head: refused.hash });
    expect(await log.verify()).toEqual({ ok: true, entries: 4, keyedFrom: marker!.id, anchor: null });
  });

  test('[LG1] two instances appending at once keep one chain without gaps', async () => {
    const key = testAuditKey();
    const [a, b] = [await open(), await open()].map((data) => createAccessLog(data, { key }));
    const recorded = await Promise.all(
      Array.from({ length: 100 }, (_, i) => [
        a!.record(read(`c${i % 7}`, 'instance-a')),
        b!.record(read(`c${i % 5}`, 'instance-b')),
      ]).flat(),
    );
    expect(new Set(recorded.map((e) => e.id)).size).toBe(200);

    const rows = await opened[0]!.db
      .selectFrom('access_log')
      .select(['id', 'event', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(201);
    expect(rows.filter((r) => r.event === 'log-keyed')).toHaveLength(1);
    rows.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash));
    for (const log of [a!, b!]) expect(await log.verify()).toMatchObject({ ok: true, entries: 201 });
  });

  /** A log of the key marker and five entries, and the entries. */
  async function fiveEntries() {
    const data = await open();
    const log = createAccessLog(data, { key: testAuditKey() });
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await log.record(read('c1', `u${i}`)));
    return { data, log, entries };
  }

  test('[LG4] a changed entry is named by verify, and so is the trigger that was turned off', async () => {
    const { data, log, entries } = await fiveEntries();
    const victim = entries[1]!;
    await withoutTriggers(data, () =>
      data.db
        .updateTable('access_log')
        .set({ user_id: 'someone-else' })
        .where('id', '=', victim.id)
        .execute(),
    );
    const verdict = await log.verify();
    expect(verdict).toMatchObject({
      ok: false,
      firstBroken: { kind: 'entry', id: victim.id, reason: expect.stringContaining('hash does not match') },
    });
    if (verdict.ok) return;
    expect(verdict.problems).toContainEqual({
      kind: 'trigger',
      id: null,
      at: null,
      reason: expect.stringContaining('rows of access_log can be changed through SQL') as unknown as string,
    });
  });

  test('[LG4] a removed entry is named by verify at the entry after it', async () => {
    const { data, log, entries } = await fiveEntries();
    const [, before, victim, after] = entries;
    await withoutTriggers(data, () =>
      data.db.deleteFrom('access_log').where('id', '=', victim!.id).execute(),
    );
    expect(await log.verify()).toMatchObject({
      ok: false,
      entries: 5,
      firstBroken: { kind: 'entry', id: after!.id, reason: `does not follow entry ${before!.id}` },
    });
  });
});
