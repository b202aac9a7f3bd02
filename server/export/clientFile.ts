import * as Y from 'yjs';
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
import type { Db } from '../db/database.js';
import { sqliteDocumentStore } from '../db/documentStore.js';
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

/**
 * Builds the copy of everything stored about one client (SPEC RT9), from SQL and the stored
 * documents read into documents of its own: making a copy never loads or changes a board.
 */
export function clientFileService(deps: {
  db: Db;
  audit: AccessLog;
  cases: CaseService;
  /** The case's consents, withdrawn and ended ones too. */
  consents(caseId: string): ConsentRecord[];
}) {
  const { db, audit, cases } = deps;
  const store = sqliteDocumentStore(db);
  const caseRow = db.prepare<[string], Record<string, Cell>>('SELECT * FROM cases WHERE id = ?');
  const references = db
    .prepare<[], { from: string; table: string; to: string | null }>(
      `SELECT "from", "table", "to" FROM pragma_foreign_key_list('cases')`,
    )
    .all();
  const professionalName = db.prepare<[string], { name: string }>(
    'SELECT name FROM professionals WHERE id = ?',
  );
  const userNames = db.prepare<[], { id: string; name: string }>(
    'SELECT id, display_name AS name FROM users',
  );
  const meetings = db.prepare<
    [string],
    { id: string; title: string; startsAt: string; status: 'planned' | 'closed' }
  >(`SELECT m.id, m.title, m.starts_at AS startsAt, m.status
     FROM meeting_agenda a JOIN meetings m ON m.id = a.meeting_id WHERE a.case_id = ? ORDER BY m.starts_at`);
  const versions = db.prepare<[string], ClientFile['versions'][number]>(
    'SELECT created_at AS createdAt, kind FROM board_versions WHERE case_id = ? ORDER BY created_at, id',
  );

  /** A stored document as it is now (every accepted change is stored before it is sent on). */
  const readStored = <T>(name: string, read: (doc: Y.Doc) => T): T => {
    const doc = new Y.Doc();
    try {
      for (const update of store.load(name)) Y.applyUpdate(doc, update);
      return read(doc);
    } finally {
      doc.destroy();
    }
  };

  /** The case row's other columns, each reference as the name it points at. */
  const otherDetails = (row: Record<string, Cell>): Record<string, Cell> => {
    const result: Record<string, Cell> = {};
    for (const [column, value] of Object.entries(row)) {
      if (ownFields.has(column)) continue;
      const ref = references.find((r) => r.from === column);
      const nameColumn = ref && nameColumns[ref.table];
      result[column] =
        nameColumn && value !== null
          ? (db
              .prepare<[Cell], { name: string }>(
                `SELECT "${nameColumn}" AS name FROM "${ref.table}" WHERE "${ref.to ?? 'id'}" = ?`,
              )
              .get(value)?.name ?? null)
          : value;
    }
    return result;
  };

  return {
    /**
     * The copy of one client's file; `compartments` are the sides whose notes it holds (the client's
     * own copy: both). Null when there is no such case.
     */
    build(
      caseId: string,
      options: { madeBy: ClientFile['madeBy']; compartments: ReadonlySet<ProfessionalDomain>; now?: Date },
    ): ClientFile | null {
      const details = cases.getCase(caseId);
      const row = caseRow.get(caseId);
      if (!details || !row) return null;
      const names = new Map<string, string | null>();
      const nameOf = (id: string | null) => {
        if (!id) return null;
        if (!names.has(id)) names.set(id, professionalName.get(id)?.name ?? null);
        return names.get(id)!;
      };
      const board = readStored(caseDocumentName(caseId), (doc) => ({
        board: readBoard(doc),
        signalPlan: readSignalPlan(doc),
        observations: readObservations(doc),
        voice: readClientVoice(doc),
      }));
      const notesOf = (side: ProfessionalDomain) =>
        options.compartments.has(side) ? readStored(caseDocumentName(caseId, side), readNotes) : null;
      const users = new Map(userNames.all().map((u) => [u.id, u.name]));
      const accessLog: FileAccess[] = audit.whoLookedAt(caseId).map((e) => ({
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
        otherDetails: otherDetails(row),
        ...board,
        compartments: { medical: notesOf('medical'), social: notesOf('social') },
        meetings: meetings.all(caseId).map((m) => ({
          title: m.title,
          startsAt: m.startsAt,
          status: m.status,
          question:
            readStored(meetingDocumentName(m.id), readAgenda).find((item) => item.id === caseId)?.question ??
            '',
          content: readStored(meetingCaseDocumentName(m.id, caseId), readMeetingCase),
        })),
        consents: deps.consents(caseId),
        versions: versions.all(caseId),
        accessLog,
        nameOf,
      });
    },
  };
}
export type ClientFileService = ReturnType<typeof clientFileService>;
