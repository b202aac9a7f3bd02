import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Transporter } from 'nodemailer';
import type { AppNotification } from '../../shared/api.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';

export interface StateChange {
  caseId: string;
  clientName: string;
  state: 'amber' | 'red';
  note: string;
  /** Professionals to tell: the coordinator and the case's lead professionals. */
  professionalIds: readonly string[];
  /** Whoever recorded it does not need telling. */
  exceptUserId: string;
}

/** A notice about a case from a colleague: asking to be added, or handing the coordinator role over. */
export type CaseNotice = {
  caseId: string;
  /** Who to tell; only those on the case (coordinator or member) with an account are told. */
  professionalId: string;
  /** Who it is from (a professional), or null when the functional administrator did it. */
  fromProfessionalId: string | null;
  note: string;
} & ({ kind: 'access-request'; state: null } | { kind: 'coordinator-transfer'; state: 'new' | 'previous' });

type NoticeRow = Omit<AppNotification, 'from'> & {
  fromId: string | null;
  fromName: string | null;
  fromRoleTitle: string | null;
  fromOrganisation: string | null;
  fromPhone: string | null;
  fromEmail: string | null;
};
const toNotice = ({
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

/**
 * Live notices in the app (stored, pushed to open pages) and, when an SMTP server is configured,
 * an e-mail. The e-mail names no client and quotes nothing: it only links to the app.
 */
export function notificationService(
  db: Db,
  options: { mailer: Transporter | null; from: string; publicUrl: () => string; log: Logger },
) {
  const events = new EventEmitter().setMaxListeners(0);
  // Only people on the case hear about its client: a lead named on the board may have left the
  // case, or never been on it. The list shows a notice only while its reader is still on the case.
  const onCase = (caseId: string, professionalId: string) => `(
    EXISTS (SELECT 1 FROM cases oc WHERE oc.id = ${caseId} AND oc.coordinator_id = ${professionalId})
    OR EXISTS (SELECT 1 FROM case_members om WHERE om.case_id = ${caseId} AND om.professional_id = ${professionalId}))`;
  const recipients = db.prepare<
    { professionalId: string; caseId: string },
    { userId: string; email: string | null }
  >(`
    SELECT u.id AS userId, p.email FROM users u JOIN professionals p ON p.id = u.professional_id
    WHERE u.professional_id = @professionalId AND u.disabled_at IS NULL AND ${onCase('@caseId', 'p.id')}`);
  const insert =
    db.prepare(`INSERT INTO notifications (id, user_id, case_id, kind, state, note, created_at, from_professional_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const noticeColumns = `n.id, n.case_id AS caseId, c.client_name AS clientName, n.kind, n.state, n.note,
      n.created_at AS createdAt, n.read_at AS readAt, f.id AS fromId, f.name AS fromName,
      f.role_title AS fromRoleTitle, fo.name AS fromOrganisation, f.phone AS fromPhone, f.email AS fromEmail`;
  const noticeJoins = `JOIN cases c ON c.id = n.case_id
    LEFT JOIN professionals f ON f.id = n.from_professional_id
    LEFT JOIN organisations fo ON fo.id = f.organisation_id`;
  const list = db.prepare<[string], NoticeRow>(`
    SELECT ${noticeColumns}
    FROM notifications n ${noticeJoins} JOIN users u ON u.id = n.user_id
    WHERE n.user_id = ? AND ${onCase('n.case_id', 'u.professional_id')} ORDER BY n.created_at DESC LIMIT 50`);
  const one = db.prepare<[string], NoticeRow>(
    `SELECT ${noticeColumns} FROM notifications n ${noticeJoins} WHERE n.id = ?`,
  );
  const clientName = db.prepare<[string], { clientName: string }>(
    'SELECT client_name AS clientName FROM cases WHERE id = ?',
  );
  const unread = db.prepare<[string], { n: number }>(`
    SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
    WHERE n.user_id = ? AND n.read_at IS NULL AND ${onCase('n.case_id', 'u.professional_id')}`);
  const readAll = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  const readOne = db.prepare(
    'UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
  );

  const mail = async (to: string, change: StateChange) => {
    if (!options.mailer) return;
    const word = change.state === 'red' ? 'rood' : 'oranje';
    try {
      await options.mailer.sendMail({
        from: options.from,
        to,
        subject: `Veelzijdig: een cliënt staat op ${word}`,
        text: `Een cliënt van wie je regievoerder of aanspreekpunt bent, staat nu op ${word}.\n\nBekijk het in Veelzijdig: ${options.publicUrl()}/cases/${change.caseId}\n`,
      });
    } catch (error) {
      options.log.warn('sending a notification e-mail failed', { error: String(error) });
    }
  };

  return {
    events,
    /** Tells everyone concerned that a client moved to amber or red; returns the notices made. */
    notifyStateChange(change: StateChange, now = new Date()): AppNotification[] {
      const made: AppNotification[] = [];
      const told = new Set<string>();
      for (const professionalId of new Set(change.professionalIds)) {
        for (const person of recipients.all({ professionalId, caseId: change.caseId })) {
          if (person.userId === change.exceptUserId || told.has(person.userId)) continue;
          told.add(person.userId);
          const notice: AppNotification = {
            id: randomUUID(),
            caseId: change.caseId,
            clientName: change.clientName,
            kind: 'signal-state',
            state: change.state,
            note: change.note,
            from: null,
            createdAt: now.toISOString(),
            readAt: null,
          };
          insert.run(
            notice.id,
            person.userId,
            notice.caseId,
            notice.kind,
            notice.state,
            notice.note,
            notice.createdAt,
            null,
          );
          events.emit(person.userId, notice);
          made.push(notice);
          if (person.email) void mail(person.email, change);
        }
      }
      return made;
    },
    /**
     * Tells a colleague on the case about it (a request to be added, a handover), in the app only:
     * the e-mail is for a client's state. Returns the notices made (none for someone not on the case).
     */
    notifyCase(notice: CaseNotice, now = new Date()): AppNotification[] {
      const name = clientName.get(notice.caseId)?.clientName;
      if (name === undefined) return [];
      const made: AppNotification[] = [];
      for (const person of recipients.all({ professionalId: notice.professionalId, caseId: notice.caseId })) {
        const id = randomUUID();
        insert.run(
          id,
          person.userId,
          notice.caseId,
          notice.kind,
          notice.state ?? '',
          notice.note,
          now.toISOString(),
          notice.fromProfessionalId,
        );
        const stored = toNotice(one.get(id)!);
        events.emit(person.userId, stored);
        made.push(stored);
      }
      return made;
    },
    list: (userId: string) => ({
      notifications: list.all(userId).map(toNotice),
      unread: unread.get(userId)?.n ?? 0,
    }),
    markRead(userId: string, ids: readonly string[] | undefined, now = new Date()): void {
      if (!ids) readAll.run(now.toISOString(), userId);
      else for (const id of ids) readOne.run(now.toISOString(), userId, id);
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
