import { randomUUID } from 'node:crypto';
import type {
  DuplicateContact,
  IntakeBody,
  IntakeOptions,
  IntakeProfessional,
} from '../../shared/intakeApi.js';
import { foldName } from '../../shared/search.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';
import { professionalColumns, professionalJoins } from '../services/cases.js';
import { activeNeighbourhoodSql } from '../services/places.js';

/**
 * A name as the duplicate check compares it: case, accents, punctuation and spacing do not
 * matter, nor do invisible characters (zero-width spaces and joiners, bidi marks, soft hyphens)
 * that a pasted name brings along; full-width letters fold to their plain ones (NFKD).
 */
export const nameKey = (name: string) =>
  foldName(name.replace(/\p{Cf}/gu, ''))
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A case that may be this client's: only the server ever holds its id. */
export interface PossibleDuplicate {
  caseId: string;
  coordinatorId: string | null;
  /** The coordinator to contact; null when the case has none with an account that can sign in. */
  contact: DuplicateContact | null;
}

/** The registration as stored: the new case's id and who is on it. */
export interface Registered {
  caseId: string;
  memberIds: string[];
}

const activeAccount = (professional: string) =>
  `EXISTS (SELECT 1 FROM users u WHERE u.professional_id = ${professional} AND u.disabled_at IS NULL)`;
const disabledAccount = (professional: string) =>
  `EXISTS (SELECT 1 FROM users u WHERE u.professional_id = ${professional} AND u.disabled_at IS NOT NULL)`;

/**
 * Registering a client: what the page offers, the possible-duplicate check (name and date of
 * birth; it names a contact, never the case) and the rows of a new case. The route checks who
 * may register; the board's first perspectives are written by the route after this commits.
 */
