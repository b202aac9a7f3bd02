import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { AppNotification } from '../../shared/api.js';
import type { Executor } from '../storage/data.js';

/** How a notice is stored and read back, with who it is from, for the notification service. */
export type NoticeRow = Omit<AppNotification, 'from' | 'referralId'> & {
  referralId: string | null;
  fromId: string | null;
  fromName: string | null;
  fromRoleTitle: string | null;
  fromOrganisation: string | null;
  fromPhone: string | null;
  fromEmail: string | null;
};
export const toNotice = ({
  referralId,
  fromId,
  fromName,
  fromRoleTitle,
  fromOrganisation,
  fromPhone,
  fromEmail,
  ...row
}: NoticeRow) =>
  ({
    ...row,
    ...(row.kind === 'referral' ? { referralId } : {}),
    state: row.kind === 'access-request' ? null : row.state,
    from:
      row.kind === 'signal-state' || !fromId
        ? null
        : {
            id: fromId,
            name: fromName ?? '',
            roleTitle: fromRoleTitle ?? '',
            organisation: fromOrganisation,
            phone: fromPhone,
            email: fromEmail,
          },
  }) as AppNotification;

// Only people on the case hear about its client: a lead named on the board may have left the
// case, or never been on it. The list shows a notice only while its reader is still on the case.
export const onCase = (
  caseId: Expression<string>,
  professionalId: Expression<string | null>,
) => sql<SqlBool>`(
    EXISTS (SELECT 1 FROM cases oc WHERE oc.id = ${caseId} AND oc.coordinator_id = ${professionalId})
    OR EXISTS (SELECT 1 FROM case_members om WHERE om.case_id = ${caseId} AND om.professional_id = ${professionalId}))`;
// A notice about a referral: also for its two people, who need not be on the case (SPEC RF4).
export const onCaseOrReferral = (professionalId: Expression<string | null>) => sql<SqlBool>`(
    ${onCase(sql.ref('n.case_id'), professionalId)}
    OR (n.kind = 'referral' AND EXISTS (SELECT 1 FROM referrals orf WHERE orf.id = n.referral_id
      AND (orf.to_professional_id = ${professionalId} OR orf.from_professional_id = ${professionalId}))))`;

/** The notices with their client and who they are from. */
export const noticeSelect = (db: Executor) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .leftJoin('professionals as f', 'f.id', 'n.from_professional_id')
    .leftJoin('organisations as fo', 'fo.id', 'f.organisation_id')
    .select([
      'n.id',
      'n.case_id as caseId',
      'c.client_name as clientName',
      'n.kind',
      'n.state',
      'n.note',
      'n.created_at as createdAt',
      'n.read_at as readAt',
      'f.id as fromId',
      'f.name as fromName',
      'f.role_title as fromRoleTitle',
      'fo.name as fromOrganisation',
      'f.phone as fromPhone',
      'f.email as fromEmail',
      'n.referral_id as referralId',
    ]);

/** One notice to store for one account; `referralId` only for a notice about a referral. */
export interface NoticeInsert {
  id: string;
  userId: string;
  caseId: string;
  kind: AppNotification['kind'];
  state: string;
  note: string;
  createdAt: string;
  fromProfessionalId: string | null;
  referralId?: string;
}

export const insertNotice = (db: Executor, row: NoticeInsert) =>
  db
    .insertInto('notifications')
    .values({
      id: row.id,
      user_id: row.userId,
      case_id: row.caseId,
      kind: row.kind,
      state: row.state,
      note: row.note,
      created_at: row.createdAt,
      from_professional_id: row.fromProfessionalId,
      ...(row.referralId ? { referral_id: row.referralId } : {}),
    })
    .execute();

/** A stored notice as its reader sees it, with its client and who it is from. */
export const readNotice = async (db: Executor, id: string) =>
  toNotice((await noticeSelect(db).where('n.id', '=', id).executeTakeFirstOrThrow()) as NoticeRow);
