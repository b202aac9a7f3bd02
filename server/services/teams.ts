import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type {
  AdminOrganisation,
  AdminTeam,
  OrganisationKind,
  TeamKind,
  TeamsAnswer,
} from '../../shared/adminApi.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';
import type { PlaceService } from './places.js';

export interface TeamInput {
  name: string;
  kind: TeamKind;
  neighbourhoodId: string;
}

/** Names are unique whatever their case: `lower` on both sides, the same on both engines. */
const sameName = (name: string) => sql<boolean>`lower(name) = lower(${name})`;

/**
 * Teams (each in one neighbourhood, of one kind) and the organisations professionals work for.
 * A team is archived, never deleted: professionals and their history keep its name.
 */
export function teamService(data: Data, places: PlaceService) {
  const { db } = data;
  const teams = async (): Promise<AdminTeam[]> => {
    const rows = await db
      .selectFrom('teams as t')
      .select((eb) => [
        't.id',
        't.name',
        't.kind',
        't.neighbourhood_id as neighbourhoodId',
        't.archived_at as archivedAt',
        eb
          .selectFrom('professionals as p')
          .select(eb.fn.countAll().as('n'))
          .whereRef('p.team_id', '=', 't.id')
          .as('members'),
      ])
      .orderBy(sql`lower(t.name)`)
      .orderBy('t.id')
      .execute();
    return rows.map((t) => ({ ...t, members: Number(t.members) }));
  };
  const organisations = async (): Promise<AdminOrganisation[]> => {
    const rows = await db
      .selectFrom('organisations as o')
      .select((eb) => [
        'o.id',
        'o.name',
        'o.kind',
        'o.archived_at as archivedAt',
        eb
          .selectFrom('professionals as p')
          .select(eb.fn.countAll().as('n'))
          .whereRef('p.organisation_id', '=', 'o.id')
          .as('members'),
      ])
      .orderBy(sql`lower(o.name)`)
      .orderBy('o.id')
      .execute();
    return rows.map((o) => ({ ...o, kind: o.kind as OrganisationKind, members: Number(o.members) }));
  };
  const team = (id: string, tx: Executor) =>
    tx
      .selectFrom('teams')
      .select(['id', 'neighbourhood_id as neighbourhoodId', 'archived_at as archivedAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  const organisation = (id: string, tx: Executor) =>
    tx
      .selectFrom('organisations')
      .select(['id', 'archived_at as archivedAt'])
      .where('id', '=', id)
      .executeTakeFirst();

  const teamOf = async (id: string, tx: Executor) => {
    const row = await team(id, tx);
    if (!row) throw new HttpError(404, `teamId: no team ${id}`);
    return row;
  };
  /** A team goes in a neighbourhood that pickers offer; one it is in already may stay archived. */
  const checkNeighbourhood = async (tx: Executor, neighbourhoodId: string, current: string | null = null) => {
    if (neighbourhoodId === current) return;
    if (!(await places.isActiveNeighbourhood(neighbourhoodId, tx)))
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${neighbourhoodId} that is in use`);
  };
  const uniqueTeam = async (tx: Executor, input: TeamInput, id = '') => {
    const named = await tx
      .selectFrom('teams')
      .select('id')
      .where('neighbourhood_id', '=', input.neighbourhoodId)
      .where(sameName(input.name))
      .where('id', '<>', id)
      .executeTakeFirst();
    if (named) throw new HttpError(409, `name: this neighbourhood has a team ${input.name} already`);
  };
  const organisationOf = async (id: string, tx: Executor) => {
    const row = await organisation(id, tx);
    if (!row) throw new HttpError(404, `organisationId: no organisation ${id}`);
    return row;
  };
  const uniqueOrganisation = async (tx: Executor, name: string, id = '') => {
    const named = await tx
      .selectFrom('organisations')
      .select('id')
      .where(sameName(name))
      .where('id', '<>', id)
      .executeTakeFirst();
    if (named) throw new HttpError(409, `name: an organisation ${name} exists already`);
  };

  return {
    list: async (): Promise<TeamsAnswer> => ({ teams: await teams(), organisations: await organisations() }),
    async create(input: TeamInput): Promise<string> {
      const id = `team-${randomUUID()}`;
      await data.write(async (trx) => {
        await checkNeighbourhood(trx, input.neighbourhoodId);
        await uniqueTeam(trx, input);
        await trx
          .insertInto('teams')
          .values({ id, name: input.name, kind: input.kind, neighbourhood_id: input.neighbourhoodId })
          .execute();
      });
      return id;
    },
    async update(id: string, input: TeamInput): Promise<void> {
      await data.write(async (trx) => {
        const current = await teamOf(id, trx);
        await checkNeighbourhood(trx, input.neighbourhoodId, current.neighbourhoodId);
        await uniqueTeam(trx, input, id);
        await trx
          .updateTable('teams')
          .set({ name: input.name, kind: input.kind, neighbourhood_id: input.neighbourhoodId })
          .where('id', '=', id)
          .execute();
      });
    },
    /** Archives or restores a team; a team comes back only into a neighbourhood that is in use. */
    async setArchived(id: string, archived: boolean, now = new Date()): Promise<void> {
      await data.write(async (trx) => {
        const current = await teamOf(id, trx);
        if (
          !archived &&
          current.neighbourhoodId &&
          !(await places.isActiveNeighbourhood(current.neighbourhoodId, trx))
        )
          throw new HttpError(409, 'teamId: its neighbourhood is archived; move the team first');
        await trx
          .updateTable('teams')
          .set({ archived_at: archived ? now.toISOString() : null })
          .where('id', '=', id)
          .execute();
      });
    },
    /** Whether a professional may be put in this team (it exists and is not archived). */
    isActive: async (id: string, tx: Executor = db): Promise<boolean> => {
      const row = await team(id, tx);
      return !!row && !row.archivedAt;
    },
    /** Whether a professional may be put in this organisation (it exists and is not archived). */
    isActiveOrganisation: async (id: string, tx: Executor = db): Promise<boolean> => {
      const row = await organisation(id, tx);
      return !!row && !row.archivedAt;
    },

    async createOrganisation(name: string, kind: OrganisationKind): Promise<string> {
      const id = `org-${randomUUID()}`;
      await data.write(async (trx) => {
        await uniqueOrganisation(trx, name);
        await trx.insertInto('organisations').values({ id, name, kind }).execute();
      });
      return id;
    },
    async updateOrganisation(id: string, name: string, kind: OrganisationKind): Promise<void> {
      await data.write(async (trx) => {
        await organisationOf(id, trx);
        await uniqueOrganisation(trx, name, id);
        await trx.updateTable('organisations').set({ name, kind }).where('id', '=', id).execute();
      });
    },
    /** Archives or restores an organisation; the professionals who work there keep it (SPEC PP12). */
    async setOrganisationArchived(id: string, archived: boolean, now = new Date()): Promise<void> {
      await organisationOf(id, db);
      await db
        .updateTable('organisations')
        .set({ archived_at: archived ? now.toISOString() : null })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type TeamService = ReturnType<typeof teamService>;
