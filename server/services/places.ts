import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AdminDistrict, AdminNeighbourhood, PlacesAnswer } from '../../shared/adminApi.js';
import type { Neighbourhood } from '../../shared/api.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';

/** A neighbourhood a picker offers: neither it nor its district is archived. */
/** A neighbourhood in use: neither it nor its district archived (`n`, `d`; SPEC PP2). */
export const activeNeighbourhoodSql = `n.archived_at IS NULL AND d.archived_at IS NULL`;

/** Names are unique whatever their case: `lower` on both sides, the same on both engines. */
const sameName = (name: string) => sql<boolean>`lower(name) = lower(${name})`;

/**
 * Districts (wijk) and their neighbourhoods (buurt). Policy lives per district, work per
 * neighbourhood (DESIGN lesson 5). Nothing that cases, teams or meetings refer to is ever deleted:
 * an archived place leaves the pickers and keeps its name wherever it is used.
 */
export function placeService(data: Data) {
  const { db } = data;
  const districts = () =>
    db
      .selectFrom('districts')
      .select(['id', 'name', 'archived_at as archivedAt'])
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
  const neighbourhoods = async (): Promise<AdminNeighbourhood[]> => {
    const rows = await db
      .selectFrom('neighbourhoods as n')
      .select((eb) => [
        'n.id',
        'n.district_id as districtId',
        'n.name',
        'n.archived_at as archivedAt',
        eb
          .selectFrom('teams as t')
          .select(eb.fn.countAll().as('n'))
          .whereRef('t.neighbourhood_id', '=', 'n.id')
          .as('teams'),
        eb
          .selectFrom('cases as c')
          .select(eb.fn.countAll().as('n'))
          .whereRef('c.neighbourhood_id', '=', 'n.id')
          .where('c.status', '=', 'open')
          .as('openCases'),
        eb
          .selectFrom('meetings as m')
          .select(eb.fn.countAll().as('n'))
          .whereRef('m.neighbourhood_id', '=', 'n.id')
          .as('meetings'),
      ])
      .orderBy(sql`lower(n.name)`)
      .orderBy('n.id')
      .execute();
    return rows.map((n) => ({
      ...n,
      teams: Number(n.teams),
      openCases: Number(n.openCases),
      meetings: Number(n.meetings),
    }));
  };
  const district = (id: string, tx: Executor = db) =>
    tx
      .selectFrom('districts')
      .select(['id', 'archived_at as archivedAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  const neighbourhood = (id: string, tx: Executor) =>
    tx
      .selectFrom('neighbourhoods as n')
      .innerJoin('districts as d', 'd.id', 'n.district_id')
      .select([
        'n.id',
        'n.district_id as districtId',
        'n.archived_at as archivedAt',
        'd.archived_at as districtArchivedAt',
      ])
      .where('n.id', '=', id)
      .executeTakeFirst();
  /** Neighbourhoods in use (`n`) with their districts (`d`). */
  const inUse = (tx: Executor) =>
    tx
      .selectFrom('neighbourhoods as n')
      .innerJoin('districts as d', 'd.id', 'n.district_id')
      .where('n.archived_at', 'is', null)
      .where('d.archived_at', 'is', null);

  const districtOf = async (id: string, tx: Executor) => {
    const row = await district(id, tx);
    if (!row) throw new HttpError(404, `districtId: no district ${id}`);
    return row;
  };
  const neighbourhoodOf = async (id: string, tx: Executor) => {
    const row = await neighbourhood(id, tx);
    if (!row) throw new HttpError(404, `neighbourhoodId: no neighbourhood ${id}`);
    return row;
  };
  const uniqueDistrict = async (tx: Executor, name: string, id = '') => {
    const named = await tx
      .selectFrom('districts')
      .select('id')
      .where(sameName(name))
      .where('id', '<>', id)
      .executeTakeFirst();
    if (named) throw new HttpError(409, `name: a district ${name} exists already`);
  };
  const uniqueNeighbourhood = async (tx: Executor, districtId: string, name: string, id = '') => {
    const named = await tx
      .selectFrom('neighbourhoods')
      .select('id')
      .where('district_id', '=', districtId)
      .where(sameName(name))
      .where('id', '<>', id)
      .executeTakeFirst();
    if (named) throw new HttpError(409, `name: this district has a neighbourhood ${name} already`);
  };

  return {
    /** Every district with its neighbourhoods, archived ones too, and what refers to each. */
    async list(): Promise<PlacesAnswer> {
      const byDistrict = new Map<string, AdminNeighbourhood[]>();
      for (const n of await neighbourhoods()) {
        byDistrict.set(n.districtId, [...(byDistrict.get(n.districtId) ?? []), n]);
      }
      return {
        districts: (await districts()).map((d): AdminDistrict => ({
          ...d,
          neighbourhoods: byDistrict.get(d.id) ?? [],
        })),
      };
    },
    /** The neighbourhoods a new team, case or meeting may be in. */
    activeNeighbourhoods: (): Promise<Neighbourhood[]> =>
      inUse(db)
        .select(['n.id', 'n.name'])
        .orderBy(sql`lower(n.name)`)
        .orderBy('n.id')
        .execute(),
    /**
     * The neighbourhood of a professional's own team, where a form they fill in starts; null
     * without a team, or when the team or its neighbourhood is archived.
     */
    teamNeighbourhoodOf: async (professionalId: string): Promise<string | null> => {
      const row = await inUse(db)
        .innerJoin('teams as t', 't.neighbourhood_id', 'n.id')
        .innerJoin('professionals as p', 'p.team_id', 't.id')
        .select('n.id')
        .where('p.id', '=', professionalId)
        .where('t.archived_at', 'is', null)
        .executeTakeFirst();
      return row?.id ?? null;
    },
    /**
     * The district a professional's pages start in (the social map, its letters, trees and terms):
     * the one of their own team's neighbourhood, else the first that is not archived; null with none.
     */
    async ownDistrictOf(professionalId: string | null): Promise<string | null> {
      const neighbourhood = professionalId ? await this.teamNeighbourhoodOf(professionalId) : null;
      const { districts } = await this.list();
      const active = districts.filter((d) => d.archivedAt === null);
      return (
        (active.find((d) => d.neighbourhoods.some((n) => n.id === neighbourhood)) ?? active[0])?.id ?? null
      );
    },
    /** Whether a team, case or meeting may go in this neighbourhood; in the caller's write with `tx`. */
    isActiveNeighbourhood: async (id: string, tx: Executor = db): Promise<boolean> =>
      !!(await inUse(tx).select('n.id').where('n.id', '=', id).executeTakeFirst()),

    async createDistrict(name: string): Promise<string> {
      const id = `district-${randomUUID()}`;
      await data.write(async (trx) => {
        await uniqueDistrict(trx, name);
        await trx.insertInto('districts').values({ id, name }).execute();
      });
      return id;
    },
    async renameDistrict(id: string, name: string): Promise<void> {
      await data.write(async (trx) => {
        await districtOf(id, trx);
        await uniqueDistrict(trx, name, id);
        await trx.updateTable('districts').set({ name }).where('id', '=', id).execute();
      });
    },
    /** Archives or restores a district; its neighbourhoods leave (or return to) the pickers with it. */
    async setDistrictArchived(id: string, archived: boolean, now = new Date()): Promise<void> {
      await data.write(async (trx) => {
        await districtOf(id, trx);
        await trx
          .updateTable('districts')
          .set({ archived_at: archived ? now.toISOString() : null })
          .where('id', '=', id)
          .execute();
      });
    },

    async createNeighbourhood(districtId: string, name: string): Promise<string> {
      const id = `neighbourhood-${randomUUID()}`;
      await data.write(async (trx) => {
        const d = await district(districtId, trx);
        if (!d) throw new HttpError(400, `districtId: no district ${districtId}`);
        if (d.archivedAt) throw new HttpError(409, 'districtId: the district is archived');
        await uniqueNeighbourhood(trx, districtId, name);
        await trx.insertInto('neighbourhoods').values({ id, district_id: districtId, name }).execute();
      });
      return id;
    },
    async renameNeighbourhood(id: string, name: string): Promise<void> {
      await data.write(async (trx) => {
        const n = await neighbourhoodOf(id, trx);
        await uniqueNeighbourhood(trx, n.districtId, name, id);
        await trx.updateTable('neighbourhoods').set({ name }).where('id', '=', id).execute();
      });
    },
    async setNeighbourhoodArchived(id: string, archived: boolean, now = new Date()): Promise<void> {
      await data.write(async (trx) => {
        const n = await neighbourhoodOf(id, trx);
        if (!archived && n.districtArchivedAt)
          throw new HttpError(409, 'neighbourhoodId: restore its district first');
        await trx
          .updateTable('neighbourhoods')
          .set({ archived_at: archived ? now.toISOString() : null })
          .where('id', '=', id)
          .execute();
      });
    },
  };
}
export type PlaceService = ReturnType<typeof placeService>;
