import type { Referral, ReferralPerson, ReferralStatus } from '../../shared/referralApi.js';
import { workingDaysBetween } from '../../shared/referralApi.js';
import type { Data, Executor } from '../storage/data.js';

/**
 * Referrals as stored: read whole (both people with how to reach them, the service, the loop's
 * steps) for the pages, and the delay in working days computed on the way out (SPEC RF5).
 */
export function referralStore(data: Data, options: { waitWorkingDays: number }) {
  const { db } = data;

  async function people(ids: readonly string[], ex: Executor): Promise<Map<string, ReferralPerson>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .selectFrom('professionals as p')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.name', 'p.role_title', 'p.domain', 'p.phone', 'p.email', 'o.name as organisation'])
      .where('p.id', 'in', [...new Set(ids)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          roleTitle: r.role_title,
          organisation: r.organisation,
          side: r.domain,
          phone: r.phone,
          email: r.email,
        },
      ]),
    );
  }

  /** The referrals the query's rows name, whole, newest first. */
  async function whole(ids: readonly string[], ex: Executor = db, now = new Date()): Promise<Referral[]> {
    if (ids.length === 0) return [];
    const rows = await ex
      .selectFrom('referrals as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .leftJoin('social_services as s', 's.id', 'r.service_id')
      .leftJoin('organisations as so', 'so.id', 's.organisation_id')
      .leftJoin('letter_templates as lt', 'lt.id', 'r.letter_template_id')
      .selectAll('r')
      .select([
        'c.client_name',
        's.name as service_name',
        'so.name as service_organisation',
        'lt.title as letter_title',
      ])
      .where('r.id', 'in', [...ids])
      .orderBy('r.requested_at', 'desc')
      .orderBy('r.id')
      .execute();
    const events = await ex
      .selectFrom('referral_events')
      .selectAll()
      .where('referral_id', 'in', [...ids])
      .orderBy('seq')
      .execute();
    const members = await ex
      .selectFrom('case_members')
      .select(['case_id', 'professional_id'])
      .where('case_id', 'in', [...new Set(rows.map((r) => r.case_id))])
      .execute();
    const who = await people(
      rows.flatMap((r) => [r.from_professional_id, r.to_professional_id]),
      ex,
    );
    const nowIso = now.toISOString();
    return rows.map((r): Referral => {
      const open = r.status === 'requested' || r.status === 'accepted';
      const waitingSince = r.status === 'requested' ? r.requested_at : r.accepted_at;
      return {
        id: r.id,
        caseId: r.case_id,
        clientName: r.client_name,
        goalId: r.goal_id,
        goalTitle: r.goal_title,
        from: who.get(r.from_professional_id)!,
        to: who.get(r.to_professional_id)!,
        service:
          r.service_id && r.service_name
            ? { id: r.service_id, name: r.service_name, organisation: r.service_organisation ?? '' }
            : null,
        reason: r.reason,
        question: r.question,
        urgency: r.urgency,
        carries:
          r.carries_compartment && r.consent_id !== undefined
            ? { compartment: r.carries_compartment, consentId: r.consent_id ?? '' }
            : null,
        status: r.status,
        events: events
          .filter((e) => e.referral_id === r.id)
          .map((e) => ({
            status: e.status,
            at: e.at,
            byProfessionalId: e.by_professional_id,
            reason: e.reason,
            note: e.note,
          })),
        requestedAt: r.requested_at,
        acceptedAt: r.accepted_at,
        firstContactAt: r.first_contact_at,
        closedAt: r.closed_at,
        delay: {
          toAcceptDays: r.accepted_at ? workingDaysBetween(r.requested_at, r.accepted_at) : null,
          toContactDays: r.first_contact_at ? workingDaysBetween(r.requested_at, r.first_contact_at) : null,
        },
        // Waiting to be accepted, or accepted and waiting for the first contact, for too long.
        overdue: open && !!waitingSince && workingDaysBetween(waitingSince, nowIso) > options.waitWorkingDays,
        receiverOnCase: members.some(
          (m) => m.case_id === r.case_id && m.professional_id === r.to_professional_id,
        ),
        letter: r.letter,
        letterTemplate:
          r.letter_template_id && r.letter_title ? { id: r.letter_template_id, title: r.letter_title } : null,
      };
    });
  }

  return {
    whole,
    /** The people a referral or its letter names, with how to reach them. */
    people: (ids: readonly string[]) => people(ids, db),
    async one(id: string, ex: Executor = db): Promise<Referral | undefined> {
      return (await whole([id], ex))[0];
    },
    /** Referrals to this person, by them, or on the cases they coordinate. */
    async inboxOf(professionalId: string): Promise<{ incoming: Referral[]; outgoing: Referral[] }> {
      const incoming = await db
        .selectFrom('referrals')
        .select('id')
        .where('to_professional_id', '=', professionalId)
        .execute();
      const outgoing = await db
        .selectFrom('referrals as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .select('r.id')
        .where((eb) =>
          eb.or([
            eb('r.from_professional_id', '=', professionalId),
            eb('c.coordinator_id', '=', professionalId),
          ]),
        )
        .where('r.to_professional_id', '<>', professionalId)
        .execute();
      return {
        incoming: await whole(incoming.map((r) => r.id)),
        outgoing: await whole(outgoing.map((r) => r.id)),
      };
    },
    async ofCase(caseId: string): Promise<Referral[]> {
      const rows = await db.selectFrom('referrals').select('id').where('case_id', '=', caseId).execute();
      return whole(rows.map((r) => r.id));
    },
    /** The next step's sequence number of a referral, inside the write that adds it. */
    async nextSeq(trx: Executor, id: string): Promise<number> {
      const row = await trx
        .selectFrom('referral_events')
        .select(({ fn }) => fn.max<number>('seq').as('seq'))
        .where('referral_id', '=', id)
        .executeTakeFirst();
      return Number(row?.seq ?? 0) + 1;
    },
  };
}

export type ReferralStore = ReturnType<typeof referralStore>;

/** The moment columns a new status sets. */
export function momentsOf(status: ReferralStatus, at: string) {
  if (status === 'accepted') return { accepted_at: at };
  if (status === 'in-progress') return { first_contact_at: at };
  if (status === 'requested') return {};
  return { closed_at: at };
}
