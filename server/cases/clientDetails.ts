import { clientDetailFields } from '../../shared/intakeApi.js';
import type { ClientDetailField, ClientDetailsBody } from '../../shared/intakeApi.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';

type StoredDetails = Record<ClientDetailField, string | null>;

/**
 * The client's details after intake (SQL only; the route decides who may and logs it): the BSN
 * for the one who asked to see it, and the coordinator's corrections, which say which fields
 * changed so the access log can name them without their values.
 */
export function clientDetailsService(data: Data) {
  const { db } = data;
  const stored = (caseId: string): Promise<StoredDetails | undefined> =>
    db
      .selectFrom('cases')
      .select([
        'date_of_birth as dateOfBirth',
        'address',
        'phone',
        'preferred_language as preferredLanguage',
        'reading_level as readingLevel',
        'bsn',
      ])
      .where('id', '=', caseId)
      .executeTakeFirst();

  return {
    /** The case's BSN, or null when none was given. */
    bsn: async (caseId: string): Promise<string | null> => (await stored(caseId))?.bsn ?? null,

    /**
     * Stores the corrected details (a BSN left out stays) and returns the names of the fields
     * that changed. Refuses with 409 when the case was closed meanwhile; nothing is changed then.
     */
    async correct(caseId: string, body: ClientDetailsBody): Promise<ClientDetailField[]> {
      const before = await stored(caseId);
      if (!before) throw new HttpError(404, `caseId: no case ${caseId}`);
      const after: StoredDetails = { ...body, bsn: body.bsn === undefined ? before.bsn : body.bsn };
      const birthYear = after.dateOfBirth ? Number(after.dateOfBirth.slice(0, 4)) : null;
      // Only an open case changes (a closed one is read-only for everyone, SPEC CL6), checked in the same statement.
      const changed = await db
        .updateTable('cases')
        .set((eb) => ({
          date_of_birth: after.dateOfBirth,
          birth_year: birthYear ?? eb.ref('birth_year'),
          address: after.address,
          phone: after.phone,
          preferred_language: after.preferredLanguage,
          reading_level: after.readingLevel as StoredReadingLevel,
          bsn: after.bsn,
        }))
        .where('id', '=', caseId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1)
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

type StoredReadingLevel = 'fluent' | 'plain' | 'low' | null;
