import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { DuplicateContact, IntakeBody, IntakeOptions } from '../../shared/intakeApi.js';
import { foldName } from '../../shared/search.js';
import { HttpError } from '../http/validate.js';
import { professionalColumns, professionals } from '../services/cases.js';
import type { Data } from '../storage/data.js';
import type { Database } from '../storage/schema.js';
import type { ProfessionalsTable } from '../storage/tables.js';

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

/** Whether the professional `p` has an account that can sign in (`active`) or one disabled (a leaver). */
const account = (eb: ExpressionBuilder<Database & { p: ProfessionalsTable }, 'p'>, active: boolean) =>
  eb.exists(
    eb
      .selectFrom('users as u')
      .select(eb.lit(1).as('one'))
      .whereRef('u.professional_id', '=', 'p.id')
      .where('u.disabled_at', active ? 'is' : 'is not', null),
  );

/**
 * Registering a client: what the page offers, the possible-duplicate check (name and date of
 * birth; it names a contact, never the case) and the rows of a new case. The route checks who
 * may register; the board's first perspectives are written by the route after this commits.
 */
export function intakeService(data: Data) {
  const { db } = data;
  const activeNeighbourhoods = () =>
    db
      .selectFrom('neighbourhoods as n')
      .innerJoin('districts as d', 'd.id', 'n.district_id')
      .where('n.archived_at', 'is', null)
      .where('d.archived_at', 'is', null);
  const neighbourhood = (id: string) =>
    activeNeighbourhoods().select('n.id').where('n.id', '=', id).executeTakeFirst();
  const teamOf = (professionalId: string) =>
    db
      .selectFrom('professionals as p')
      .innerJoin('teams as t', 't.id', 'p.team_id')
      .select('t.neighbourhood_id as neighbourhoodId')
      .where('p.id', '=', professionalId)
      .where('t.archived_at', 'is', null)
      .executeTakeFirst();
  const professional = (id: string) =>
    db
      .selectFrom('professionals as p')
      .select((eb) => [
        'p.role_title as roleTitle',
        account(eb, true).as('mayCoordinate'),
        account(eb, false).as('disabled'),
      ])
      .where('p.id', '=', id)
      .executeTakeFirst();
  const contact = (id: string): Promise<DuplicateContact | undefined> =>
    professionals(db)
      .select([
        'p.id',
        'p.name',
        'p.role_title as roleTitle',
        't.name as team',
        'o.name as organisation',
        'p.phone',
        'p.email',
      ])
      .where('p.id', '=', id)
      .where((eb) => account(eb, true))
      .executeTakeFirst();

  const requireProfessional = async (field: string, id: string) => {
    const row = await professional(id);
    if (!row) throw new HttpError(400, `${field}: no professional ${id}`);
    if (row.disabled) throw new HttpError(400, `${field}: ${id} has left (their account is disabled)`);
    return row;
  };

  /**
   * The registration's people and place as they will be stored, or 400 naming the field. Run
   * before the duplicate check too, so its answer (who coordinates this client) only ever comes
   * to a registration that could be stored, never to a probe that would leave no case behind.
   */
  const check = async (body: IntakeBody, by: { professionalId: string }) => {
    if (!(await neighbourhood(body.neighbourhoodId)))
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${body.neighbourhoodId}`);
    const coordinator = await requireProfessional('coordinatorId', body.coordinatorId);
    if (!coordinator.mayCoordinate)
      throw new HttpError(400, `coordinatorId: ${body.coordinatorId} has no account to coordinate with`);
    const listed: (IntakeBody['members'][number] & { caseRole: string })[] = [];
    // One after the other, so the first field that is wrong is the one named.
    for (const [index, m] of body.members.entries()) {
      const found = await requireProfessional(`members.${index}.professionalId`, m.professionalId);
      listed.push({ ...m, caseRole: m.caseRole ?? found.roleTitle });
    }
    const members = listed.filter((m) => m.professionalId !== body.coordinatorId);
    if (
      by.professionalId !== body.coordinatorId &&
      !members.some((m) => m.professionalId === by.professionalId)
    ) {
      members.push({
        professionalId: by.professionalId,
        access: 'write',
        caseRole: (await requireProfessional('you', by.professionalId)).roleTitle,
      });
    }
    return members;
  };

  return {
    check: async (body: IntakeBody, by: { professionalId: string }): Promise<void> =>
      void (await check(body, by)),

    /**
     * Whether this colleague's earlier request to the coordinator of this case is still unread:
     * asking again then adds no notice, so nobody floods a coordinator's notices.
     */
    async accessRequestPending(
      caseId: string,
      coordinatorId: string,
      fromProfessionalId: string,
    ): Promise<boolean> {
      const row = await db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select((eb) => eb.lit(1).as('one'))
        .where('n.case_id', '=', caseId)
        .where('u.professional_id', '=', coordinatorId)
        .where('n.from_professional_id', '=', fromProfessionalId)
        .where('n.kind', '=', 'access-request')
        .where('n.read_at', 'is', null)
        .executeTakeFirst();
      return !!row;
    },

    /** Whether this professional registers clients: coordinators and professionals of a team. */
    mayRegister: async (professionalId: string): Promise<boolean> => !!(await teamOf(professionalId)),

    async options(professionalId: string): Promise<IntakeOptions> {
      const team = await teamOf(professionalId);
      // Leavers (a disabled account) are not offered; professionals without an account are contacts.
      const offered = await professionals(db)
        .select((eb) => [...professionalColumns, account(eb, true).as('mayCoordinate')])
        .where((eb) => eb.not(account(eb, false)))
        .orderBy('p.name')
        .execute();
      return {
        neighbourhoods: await activeNeighbourhoods().select(['n.id', 'n.name']).orderBy('n.name').execute(),
        myNeighbourhoodId: team?.neighbourhoodId ?? null,
        mayRegister: !!team,
        professionals: offered.map((p) => ({ ...p, mayCoordinate: Boolean(p.mayCoordinate) })),
      };
    },

    /** Cases whose client has this name and date of birth (or only the birth year, from before intake). */
    async possibleDuplicates(clientName: string, dateOfBirth: string): Promise<PossibleDuplicate[]> {
      const key = nameKey(clientName);
      const sameBirth = await db
        .selectFrom('cases')
        .select(['id as caseId', 'client_name as clientName', 'coordinator_id as coordinatorId'])
        .where('birth_year', '=', Number(dateOfBirth.slice(0, 4)))
        .where((eb) => eb.or([eb('date_of_birth', '=', dateOfBirth), eb('date_of_birth', 'is', null)]))
        .execute();
      const found: PossibleDuplicate[] = [];
      for (const c of sameBirth.filter((c) => nameKey(c.clientName) === key)) {
        found.push({
          caseId: c.caseId,
          coordinatorId: c.coordinatorId,
          contact: c.coordinatorId ? ((await contact(c.coordinatorId)) ?? null) : null,
        });
      }
      return found;
    },

    /**
     * Stores the case, its members and its first step (registered). The registering person is on
     * it (as a member who may write, unless they chose otherwise or coordinate it), so they can
     * open the board they just made. Refuses (400, the field named) before anything is stored.
     */
    async register(
      body: IntakeBody,
      by: { userId: string; professionalId: string },
      now = new Date(),
    ): Promise<Registered> {
      const members = await check(body, by);
      // Random, so neither a URL nor a log line ever says whose case it is (SPEC A3).
      const caseId = randomUUID();
      await data.write(async (trx) => {
        await trx
          .insertInto('cases')
          .values({
            id: caseId,
            client_name: body.clientName,
            client_name_key: foldName(body.clientName),
            birth_year: Number(body.dateOfBirth.slice(0, 4)),
            date_of_birth: body.dateOfBirth,
            neighbourhood_id: body.neighbourhoodId,
            coordinator_id: body.coordinatorId,
            recovery_context: body.recoveryContext,
            status: 'open',
            created_at: now.toISOString(),
            address: body.address,
            phone: body.phone,
            preferred_language: body.preferredLanguage,
            reading_level: body.readingLevel,
            bsn: body.bsn,
            registered_by: by.userId,
          })
          .execute();
        for (const m of members)
          await trx
            .insertInto('case_members')
            .values({
              case_id: caseId,
              professional_id: m.professionalId,
              case_role: m.caseRole,
              access: m.access,
            })
            .execute();
        await trx
          .insertInto('case_events')
          .values({
            case_id: caseId,
            at: now.toISOString(),
            kind: 'registered',
            user_id: by.userId,
            to_professional_id: body.coordinatorId,
          })
          .execute();
      });
      return { caseId, memberIds: members.map((m) => m.professionalId) };
    },

    /** Takes back a registration whose board could not be stored, so nothing of it remains. */
    forget: (caseId: string): Promise<void> =>
      data.write(async (trx) => {
        await trx.deleteFrom('case_events').where('case_id', '=', caseId).execute();
        await trx.deleteFrom('case_members').where('case_id', '=', caseId).execute();
        await trx.deleteFrom('cases').where('id', '=', caseId).execute();
      }),
  };
}
export type IntakeService = ReturnType<typeof intakeService>;
