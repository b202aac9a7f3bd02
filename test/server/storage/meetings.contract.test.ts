import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notificationService } from '../../../server/caseload/notifications.js';
import { createLogger } from '../../../server/logger.js';
import { actionStore } from '../../../server/meetings/actions.js';
import { meetingStore } from '../../../server/meetings/store.js';
import type { Storage } from '../../../server/storage/storage.js';
import { boardMoment, boardVersions } from '../../../server/versions/store.js';
import { createGoal } from '../../../shared/doc/board.js';
import { addAction, tagPerspective } from '../../../shared/doc/meetingCase.js';
import type { Minutes } from '../../../shared/meetingApi.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

/**
 * Meetings, their projected actions, board versions and notices: the same answers on SQLite and
 * PostgreSQL, written through one Data handle and read through another (two instances).
 */
const backends = await relationalBackends('meetings', { groupCommit: false });

async function seed(data: Storage): Promise<void> {
  await data.db.insertInto('districts').values({ id: 'd1', name: 'Oost' }).execute();
  await data.db.insertInto('neighbourhoods').values({ id: 'n1', district_id: 'd1', name: 'Noord' }).execute();
  await data.db
    .insertInto('professionals')
    .values([
      { id: 'p-chair', name: 'Sevda Kaya', role_title: 'Wmo-consulent', domain: 'social', email: 's@x.nl' },
      { id: 'p-gp', name: 'Youssef el Amrani', role_title: 'Huisarts', domain: 'medical' },
      { id: 'p-nadia', name: 'nadia Haddou', role_title: 'Schuldhulp', domain: 'social' },
    ])
    .execute();
  await data.db
    .insertInto('users')
    .values([
      {
        id: 'u-chair',
        username: 'sevda',
        display_name: 'Sevda',
        role: 'coordinator',
        professional_id: 'p-chair',
        created_at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'u-gp',
        username: 'youssef',
        display_name: 'Youssef',
        role: 'professional',
        professional_id: 'p-gp',
        created_at: '2026-01-01T00:00:00Z',
      },
    ])
    .execute();
  await data.db
    .insertInto('cases')
    .values({
      id: 'c1',
      client_name: 'Ahmet Yılmaz',
      birth_year: 1961,
      neighbourhood_id: 'n1',
      coordinator_id: 'p-chair',
      recovery_context: 'stroke',
      created_at: '2026-01-01T00:00:00Z',
    })
    .execute();
  await data.db
    .insertInto('case_members')
    .values({ case_id: 'c1', professional_id: 'p-gp', case_role: 'huisarts', access: 'write' })
    .execute();
}

