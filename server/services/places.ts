import { randomUUID } from 'node:crypto';
import type { AdminDistrict, AdminNeighbourhood, PlacesAnswer } from '../../shared/adminApi.js';
import type { Neighbourhood } from '../../shared/api.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

/** A neighbourhood a picker offers: neither it nor its district is archived. */
/** A neighbourhood in use: neither it nor its district archived (`n`, `d`; SPEC PP2). */
export const activeNeighbourhoodSql = `n.archived_at IS NULL AND d.archived_at IS NULL`;

/**
 * Districts (wijk) and their neighbourhoods (buurt). Policy lives per district, work per
 * neighbourhood (DESIGN lesson 5). Nothing that cases, teams or meetings refer to is ever deleted:
 * an archived place leaves the pickers and keeps its name wherever it is used.
 */
export function placeService(db: Db) {
  const districts = db.prepare<[], Omit<AdminDistrict, 'neighbourhoods'>>(
    'SELECT id, name, archived_at AS archivedAt FROM districts ORDER BY name COLLATE NOCASE, id',
  );
  const neighbourhoods = db.prepare<[], AdminNeighbourhood>(`
    SELECT n.id, n.district_id AS districtId, n.name, n.archived_at AS archivedAt,
      (SELECT count(*) FROM teams t WHERE t.neighbourhood_id = n.id) AS teams,
      (SELECT count(*) FROM cases c WHERE c.neighbourhood_id = n.id AND c.status = 'open') AS openCases,
      (SELECT count(*) FROM meetings m WHERE m.neighbourhood_id = n.id) AS meetings
    FROM neighbourhoods n ORDER BY n.name COLLATE NOCASE, n.id`);
  const district = db.prepare<[string], { id: string; archivedAt: string | null }>(
    'SELECT id, archived_at AS archivedAt FROM districts WHERE id = ?',
  );
  const neighbourhood = db.prepare<
    [string],
    { id: string; districtId: string; archivedAt: string | null; districtArchivedAt: string | null }
  >(`SELECT n.id, n.district_id AS districtId, n.archived_at AS archivedAt, d.archived_at AS districtArchivedAt
     FROM neighbourhoods n JOIN districts d ON d.id = n.district_id WHERE n.id = ?`);
  const districtNamed = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM districts WHERE name = ? COLLATE NOCASE AND id <> ?',
  );
  const neighbourhoodNamed = db.prepare<[string, string, string], { id: string }>(
    'SELECT id FROM neighbourhoods WHERE district_id = ? AND name = ? COLLATE NOCASE AND id <> ?',
  );
  const insertDistrict = db.prepare('INSERT INTO districts (id, name) VALUES (?, ?)');
  const insertNeighbourhood = db.prepare(
    'INSERT INTO neighbourhoods (id, district_id, name) VALUES (?, ?, ?)',
  );
  const renameDistrict = db.prepare('UPDATE districts SET name = ? WHERE id = ?');
  const renameNeighbourhood = db.prepare('UPDATE neighbourhoods SET name = ? WHERE id = ?');
  const archiveDistrict = db.prepare('UPDATE districts SET archived_at = ? WHERE id = ?');
  const archiveNeighbourhood = db.prepare('UPDATE neighbourhoods SET archived_at = ? WHERE id = ?');
  const active = db.prepare<[], Neighbourhood>(`
    SELECT n.id, n.name FROM neighbourhoods n JOIN districts d ON d.id = n.district_id
    WHERE ${activeNeighbourhoodSql} ORDER BY n.name COLLATE NOCASE, n.id`);
  const isActive = db.prepare<[string], { id: string }>(`
    SELECT n.id FROM neighbourhoods n JOIN districts d ON d.id = n.district_id
    WHERE n.id = ? AND ${activeNeighbourhoodSql}`);

  const districtOf = (id: string) => {
    const row = district.get(id);
    if (!row) throw new HttpError(404, `districtId: no district ${id}`);
    return row;
  };
  const neighbourhoodOf = (id: string) => {
    const row = neighbourhood.get(id);
    if (!row) throw new HttpError(404, `neighbourhoodId: no neighbourhood ${id}`);
    return row;
  };
  const uniqueDistrict = (name: string, id = '') => {
    if (districtNamed.get(name, id)) throw new HttpError(409, `name: a district ${name} exists already`);
  };
  const uniqueNeighbourhood = (districtId: string, name: string, id = '') => {
    if (neighbourhoodNamed.get(districtId, name, id))
      throw new HttpError(409, `name: this district has a neighbourhood ${name} already`);
  };

  return {
    /** Every district with its neighbourhoods, archived ones too, and what refers to each. */
    list(): PlacesAnswer {
      const byDistrict = new Map<string, AdminNeighbourhood[]>();
      for (const n of neighbourhoods.all()) {
        byDistrict.set(n.districtId, [...(byDistrict.get(n.districtId) ?? []), n]);
      }
      return {
        districts: districts.all().map((d) => ({ ...d, neighbourhoods: byDistrict.get(d.id) ?? [] })),
      };
    },
    /** The neighbourhoods a new team, case or meeting may be in. */
    activeNeighbourhoods: (): Neighbourhood[] => active.all(),
    isActiveNeighbourhood: (id: string): boolean => !!isActive.get(id),

    createDistrict(name: string): string {
      const id = `district-${randomUUID()}`;
      db.transaction(() => {
        uniqueDistrict(name);
        insertDistrict.run(id, name);
      })();
      return id;
    },
    renameDistrict(id: string, name: string): void {
      db.transaction(() => {
        districtOf(id);
        uniqueDistrict(name, id);
        renameDistrict.run(name, id);
      })();
    },
    /** Archives or restores a district; its neighbourhoods leave (or return to) the pickers with it. */
    setDistrictArchived(id: string, archived: boolean, now = new Date()): void {
      db.transaction(() => {
        districtOf(id);
        archiveDistrict.run(archived ? now.toISOString() : null, id);
      })();
    },

    createNeighbourhood(districtId: string, name: string): string {
      const id = `neighbourhood-${randomUUID()}`;
      db.transaction(() => {
        const d = district.get(districtId);
        if (!d) throw new HttpError(400, `districtId: no district ${districtId}`);
        if (d.archivedAt) throw new HttpError(409, 'districtId: the district is archived');
        uniqueNeighbourhood(districtId, name);
        insertNeighbourhood.run(id, districtId, name);
      })();
      return id;
    },
    renameNeighbourhood(id: string, name: string): void {
      db.transaction(() => {
        const n = neighbourhoodOf(id);
        uniqueNeighbourhood(n.districtId, name, id);
        renameNeighbourhood.run(name, id);
      })();
    },
    setNeighbourhoodArchived(id: string, archived: boolean, now = new Date()): void {
      db.transaction(() => {
        const n = neighbourhoodOf(id);
        if (!archived && n.districtArchivedAt)
          throw new HttpError(409, 'neighbourhoodId: restore its district first');
        archiveNeighbourhood.run(archived ? now.toISOString() : null, id);
      })();
    },
  };
}
export type PlaceService = ReturnType<typeof placeService>;
