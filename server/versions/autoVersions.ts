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
  /**
   * When the latest version of each loaded board was kept: read when the board loads and kept up
   * to date as versions are kept, so the check before an edit needs no query.
   */
  private readonly latest = new Map<string, string | null>();

  constructor(
    private readonly versions: BoardVersions,
    private readonly log: Logger,
    options: Partial<AutoVersionOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    versions.kept.on('kept', (caseId: string, at: string) => this.noteKept(caseId, at));
  }

  async onLoadDocument({ documentName }: DocumentContext): Promise<void> {
    const caseId = boardCaseId(documentName);
    if (!caseId) return;
    try {
      const at = await this.versions.latestAt(caseId);
      // A version kept while this was read may be newer than what it found.
      const noted = this.latest.get(caseId);
      this.latest.set(caseId, noted && (!at || noted > at) ? noted : at);
    } catch (error) {
      // Without it the next edit keeps a version: one too many rather than one missing.
      this.log.error('reading the latest board version failed', { caseId, error: String(error) });
    }
  }

  beforeApplyUpdate({ documentName, doc, validated }: UpdateContext): void {
    const caseId = boardCaseId(documentName);
    if (!caseId || !validated?.changes) return;
    const latest = this.latest.get(caseId);
    if (!latest || Date.now() - Date.parse(latest) >= this.options.everyMs)
      void this.keep(caseId, doc, documentName);
  }

  onChange({ documentName, doc, actor }: ChangeContext): void {
    // The server's own upkeep (defaults, repairs) is no reason for a version.
    if (actor && boardCaseId(documentName)) this.dirty.set(documentName, doc);
  }

  async onStoreDocument({ documentName, doc }: DocumentContext): Promise<void> {
    const caseId = boardCaseId(documentName);
    if (!caseId) return;
    const keeping = this.dirty.has(documentName) ? this.keep(caseId, doc, documentName) : null;
    this.latest.delete(caseId);
    await keeping;
  }

  private noteKept(caseId: string, at: string): void {
    const latest = this.latest.get(caseId);
    if (this.latest.has(caseId) && (!latest || at > latest)) this.latest.set(caseId, at);
  }

  /** Keeps a version of the board (read at once); never rejects: a failure is logged. */
  private async keep(caseId: string, doc: Y.Doc, documentName: string): Promise<void> {
    this.dirty.delete(documentName);
    const at = new Date().toISOString();
    // Counts from now, so the edits right after this one keep no version of their own.
    this.latest.set(caseId, at);
    try {
      await this.versions.keep(caseId, null, '', doc, at, 'auto');
    } catch (error) {
      this.log.error('keeping a board version failed', { caseId, error: String(error) });
    }
  }
}

function boardCaseId(documentName: string): string | null {
  const parsed = parseDocumentName(documentName);
  return parsed?.kind === 'case' && parsed.part === 'shared' ? parsed.caseId : null;
}
