import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCases, findPeople } from '../../../server/audit/accessLogSearch.js';
import type { Storage } from '../../../server/storage/storage.js';
import { relationalBackends } from '../../utils/storagePlaces.js';
import type { Place } from '../../utils/storagePlaces.js';

const backends = await relationalBackends('log-choices');

/** The access-log search's pickers find clients and people alike on SQLite and PostgreSQL. */
describe.each(backends)(
  'picking a client or a person for the access-log search on $name',
  ({ enabled, place: makePlace }) => {
    const test = it.skipIf(!enabled);
    let place: Place;
    let data: Storage;

    beforeEach(async () => {
      place = makePlace();
      data = await place.open();
      const at = '2026-01-01T00:00:00Z';
      await data.db.insertInto('districts').values({ id: 'd1', name: 'Wijk', archived_at: null }).execute();
      await data.db
        .insertInto('neighbourhoods')
        .values({ id: 'n1', district_id: 'd1', name: 'Buurt', archived_at: null })
        .execute();
      const clients = [
        'Özlem Yılmaz',
        'Jan de Vries',
        ...Array.from({ length: 22 }, (_, n) => `Bakker ${n}`),
      ];
      await data.db
        .insertInto('cases')
        .values(
          clients.map((name, n) => ({
            id: `c${n}`,
            client_name: name,
            birth_year: n === 0 ? 1971 : null,
            neighbourhood_id: 'n1',
            recovery_context: 'other' as const,
            created_at: at,
          })),
        )
        .execute();
      await data.db
        .insertInto('professionals')
        .values({ id: 'p1', name: 'Émile Dubois', role_title: 'Huisarts', domain: 'medical' })
        .execute();
      await data.db
        .insertInto('users')
        .values([
          {
            id: 'u1',
            username: 'emile',
            display_name: 'Émile Dubois',
            role: 'professional',
            professional_id: 'p1',
            created_at: at,
          },
          {
            id: 'u2',
            username: 'oy',
            display_name: 'Özlem Yılmaz',
            role: 'client',
            client_case_id: 'c0',
            created_at: at,
          },
        ])
        .execute();
    });
    afterEach(async () => {
      await data?.close();
      await place.drop();
    });

    test('matches part of a name whatever its case and accents, at most `limit`', async () => {
      expect(await findCases(data, 'YILMAZ')).toEqual({
        choices: [{ id: 'c0', clientName: 'Özlem Yılmaz', birthYear: 1971, status: 'open' }],
        more: false,
      });
      const bakkers = await findCases(data, 'bakker');
      expect([bakkers.choices.length, bakkers.more]).toEqual([20, true]);
      expect((await findCases(data, 'c1')).choices[0]?.id).toBe('c1'); // a pasted id first
      expect(await findPeople(data.db, 'ozlem')).toEqual({
        choices: [{ id: 'u2', name: 'Özlem Yılmaz', username: 'oy', role: 'client' }],
        more: false,
        cases: ['c0'],
      });
      expect((await findPeople(data.db, 'EMILE')).choices.map((p) => p.id)).toEqual(['u1']);
    });
  },
);