describe.each(backends)(
  'meetings, actions, versions and notices on $name',
  ({ enabled, place: makePlace }) => {
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

    test('a meeting is planned, gets a case, closes once with its minutes', async () => {
      const id = await meetingStore(one).create({
        neighbourhoodId: 'n1',
        title: 'Casusoverleg',
        startsAt: '2026-04-01T12:00:00.000Z',
        chairId: 'p-chair',
        attendeeIds: ['p-nadia', 'p-gp', 'p-gp'],
        guests: [{ name: 'Ahmet', relation: 'client' }],
        createdBy: 'u-chair',
      });
      const store = meetingStore(two);
      await store.addCase(id, 'c1', 'u-chair');
      expect(await store.facts(id)).toEqual({
        meetingId: id,
        chairId: 'p-chair',
        status: 'planned',
        attendeeIds: expect.arrayContaining(['p-gp', 'p-nadia']) as string[],
        agendaCaseIds: ['c1'],
      });
      expect(await store.summary(id)).toMatchObject({
        caseCount: 1,
        chairName: 'Sevda Kaya',
        closedAt: null,
      });
      expect((await store.listFor('p-gp')).map((m) => m.id)).toEqual([id]);
      expect(await store.listFor('p-nobody')).toEqual([]);
      // Professionals first, by name whatever its case, then guests.
      expect((await store.attendees(id)).map((a) => a.name)).toEqual([
        'nadia Haddou',
        'Youssef el Amrani',
        'Ahmet',
      ]);
      expect(await store.chairUserId('p-chair')).toBe('u-chair');
      expect(await store.neighbourhoodExists('n1')).toBe(true);
      expect(await store.professionalExists('p-none')).toBe(false);
      expect(await store.caseLine('c1')).toEqual({
        clientName: 'Ahmet Yılmaz',
        birthYear: 1961,
        neighbourhoodId: 'n1',
      });

      await store.update(id, {
        title: 'Overleg',
        startsAt: '2026-04-02T12:00:00.000Z',
        chairId: 'p-chair',
        attendeeIds: ['p-gp'],
        guests: [],
      });
      expect((await one.db.selectFrom('meeting_attendees').select('id').execute()).length).toBe(1);

      const minutes = { meetingId: id, closedAt: '2026-04-02T14:00:00.000Z' } as Minutes;
      expect(await store.close(id, minutes)).toBe(true);
      expect(await meetingStore(one).close(id, minutes)).toBe(false);
      expect(await meetingStore(one).minutes(id)).toEqual(minutes);
      expect((await store.facts(id))!.status).toBe('closed');
      expect(await store.removeCase(id, 'c1')).toBe(true);
      expect(await store.removeCase(id, 'c1')).toBe(false);
    });

    test('actions are projected from the meeting document and read per owner and case', async () => {
      const id = await meetingStore(one).create({
        neighbourhoodId: 'n1',
        title: 'Casusoverleg',
        startsAt: '2026-04-01T12:00:00.000Z',
        chairId: 'p-chair',
        attendeeIds: ['p-gp'],
        guests: [],
        createdBy: 'u-chair',
      });
      const doc = new Y.Doc();
      addAction(doc, { text: 'Later', ownerId: 'p-gp', dueDate: '2026-05-01' });
      const done = addAction(doc, { text: 'Gedaan', ownerId: 'p-gp', dueDate: '2026-04-01' });
      doc.getMap<Y.Map<unknown>>('actions').get(done)!.set('done', true);
      addAction(doc, { text: 'Eerst', ownerId: 'p-nadia', dueDate: '2026-04-10' });
      tagPerspective(doc, 'patient', true);
      const owners: string[] = [];
      const writer = actionStore(one);
      writer.changes.on('owner', (o: string) => owners.push(o));
      await writer.project(id, 'c1', doc);
      expect(owners.sort()).toEqual(['p-gp', 'p-nadia']);

      const reader = actionStore(two);
      const mine = await reader.mine('p-gp', new Set());
      expect(mine.map((a) => [a.text, a.done, a.caseLabel])).toEqual([
        ['Later', false, 'A.Y. (1961)'],
        ['Gedaan', true, 'A.Y. (1961)'],
      ]);
      expect((await reader.openForCase('c1')).map((a) => [a.text, a.ownerName])).toEqual([
        ['Eerst', 'nadia Haddou'],
        ['Later', 'Youssef el Amrani'],
      ]);
      expect(await reader.one(id, 'c1', done)).toMatchObject({ text: 'Gedaan', done: 1 });
      expect(await reader.one(id, 'c1', 'nope')).toBeNull();
      expect(await reader.tagsOf(id)).toEqual(new Map([['c1', ['patient']]]));

      tagPerspective(doc, 'patient', false);
      doc.getMap('actions').clear();
      await reader.project(id, 'c1', doc);
      expect(await writer.mine('p-gp', new Set())).toEqual([]);
      expect(await writer.tagsOf(id)).toEqual(new Map([['c1', []]]));
    });

    test('board versions: kept, listed, read back, thinned and compared', async () => {
      const board = new Y.Doc();
      createGoal(board, { title: 'Werk', domain: 'work', phase: 'treatment' });
      await one.db
        .insertInto('meetings')
        .values({
          id: 'm1',
          neighbourhood_id: 'n1',
          title: 'Overleg',
          starts_at: '2026-03-01T09:00:00.000Z',
          chair_id: 'p-chair',
          created_by: 'u-chair',
          created_at: '2026-01-01T00:00:00Z',
        })
        .execute();
      const versions = boardVersions(one);
      const kept: string[] = [];
      versions.kept.on('kept', (caseId: string, at: string) => kept.push(`${caseId} ${at}`));
      await versions.keep('c1', 'm1', 'Overleg', board, '2026-03-01T10:00:00.000Z');
      expect(kept).toEqual(['c1 2026-03-01T10:00:00.000Z']);
      for (const at of ['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-05T09:00:00.000Z'])
        await versions.keep('c1', null, '', board, at, 'auto');

      const reader = boardVersions(two);
      // The 08:00 one of 2 March was thinned: older than two days, not the latest of its day.
      expect((await reader.list('c1')).map((v) => [v.kind, v.createdAt])).toEqual([
        ['auto', '2026-03-05T09:00:00.000Z'],
        ['auto', '2026-03-02T09:00:00.000Z'],
        ['meeting', '2026-03-01T10:00:00.000Z'],
      ]);
      expect(await reader.latestAt('c1')).toBe('2026-03-05T09:00:00.000Z');
      expect(await reader.latestAt('c2')).toBeNull();
      const [newest] = await reader.list('c1', 1);
      expect((await reader.get('c1', newest!.id))!.board.goals.map((g) => g.title)).toEqual(['Werk']);
      expect(await reader.get('c2', newest!.id)).toBeNull();

      createGoal(board, { title: 'Wonen', domain: 'housing', phase: 'treatment' });
      const planned = await reader.changes('c1', 'm2', null, boardMoment(board));
      expect(planned.since).toMatchObject({ at: '2026-03-05T09:00:00.000Z' });
      expect(planned.changes.length).toBeGreaterThan(0);
      const closed = await reader.changes('c1', 'm1', '2026-03-01T11:00:00.000Z', boardMoment(board));
      expect(closed).toEqual({ since: null, changes: [] });
    });

    test('notices: told, listed with the unread count, marked read', async () => {
      const one$ = notificationService(one, {
        mailer: null,
        from: 'x',
        publicUrl: () => '',
        log: createLogger('silent'),
      });
      const two$ = notificationService(two, {
        mailer: null,
        from: 'x',
        publicUrl: () => '',
        log: createLogger('silent'),
      });
      const made = await one$.notifyStateChange(
        {
          caseId: 'c1',
          state: 'red',
          note: 'Slaapt niet',
          professionalIds: ['p-chair', 'p-gp', 'p-nadia'],
          exceptUserId: 'u-gp',
        },
        new Date('2026-03-01T10:00:00.000Z'),
      );
      expect(made.map((n) => n.kind)).toEqual(['signal-state']);
      const handover = await one$.notifyCase(
        {
          caseId: 'c1',
          professionalId: 'p-chair',
          fromProfessionalId: 'p-gp',
          note: 'Neem jij het over?',
          kind: 'coordinator-transfer',
          state: 'new',
        },
        new Date('2026-03-02T10:00:00.000Z'),
      );
      expect(handover[0]).toMatchObject({ state: 'new', from: { id: 'p-gp', name: 'Youssef el Amrani' } });
      expect(
        await one$.notifyCase({
          ...handover[0]!,
          caseId: 'c-none',
          professionalId: 'p-chair',
          fromProfessionalId: null,
          kind: 'access-request',
          state: null,
        }),
      ).toEqual([]);

      const listed = await two$.list('u-chair');
      expect(listed.unread).toBe(2);
      expect(listed.notifications.map((n) => n.kind)).toEqual(['coordinator-transfer', 'signal-state']);
      await two$.markRead('u-chair', [made[0]!.id]);
      expect((await one$.list('u-chair')).unread).toBe(1);
      await one$.markRead('u-chair', []);
      expect((await one$.list('u-chair')).unread).toBe(1);
      await one$.markRead('u-chair', undefined);
      expect((await two$.list('u-chair')).unread).toBe(0);
      expect(await two$.list('u-gp')).toEqual({ notifications: [], unread: 0 });
    });
  },
);
