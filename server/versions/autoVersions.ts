import type * as Y from 'yjs';
import { parseDocumentName } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { ChangeContext, DocumentContext, SyncExtension, UpdateContext } from '../sync/extension.js';
import type { BoardVersions } from './store.js';

export interface AutoVersionOptions {
  /** While people edit a board, a version is kept at least this often. */
  everyMs: number;
}

const defaults: AutoVersionOptions = { everyMs: 15 * 60 * 1000 };

/**
 * Keeps versions of each board automatically (SPEC U2): just before a person's edit is applied when
 * the latest version is older than `everyMs` (so the version holds what that edit may delete), and
 * when the board leaves memory after changes since its latest version. So every stretch of editing
 * has a version from before it and one from its end to go back to.
 */
export class AutoVersions implements SyncExtension {
  private readonly options: AutoVersionOptions;
  /** Boards changed since their latest version. */
  private readonly dirty = new Map<string, Y.Doc>();

  constructor(
    private readonly versions: BoardVersions,
    private readonly log: Logger,
    options: Partial<AutoVersionOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  beforeApplyUpdate({ documentName, doc, validated }: UpdateContext): void {
    const caseId = boardCaseId(documentName);
    if (!caseId || !validated?.changes) return;
    const latest = this.versions.latestAt(caseId);
    if (!latest || Date.now() - Date.parse(latest) >= this.options.everyMs)
      this.keep(caseId, doc, documentName);
  }

  onChange({ documentName, doc, actor }: ChangeContext): void {
    // The server's own upkeep (defaults, repairs) is no reason for a version.
    if (actor && boardCaseId(documentName)) this.dirty.set(documentName, doc);
  }

  onStoreDocument({ documentName, doc }: DocumentContext): void {
    const caseId = boardCaseId(documentName);
    if (caseId && this.dirty.has(documentName)) this.keep(caseId, doc, documentName);
  }

  private keep(caseId: string, doc: Y.Doc, documentName: string): void {
    this.dirty.delete(documentName);
    try {
      this.versions.keep(caseId, null, '', doc, new Date().toISOString(), 'auto');
    } catch (error) {
      this.log.error('keeping a board version failed', { caseId, error: String(error) });
    }
  }
}

function boardCaseId(documentName: string): string | null {
  const parsed = parseDocumentName(documentName);
  return parsed?.kind === 'case' && parsed.part === 'shared' ? parsed.caseId : null;
}
