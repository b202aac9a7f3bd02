import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { AppNotification } from '../../shared/api.js';
import type { ReferralStatus } from '../../shared/referralApi.js';
import type { Data } from '../storage/data.js';
import type { Logger } from '../logger.js';
import { insertNotice, noticeSelect, onCase, onCaseOrReferral, readNotice, toNotice } from './noticeRows.js';
import type { NoticeInsert, NoticeRow } from './noticeRows.js';

export interface StateChange {
  caseId: string;
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

/**
 * Live notices in the app (stored, pushed to open pages) and, when an SMTP server is configured,
 * an e-mail. The e-mail names no client and quotes nothing: it only links to the app.
 */
export function notificationService(
  data: Data,
  options: { mailer: Transporter | null; from: string; publicUrl: () => string; log: Logger },
) {
  const { db } = data;
  const events = new EventEmitter().setMaxListeners(0);
  const recipients = (professionalId: string, caseId: string) =>
    db
      .selectFrom('users as u')
      .innerJoin('professionals as p', 'p.id', 'u.professional_id')
      .select(['u.id as userId', 'p.email'])
      .where('u.professional_id', '=', professionalId)
      .where('u.disabled_at', 'is', null)
      .where(onCase(sql.val(caseId), sql.ref('p.id')))
      .execute();
  /** Stores a notice for one account, reads it back as its reader sees it and pushes it to open pages. */
  const store = async (row: Omit<NoticeInsert, 'id'>): Promise<AppNotification> => {
    const id = randomUUID();
    await insertNotice(db, { id, ...row });
    const stored = await readNotice(db, id);
    events.emit(row.userId, stored);
    return stored;
  };

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
    async notifyStateChange(change: StateChange, now = new Date()): Promise<AppNotification[]> {
      const made: AppNotification[] = [];
      const told = new Set<string>();
      for (const professionalId of new Set(change.professionalIds)) {
        for (const person of await recipients(professionalId, change.caseId)) {
          if (person.userId === change.exceptUserId || told.has(person.userId)) continue;
          told.add(person.userId);
          made.push(
            await store({
              userId: person.userId,
              caseId: change.caseId,
              kind: 'signal-state',
              state: change.state,
              note: change.note,
              createdAt: now.toISOString(),
              fromProfessionalId: null,
            }),
          );
          // mail never rejects: a failed send is logged there.
          if (person.email) void mail(person.email, change);
        }
      }
      return made;
    },
    /**
     * Tells a colleague on the case about it (a request to be added, a handover), in the app only:
     * the e-mail is for a client's state. Returns the notices made (none for someone not on the case).
     */
    async notifyCase(notice: CaseNotice, now = new Date()): Promise<AppNotification[]> {
      const found = await db
        .selectFrom('cases')
        .select('client_name')
        .where('id', '=', notice.caseId)
        .executeTakeFirst();
      if (found === undefined) return [];
      const made: AppNotification[] = [];
      for (const person of await recipients(notice.professionalId, notice.caseId)) {
        made.push(
          await store({
            userId: person.userId,
            caseId: notice.caseId,
            kind: notice.kind,
            state: notice.state ?? '',
            note: notice.note,
            createdAt: now.toISOString(),
            fromProfessionalId: notice.fromProfessionalId,
          }),
        );
      }
      return made;
    },
    /**
     * Tells the people of a referral that it was made or moved on (SPEC RF4): in the app, and by
     * e-mail when SMTP is configured, an e-mail that names no client and only links to the app.
     */
    async notifyReferral(
      change: {
        referralId: string;
        caseId: string;
        status: ReferralStatus;
        toProfessionalIds: readonly string[];
        fromProfessionalId: string;
      },
      now = new Date(),
    ): Promise<AppNotification[]> {
      const people = await db
        .selectFrom('users as u')
        .innerJoin('professionals as p', 'p.id', 'u.professional_id')
        .select(['u.id as userId', 'p.email'])
        .where('u.professional_id', 'in', [...new Set(change.toProfessionalIds)])
        .where('u.disabled_at', 'is', null)
        .execute();
      const made: AppNotification[] = [];
      for (const person of people) {
        made.push(
          await store({
            userId: person.userId,
            caseId: change.caseId,
            kind: 'referral',
            state: change.status,
            note: '',
            createdAt: now.toISOString(),
            fromProfessionalId: change.fromProfessionalId,
            referralId: change.referralId,
          }),
        );
        if (person.email && options.mailer)
          void options.mailer
            .sendMail({
              from: options.from,
              to: person.email,
              subject:
                change.status === 'requested'
                  ? 'Veelzijdig: een nieuwe verwijzing voor jou'
                  : 'Veelzijdig: een verwijzing is bijgewerkt',
              text: `Er is ${change.status === 'requested' ? 'een nieuwe verwijzing voor jou' : 'nieuws over een verwijzing'}.\n\nBekijk het in Veelzijdig: ${options.publicUrl()}/verwijzingen#${change.referralId}\n`,
            })
            .catch((error: unknown) =>
              options.log.warn('sending a referral e-mail failed', { error: String(error) }),
            );
      }
      return made;
    },
    async list(userId: string): Promise<{ notifications: AppNotification[]; unread: number }> {
      const rows = await noticeSelect(db)
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .where('n.user_id', '=', userId)
        .where(onCaseOrReferral(sql.ref('u.professional_id')))
        .orderBy('n.created_at', 'desc')
        .limit(50)
        .execute();
      const unread = await db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('n.user_id', '=', userId)
        .where('n.read_at', 'is', null)
        .where(onCaseOrReferral(sql.ref('u.professional_id')))
        .executeTakeFirst();
      return { notifications: rows.map((r) => toNotice(r as NoticeRow)), unread: Number(unread?.n ?? 0) };
    },
    async markRead(userId: string, ids: readonly string[] | undefined, now = new Date()): Promise<void> {
      if (ids && ids.length === 0) return;
      let update = db
        .updateTable('notifications')
        .set({ read_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) update = update.where('id', 'in', [...ids]);
      await update.execute();
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
