import { clientDetailFields } from '../../shared/intakeApi.js';
import type { ClientDetailField, ClientDetailsBody } from '../../shared/intakeApi.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/validate.js';

type StoredDetails = Record<ClientDetailField, string | null>;

/**
 * The client's details after intake (SQL only; the route decides who may and logs it): the BSN
 * for the one who asked to see it, and the coordinator's corrections, which say which fields
 * changed so the access log can name them without their values.
 */
export function clientDetailsService(db: Db) {
  const stored = db.prepare<[string], StoredDetails>(`
    SELECT date_of_birth AS dateOfBirth, address, phone, preferred_language AS preferredLanguage,
           reading_level AS readingLevel, bsn
    FROM cases WHERE id = ?`);
  // Only an open case changes (a closed one is read-only for everyone, SPEC CL6), checked in the same statement.
  const update = db.prepare(`UPDATE cases SET date_of_birth = @dateOfBirth,
      birth_year = coalesce(@birthYear, birth_year), address = @address, phone = @phone,
      preferred_language = @preferredLanguage, reading_level = @readingLevel, bsn = @bsn
    WHERE id = @caseId AND status = 'open'`);

  return {
    /** The case's BSN, or null when none was given. */
    bsn: (caseId: string): string | null => stored.get(caseId)?.bsn ?? null,

    /**
     * Stores the corrected details (a BSN left out stays) and returns the names of the fields
     * that changed. Refuses with 409 when the case was closed meanwhile; nothing is changed then.
     */
    correct(caseId: string, body: ClientDetailsBody): ClientDetailField[] {
      const before = stored.get(caseId);
      if (!before) throw new HttpError(404, `caseId: no case ${caseId}`);
      const after: StoredDetails = { ...body, bsn: body.bsn === undefined ? before.bsn : body.bsn };
      const changed = update.run({
        ...after,
        caseId,
        birthYear: after.dateOfBirth ? Number(after.dateOfBirth.slice(0, 4)) : null,
      });
      if (changed.changes !== 1)
        throw new HttpError(
          409,
          'this case is closed: it can only be read until its coordinator reopens it',
          {
            code: 'case-closed',
          },
        );
      return clientDetailFields.filter((field) => before[field] !== after[field]);
    },
  };
}
export type ClientDetailsService = ReturnType<typeof clientDetailsService>;
