import type { HistoryItemKind } from '../../shared/history.js';
import type { HistoryAnswer, LatestChange } from '../../shared/historyApi.js';
import type { Viewer } from '../../shared/permissions.js';
import { caseDocumentName, parseDocumentName } from '../../shared/protocol.js';
import { FactsCache } from '../services/documentAccess.js';
import type { DocumentAccess } from '../services/documentAccess.js';
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
  const visibleDocuments = async (viewer: Viewer, caseId: string): Promise<string[]> => {
    const cache = new FactsCache();
    const names = new Set([caseDocumentName(caseId), ...(await store.documentsOf(caseId))]);
    const visible: string[] = [];
    for (const name of names) {
      const document = parseDocumentName(name);
      const granted = document ? await grant(viewer, document, cache) : null;
      if (granted && granted !== 'missing') visible.push(name);
    }
    return visible;
  };

  const withNames = async (rows: Omit<LatestChange, 'name'>[]): Promise<LatestChange[]> => {
    const names = await store.names(rows.map((r) => r.userId));
    return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '—' }));
  };

  return {
    async list(viewer: Viewer, caseId: string, filter: HistoryFilter): Promise<HistoryAnswer> {
      await changeLog.flush();
      const documents = await visibleDocuments(viewer, caseId);
      const page = await store.list({ caseId, documents, ...filter });
      return { ...page, people: await store.people(caseId, documents) };
    },

    /** The latest change of every goal and perspective of the board (which every member sees). */
    async latest(caseId: string): Promise<LatestChange[]> {
      await changeLog.flush();
      return withNames(await store.latest(caseDocumentName(caseId)));
    },

    /** The same, for the board's rows among a batch the change log just wrote. */
    latestAmong(caseId: string, rows: readonly ChangeRow[]): Promise<LatestChange[]> {
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
