import type * as Y from 'yjs';
import type { ConsentRecord, FileAccess } from '../../shared/api.js';
import { readBoard } from '../../shared/doc/board.js';
import { readClientVoice } from '../../shared/doc/clientVoice.js';
import { readNotes } from '../../shared/doc/compartment.js';
import { readAgenda } from '../../shared/doc/meeting.js';
import { readMeetingCase } from '../../shared/doc/meetingCase.js';
import { readObservations, readSignalPlan } from '../../shared/doc/signalPlan.js';
import type { ProfessionalDomain } from '../../shared/domain.js';
import { caseDocumentName, meetingCaseDocumentName, meetingDocumentName } from '../../shared/protocol.js';
import type { ClientFile } from '../../shared/rightsApi.js';
import type { AccessLog } from '../audit/accessLog.js';
import { sql } from 'kysely';
import type { DocumentLog } from '../storage/documentLog.js';
import { readStored as readStoredDocument } from '../storage/readStored.js';
import type { Data } from '../storage/data.js';
import type { CaseService } from '../services/cases.js';
import { assembleClientFile } from './assemble.js';

/** The case row's columns the copy gives as fields of their own; the rest go into `details`. */
const ownFields = new Set([
  'id',
  'client_name',
  'birth_year',
  'neighbourhood_id',
  'coordinator_id',
  'recovery_context',
  'status',
  'created_at',
]);
/** What a reference in the case row is shown as: the name of the person or place it points at. */
const nameColumns: Record<string, string> = {
  users: 'display_name',
  professionals: 'name',
  neighbourhoods: 'name',
  districts: 'name',
};

type Cell = string | number | null;

interface Reference {
  from: string;
  table: string;
  to: string | null;
}

/** The foreign keys of the case row; reading the schema is the one thing each engine says its own way. */
async function referencesOfCases(data: Data): Promise<Reference[]> {
  const query =
    data.engine === 'sqlite'
      ? sql<Reference>`SELECT "from", "table", "to" FROM pragma_foreign_key_list('cases')`
      : sql<Reference>`SELECT k.column_name AS "from", u.table_name AS "table", u.column_name AS "to"
         FROM information_schema.referential_constraints r
         JOIN information_schema.key_column_usage k
           ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
         JOIN information_schema.constraint_column_usage u
           ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
         WHERE k.table_name = 'cases' AND k.table_schema = current_schema()`;
  return (await query.execute(data.db)).rows;
}

/**
 * Builds the copy of everything stored about one client (SPEC RT9), from SQL and the stored
 * documents read into documents of its own: making a copy never loads or changes a board.
 */
export function clientFileService(deps: {
  data: Data;
  /** The stored documents (the document log, in the same database). */
  documents: Pick<DocumentLog, 'load'>;
  audit: AccessLog;
  cases: CaseService;
  /** The case's consents, withdrawn and ended ones too. */
  consents(caseId: string): Promise<ConsentRecord[]> | ConsentRecord[];
}) {
  const { data, documents, audit, cases } = deps;
  const caseRow = async (caseId: string) =>
    (await data.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()) as
      Record<string, Cell> | undefined;
  let known: Promise<Reference[]> | null = null;
  /** The case row's references: which column points at which table's column; read from the schema once. */
  const references = () => (known ??= referencesOfCases(data));
  const meetings = (caseId: string) =>
    data.db
      .selectFrom('meeting_agenda as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select(['m.id', 'm.title', 'm.starts_at as startsAt', 'm.status'])
      .where('a.case_id', '=', caseId)
      .orderBy('m.starts_at')
      .execute();
  const versions = (caseId: string): Promise<ClientFile['versions'][number][]> =>
    data.db
      .selectFrom('board_versions')
      .select(['created_at as createdAt', 'kind'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  const readStored = <T>(name: string, read: (doc: Y.Doc) => T) => readStoredDocument(documents, name, read);

  /** The case row's other columns, each reference as the name it points at. */
  const otherDetails = async (row: Record<string, Cell>): Promise<Record<string, Cell>> => {
    const result: Record<string, Cell> = {};
    const refs = await references();
    for (const [column, value] of Object.entries(row)) {
      if (ownFields.has(column)) continue;
      const ref = refs.find((r) => r.from === column);
      const nameColumn = ref && nameColumns[ref.table];
      result[column] =
        nameColumn && value !== null
          ? ((
              await sql<{ name: string }>`SELECT ${sql.ref(nameColumn)} AS name FROM ${sql.table(ref.table)}
                WHERE ${sql.ref(ref.to ?? 'id')} = ${value}`.execute(data.db)
            ).rows[0]?.name ?? null)
          : value;
    }
    return result;
  };

  return {
    /**
     * The copy of one client's file; `compartments` are the sides whose notes it holds (the client's
     * own copy: both). Null when there is no such case.
     */
    async build(
      caseId: string,
      options: { madeBy: ClientFile['madeBy']; compartments: ReadonlySet<ProfessionalDomain>; now?: Date },
    ): Promise<ClientFile | null> {
      const details = await cases.getCase(caseId);
      const row = await caseRow(caseId);
      if (!details || !row) return null;
      // Every professional's name, read before assembling: `nameOf` answers from memory.
      const names = new Map(
        (await data.db.selectFrom('professionals').select(['id', 'name']).execute()).map((p) => [
          p.id,
          p.name,
        ]),
      );
      const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
      const board = await readStored(caseDocumentName(caseId), (doc) => ({
        board: readBoard(doc),
        signalPlan: readSignalPlan(doc),
        observations: readObservations(doc),
        voice: readClientVoice(doc),
      }));
      const notesOf = (side: ProfessionalDomain) =>
        options.compartments.has(side) ? readStored(caseDocumentName(caseId, side), readNotes) : null;
      const [medical, social] = await Promise.all([notesOf('medical'), notesOf('social')]);
      const users = new Map(
        (await data.db.selectFrom('users').select(['id', 'display_name as name']).execute()).map((u) => [
          u.id,
          u.name,
        ]),
      );
      const accessLog: FileAccess[] = (await audit.whoLookedAt(caseId)).map((e) => ({
        at: e.at,
        event: e.event,
        name: (e.userId && users.get(e.userId)) || '—',
        role: e.role,
      }));
      return assembleClientFile({
        exportedAt: (options.now ?? new Date()).toISOString(),
        madeBy: options.madeBy,
        details,
        registeredAt: String(row.created_at),
        otherDetails: await otherDetails(row),
        ...board,
        compartments: { medical, social },
        meetings: await Promise.all(
          (await meetings(caseId)).map(async (m) => ({
            title: m.title,
            startsAt: m.startsAt,
            status: m.status,
            question:
              (await readStored(meetingDocumentName(m.id), readAgenda)).find((item) => item.id === caseId)
                ?.question ?? '',
            content: await readStored(meetingCaseDocumentName(m.id, caseId), readMeetingCase),
          })),
        ),
        consents: await deps.consents(caseId),
        versions: await versions(caseId),
        ratingHistory: await data.db
          .selectFrom('client_rating_log')
          .select(['domain', 'score', 'rated_at as ratedAt'])
          .where('case_id', '=', caseId)
          .orderBy('rated_at')
          .orderBy('id')
          .execute(),
        accessLog,
        nameOf,
      });
    },
  };
}
export type ClientFileService = ReturnType<typeof clientFileService>;
