import { randomUUID } from 'node:crypto';
import type {
  AdminOrganisation,
  AdminTeam,
  OrganisationKind,
  TeamKind,
  TeamsAnswer,
} from '../../shared/adminApi.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import type { PlaceService } from './places.js';

export interface TeamInput {
  name: string;
  kind: TeamKind;
  neighbourhoodId: string;
}

/**
 * Teams (each in one neighbourhood, of one kind) and the organisations professionals work for.
 * A team is archived, never deleted: professionals and their history keep its name.
 */
export function teamService(db: Db, places: PlaceService) {
  const teams = db.prepare<[], AdminTeam>(`
    SELECT t.id, t.name, t.kind, t.neighbourhood_id AS neighbourhoodId, t.archived_at AS archivedAt,
      (SELECT count(*) FROM professionals p WHERE p.team_id = t.id) AS members
    FROM teams t ORDER BY t.name COLLATE NOCASE, t.id`);
  const organisations = db.prepare<[], AdminOrganisation>(`
    SELECT o.id, o.name, o.kind, o.archived_at AS archivedAt,
      (SELECT count(*) FROM professionals p WHERE p.organisation_id = o.id) AS members
    FROM organisations o ORDER BY o.name COLLATE NOCASE, o.id`);
  const team = db.prepare<
    [string],
    { id: string; neighbourhoodId: string | null; archivedAt: string | null }
  >('SELECT id, neighbourhood_id AS neighbourhoodId, archived_at AS archivedAt FROM teams WHERE id = ?');
  const teamNamed = db.prepare<[string, string, string], { id: string }>(
    'SELECT id FROM teams WHERE neighbourhood_id = ? AND name = ? COLLATE NOCASE AND id <> ?',
  );
  const organisation = db.prepare<[string], { id: string; archivedAt: string | null }>(
    'SELECT id, archived_at AS archivedAt FROM organisations WHERE id = ?',
  );
  const organisationNamed = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM organisations WHERE name = ? COLLATE NOCASE AND id <> ?',
  );
  const insertTeam = db.prepare('INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES (?, ?, ?, ?)');
  const updateTeam = db.prepare('UPDATE teams SET name = ?, kind = ?, neighbourhood_id = ? WHERE id = ?');
  const archiveTeam = db.prepare('UPDATE teams SET archived_at = ? WHERE id = ?');
  const insertOrganisation = db.prepare('INSERT INTO organisations (id, name, kind) VALUES (?, ?, ?)');
  const updateOrganisation = db.prepare('UPDATE organisations SET name = ?, kind = ? WHERE id = ?');
  const archiveOrganisation = db.prepare('UPDATE organisations SET archived_at = ? WHERE id = ?');

  const teamOf = (id: string) => {
    const row = team.get(id);
    if (!row) throw new HttpError(404, `teamId: no team ${id}`);
    return row;
  };
  /** A team goes in a neighbourhood that pickers offer; one it is in already may stay archived. */
  const checkNeighbourhood = (neighbourhoodId: string, current: string | null = null) => {
    if (neighbourhoodId === current) return;
    if (!places.isActiveNeighbourhood(neighbourhoodId))
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${neighbourhoodId} that is in use`);
  };
  const uniqueTeam = (input: TeamInput, id = '') => {
    if (teamNamed.get(input.neighbourhoodId, input.name, id))
      throw new HttpError(409, `name: this neighbourhood has a team ${input.name} already`);
  };
  const organisationOf = (id: string) => {
    const row = organisation.get(id);
    if (!row) throw new HttpError(404, `organisationId: no organisation ${id}`);
    return row;
  };
  const uniqueOrganisation = (name: string, id = '') => {
    if (organisationNamed.get(name, id))
      throw new HttpError(409, `name: an organisation ${name} exists already`);
  };

  return {
    list: (): TeamsAnswer => ({ teams: teams.all(), organisations: organisations.all() }),
    create(input: TeamInput): string {
      const id = `team-${randomUUID()}`;
      db.transaction(() => {
        checkNeighbourhood(input.neighbourhoodId);
        uniqueTeam(input);
        insertTeam.run(id, input.name, input.kind, input.neighbourhoodId);
      })();
      return id;
    },
    update(id: string, input: TeamInput): void {
      db.transaction(() => {
        const current = teamOf(id);
        checkNeighbourhood(input.neighbourhoodId, current.neighbourhoodId);
        uniqueTeam(input, id);
        updateTeam.run(input.name, input.kind, input.neighbourhoodId, id);
      })();
    },
    /** Archives or restores a team; a team comes back only into a neighbourhood that is in use. */
    setArchived(id: string, archived: boolean, now = new Date()): void {
      db.transaction(() => {
        const current = teamOf(id);
        if (!archived && current.neighbourhoodId && !places.isActiveNeighbourhood(current.neighbourhoodId))
          throw new HttpError(409, 'teamId: its neighbourhood is archived; move the team first');
        archiveTeam.run(archived ? now.toISOString() : null, id);
      })();
    },
    /** Whether a professional may be put in this team (it exists and is not archived). */
    isActive: (id: string) => {
      const row = team.get(id);
      return !!row && !row.archivedAt;
    },
    /** Whether a professional may be put in this organisation (it exists and is not archived). */
    isActiveOrganisation: (id: string) => {
      const row = organisation.get(id);
      return !!row && !row.archivedAt;
    },

    createOrganisation(name: string, kind: OrganisationKind): string {
      const id = `org-${randomUUID()}`;
      db.transaction(() => {
        uniqueOrganisation(name);
        insertOrganisation.run(id, name, kind);
      })();
      return id;
    },
    updateOrganisation(id: string, name: string, kind: OrganisationKind): void {
      db.transaction(() => {
        organisationOf(id);
        uniqueOrganisation(name, id);
        updateOrganisation.run(name, kind, id);
      })();
    },
    /** Archives or restores an organisation; the professionals who work there keep it (SPEC PP12). */
    setOrganisationArchived(id: string, archived: boolean, now = new Date()): void {
      organisationOf(id);
      archiveOrganisation.run(archived ? now.toISOString() : null, id);
    },
  };
}
export type TeamService = ReturnType<typeof teamService>;
