import { closeCodes } from '../../../shared/protocol.js';
import type { Db } from '../../db/database.js';
import type { ConnectionContext, SyncExtension } from '../extension.js';
import { SyncRefusal } from '../extension.js';

/** Only documents of cases that exist can be opened (SPEC C2). */
export class CaseDocuments implements SyncExtension {
  private readonly exists;

  constructor(db: Db) {
    const statement = db.prepare<[string], { id: string }>('SELECT id FROM cases WHERE id = ?');
    this.exists = (caseId: string) => statement.get(caseId) !== undefined;
  }

  onConnect({ document }: ConnectionContext): void {
    if (document.caseId !== null && !this.exists(document.caseId))
      throw new SyncRefusal(closeCodes.notFound, 'unknown case');
  }
}