export function intakeService(db: Db) {
  const neighbourhoods = db.prepare<[], { id: string; name: string }>(
    `SELECT n.id, n.name FROM neighbourhoods n JOIN districts d ON d.id = n.district_id
     WHERE ${activeNeighbourhoodSql} ORDER BY n.name`,
  );
  const neighbourhood = db.prepare<[string], { id: string }>(
    `SELECT n.id FROM neighbourhoods n JOIN districts d ON d.id = n.district_id
     WHERE n.id = ? AND ${activeNeighbourhoodSql}`,
  );
  const teamOf = db.prepare<[string], { neighbourhoodId: string | null }>(`
    SELECT t.neighbourhood_id AS neighbourhoodId FROM professionals p JOIN teams t ON t.id = p.team_id
    WHERE p.id = ? AND t.archived_at IS NULL`);
  // Leavers (a disabled account) are not offered; professionals without an account are contacts.
  const professionals = db.prepare<
    [],
    Omit<IntakeProfessional, 'mayCoordinate'> & { mayCoordinate: number }
  >(`
    SELECT ${professionalColumns}, ${activeAccount('p.id')} AS mayCoordinate
    FROM professionals p ${professionalJoins} WHERE NOT ${disabledAccount('p.id')} ORDER BY p.name`);
  const professional = db.prepare<[string], { roleTitle: string; mayCoordinate: number; disabled: number }>(`
    SELECT role_title AS roleTitle, ${activeAccount('p.id')} AS mayCoordinate, ${disabledAccount('p.id')} AS disabled
    FROM professionals p WHERE p.id = ?`);
  const sameBirth = db.prepare<
    [number, string],
    { caseId: string; clientName: string; coordinatorId: string | null }
  >(`
    SELECT id AS caseId, client_name AS clientName, coordinator_id AS coordinatorId FROM cases
    WHERE birth_year = ? AND (date_of_birth = ? OR date_of_birth IS NULL)`);
  const contact = db.prepare<[string], DuplicateContact>(`
    SELECT p.id, p.name, p.role_title AS roleTitle, t.name AS team, o.name AS organisation, p.phone, p.email
    FROM professionals p ${professionalJoins} WHERE p.id = ? AND ${activeAccount('p.id')}`);
  const insertCase = db.prepare(`INSERT INTO cases
    (id, client_name, birth_year, date_of_birth, neighbourhood_id, coordinator_id, recovery_context, status,
     created_at, address, phone, preferred_language, reading_level, bsn, registered_by)
    VALUES (@id, @clientName, @birthYear, @dateOfBirth, @neighbourhoodId, @coordinatorId, @recoveryContext, 'open',
     @createdAt, @address, @phone, @preferredLanguage, @readingLevel, @bsn, @registeredBy)`);
  const insertMember = db.prepare(
    'INSERT INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, ?, ?)',
  );
  const insertEvent = db.prepare(
    "INSERT INTO case_events (case_id, at, kind, user_id, to_professional_id) VALUES (?, ?, 'registered', ?, ?)",
  );
  const pendingAccessRequest = db.prepare<[string, string, string], { one: number }>(`
    SELECT 1 AS one FROM notifications n JOIN users u ON u.id = n.user_id
    WHERE n.case_id = ? AND u.professional_id = ? AND n.from_professional_id = ?
      AND n.kind = 'access-request' AND n.read_at IS NULL`);
  const forget = db.transaction((caseId: string) => {
    db.prepare('DELETE FROM case_events WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM case_members WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
  });

  const requireProfessional = (field: string, id: string) => {
    const row = professional.get(id);
    if (!row) throw new HttpError(400, `${field}: no professional ${id}`);
    if (row.disabled) throw new HttpError(400, `${field}: ${id} has left (their account is disabled)`);
    return row;
  };

  /**
   * The registration's people and place as they will be stored, or 400 naming the field. Run
   * before the duplicate check too, so its answer (who coordinates this client) only ever comes
   * to a registration that could be stored, never to a probe that would leave no case behind.
   */
  const check = (body: IntakeBody, by: { professionalId: string }) => {
    if (!neighbourhood.get(body.neighbourhoodId))
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${body.neighbourhoodId}`);
    const coordinator = requireProfessional('coordinatorId', body.coordinatorId);
    if (!coordinator.mayCoordinate)
      throw new HttpError(400, `coordinatorId: ${body.coordinatorId} has no account to coordinate with`);
    const members = body.members
      .map((m, index) => {
        const found = requireProfessional(`members.${index}.professionalId`, m.professionalId);
        return { ...m, caseRole: m.caseRole ?? found.roleTitle };
      })
      .filter((m) => m.professionalId !== body.coordinatorId);
    if (
      by.professionalId !== body.coordinatorId &&
      !members.some((m) => m.professionalId === by.professionalId)
    ) {
      members.push({
        professionalId: by.professionalId,
        access: 'write',
        caseRole: requireProfessional('you', by.professionalId).roleTitle,
      });
    }
    return members;
  };

  return {
    check: (body: IntakeBody, by: { professionalId: string }): void => void check(body, by),

    /**
     * Whether this colleague's earlier request to the coordinator of this case is still unread:
     * asking again then adds no notice, so nobody floods a coordinator's notices.
     */
    accessRequestPending: (caseId: string, coordinatorId: string, fromProfessionalId: string): boolean =>
      !!pendingAccessRequest.get(caseId, coordinatorId, fromProfessionalId),

    /** Whether this professional registers clients: coordinators and professionals of a team. */
    mayRegister: (professionalId: string) => !!teamOf.get(professionalId),

    options(professionalId: string): IntakeOptions {
      return {
        neighbourhoods: neighbourhoods.all(),
        myNeighbourhoodId: teamOf.get(professionalId)?.neighbourhoodId ?? null,
        mayRegister: !!teamOf.get(professionalId),
        professionals: professionals.all().map((p) => ({ ...p, mayCoordinate: p.mayCoordinate === 1 })),
      };
    },

    /** Cases whose client has this name and date of birth (or only the birth year, from before intake). */
    possibleDuplicates(clientName: string, dateOfBirth: string): PossibleDuplicate[] {
      const key = nameKey(clientName);
      return sameBirth
        .all(Number(dateOfBirth.slice(0, 4)), dateOfBirth)
        .filter((c) => nameKey(c.clientName) === key)
        .map((c) => ({
          caseId: c.caseId,
          coordinatorId: c.coordinatorId,
          contact: c.coordinatorId ? (contact.get(c.coordinatorId) ?? null) : null,
        }));
    },

    /**
     * Stores the case, its members and its first step (registered). The registering person is on
     * it (as a member who may write, unless they chose otherwise or coordinate it), so they can
     * open the board they just made. Refuses (400, the field named) before anything is stored.
     */
    register(body: IntakeBody, by: { userId: string; professionalId: string }, now = new Date()): Registered {
      const members = check(body, by);
      // Random, so neither a URL nor a log line ever says whose case it is (SPEC A3).
      const caseId = randomUUID();
      db.transaction(() => {
        insertCase.run({
          id: caseId,
          clientName: body.clientName,
          birthYear: Number(body.dateOfBirth.slice(0, 4)),
          dateOfBirth: body.dateOfBirth,
          neighbourhoodId: body.neighbourhoodId,
          coordinatorId: body.coordinatorId,
          recoveryContext: body.recoveryContext,
          createdAt: now.toISOString(),
          address: body.address,
          phone: body.phone,
          preferredLanguage: body.preferredLanguage,
          readingLevel: body.readingLevel,
          bsn: body.bsn,
          registeredBy: by.userId,
        });
        for (const m of members) insertMember.run(caseId, m.professionalId, m.caseRole, m.access);
        insertEvent.run(caseId, now.toISOString(), by.userId, body.coordinatorId);
      })();
      return { caseId, memberIds: members.map((m) => m.professionalId) };
    },

    /** Takes back a registration whose board could not be stored, so nothing of it remains. */
    forget: (caseId: string) => forget(caseId),
  };
}
export type IntakeService = ReturnType<typeof intakeService>;
