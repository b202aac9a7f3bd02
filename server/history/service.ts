import type { HistoryItemKind } from '../../shared/history.js';
import type { HistoryAnswer, LatestChange } from '../../shared/historyApi.js';
import type { Viewer } from '../../shared/permissions.js';
import { caseDocumentName, parseDocumentName } from '../../shared/protocol.js';
import type { DocumentAccess, FactsCache } from '../services/documentAccess.js';
import type { ChangeLog } from './changeLog.js';
import type { ChangeStore, ChangeRow } from './store.js';

export interface HistoryFilter {
  userId?: string;
  kind?: HistoryItemKind;
  itemId?: string;
  before?: string;
  limit: number;
}

/**
 * A case's history for one person: the change log of every document of the case that person may
 * open right now (SPEC H3: a compartment's or a meeting's changes only for who may open it, by
 * the same rules as the documents themselves), and the latest change per goal and perspective.
 */
export function historyService(store: ChangeStore, changeLog: ChangeLog, grant: DocumentAccess) {
  const visibleDocuments = (viewer: Viewer, caseId: string): string[] => {
    const cache: FactsCache = new Map();
    const names = new Set([caseDocumentName(caseId), ...store.documentsOf(caseId)]);
    return [...names].filter((name) => {
      const document = parseDocumentName(name);
      const granted = document ? grant(viewer, document, cache) : null;
      return !!granted && granted !== 'missing';
    });
  };

  const withNames = (rows: Omit<LatestChange, 'name'>[]): LatestChange[] => {
    const names = store.names(rows.map((r) => r.userId));
    return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '—' }));
  };

  return {
    list(viewer: Viewer, caseId: string, filter: HistoryFilter): HistoryAnswer {
      changeLog.flush();
      const documents = visibleDocuments(viewer, caseId);
      const page = store.list({ caseId, documents, ...filter });
      return { ...page, people: store.people(caseId, documents) };
    },

    /** The latest change of every goal and perspective of the board (which every member sees). */
    latest(caseId: string): LatestChange[] {
      changeLog.flush();
      return withNames(store.latest(caseDocumentName(caseId)));
    },

    /** The same, for the board's rows among a batch the change log just wrote. */
    latestAmong(caseId: string, rows: readonly ChangeRow[]): LatestChange[] {
      const board = caseDocumentName(caseId);
      const latest = new Map<string, Omit<LatestChange, 'name'>>();
      for (const row of rows) {
        if (row.documentName !== board) continue;
        const goal = row.kind === 'step' ? row.parentId : row.kind === 'goal' ? row.itemId : null;
        const kind = goal ? 'goal' : row.kind === 'perspective' ? 'perspective' : null;
        const itemId = goal ?? row.itemId;
        if (!kind || !itemId) continue;
        const before = latest.get(`${kind}:${itemId}`);
        if (!before || before.at < row.lastAt)
          latest.set(`${kind}:${itemId}`, { kind, itemId, userId: row.userId, at: row.lastAt });
      }
      return withNames([...latest.values()]);
    },

    /** Emits `rows` after every batch the change log wrote. */
    written: changeLog.written,
  };
}
export type HistoryService = ReturnType<typeof historyService>;
