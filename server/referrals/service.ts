import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { CaseFacts, Viewer } from '../../shared/permissions.js';
import { stepProblem } from '../../shared/referralApi.js';
import type { Referral, ReferralRole, ReferralStep, Urgency } from '../../shared/referralApi.js';
import { carryOption } from '../../shared/referralRules.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';
import { momentsOf, referralStore } from './store.js';

export interface NewReferral {
  toProfessionalId: string;
  serviceId: string | null;
  goalId: string | null;
  /** The goal's title as the board has it now (read by the route), for a receiver who cannot open it. */
  goalTitle: string | null;
  reason: string;
  question: string;
  urgency: Urgency;
  carries: 'medical' | 'social' | null;
  /** The letter as the referrer edited it, and the district's template it started from (SPEC LT3). */
  letter: string | null;
  letterTemplateId: string | null;
}

/** Who a change concerns: the two people and the case's coordinator (professional ids). */
export interface ReferralChange {
  referralId: string;
  caseId: string;
  professionalIds: string[];
}

/**
 * Referral to a person (SPEC RF1–RF6): made by someone who may change the case, to one named
 * professional with an account; the loop's steps follow `referralSteps`, each stored with its
 * moment and who took it. `changes` emits `referral` with a ReferralChange after every write.
 */
export function referralService(data: Data, options: { waitWorkingDays: number }) {
  const store = referralStore(data, options);
  const { db } = data;
  const changes = new EventEmitter().setMaxListeners(0);

  async function receiverOf(id: string) {
    const row = await db
      .selectFrom('professionals as p')
      .innerJoin('users as u', 'u.professional_id', 'p.id')
      .select(['p.id', 'p.domain', 'u.disabled_at'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!row)
      throw new HttpError(400, 'toProfessionalId: no professional with an account of that id', {
        code: 'unknown-receiver',
      });
    if (row.disabled_at)
      throw new HttpError(400, 'toProfessionalId: this person no longer works here', {
        code: 'receiver-disabled',
      });
    return { professionalId: row.id, domain: row.domain };
  }

  const tell = (referral: Pick<Referral, 'id' | 'caseId' | 'from' | 'to'>, coordinatorId: string | null) =>
    changes.emit('referral', {
      referralId: referral.id,
      caseId: referral.caseId,
      professionalIds: [
        ...new Set([referral.from.id, referral.to.id, ...(coordinatorId ? [coordinatorId] : [])]),
      ],
    } satisfies ReferralChange);

  return {
    store,
    changes,

    /** What a referral to this person could carry from each compartment (SPEC RF3). */
    async options(referrer: Viewer, facts: CaseFacts, toProfessionalId: string) {
      const receiver = await receiverOf(toProfessionalId);
      return {
        carry: {
          medical: carryOption(referrer, receiver, facts, 'medical'),
          social: carryOption(referrer, receiver, facts, 'social'),
        },
      };
    },

    async create(
      referrer: Viewer & { professionalId: string },
      facts: CaseFacts,
      input: NewReferral,
    ): Promise<Referral> {
      if (input.toProfessionalId === referrer.professionalId)
        throw new HttpError(400, 'toProfessionalId: refer to someone else, not to yourself', {
          code: 'self-referral',
        });
      const receiver = await receiverOf(input.toProfessionalId);
      let consentId: string | null = null;
      if (input.carries) {
        const carry = carryOption(referrer, receiver, facts, input.carries);
        if (!carry.allowed)
          throw new HttpError(
            409,
            carry.why === 'no-access'
              ? `carries: you cannot open the ${input.carries} notes yourself`
              : `carries: no consent of the client in force shares the ${input.carries} notes with this person`,
            { code: carry.why },
          );
        consentId = carry.consentId;
      }
      if (input.serviceId) {
        const service = await db
          .selectFrom('social_services')
          .select('status')
          .where('id', '=', input.serviceId)
          .executeTakeFirst();
        if (!service || service.status !== 'active')
          throw new HttpError(400, 'serviceId: no service on the map of that id that is still offered', {
            code: 'unknown-service',
          });
      }
      if (input.letterTemplateId) {
        const template = await db
          .selectFrom('letter_templates as t')
          .innerJoin('neighbourhoods as n', 'n.district_id', 't.district_id')
          .innerJoin('cases as c', 'c.neighbourhood_id', 'n.id')
          .select('t.archived_at')
          .where('t.id', '=', input.letterTemplateId)
          .where('c.id', '=', facts.caseId)
          .executeTakeFirst();
        if (!template || template.archived_at)
          throw new HttpError(
            400,
            "letterTemplateId: no standard letter of that id in the client's district",
            {
              code: 'unknown-template',
            },
          );
      }
      const id = randomUUID();
      const at = new Date().toISOString();
      await data.write(async (trx) => {
        await trx
          .insertInto('referrals')
          .values({
            id,
            case_id: facts.caseId,
            goal_id: input.goalId,
            goal_title: input.goalTitle,
            from_professional_id: referrer.professionalId,
            to_professional_id: receiver.professionalId,
            service_id: input.serviceId,
            reason: input.reason,
            question: input.question,
            urgency: input.urgency,
            carries_compartment: input.carries,
            consent_id: consentId,
            status: 'requested',
            requested_at: at,
            created_by: referrer.userId,
            letter: input.letter,
            letter_template_id: input.letterTemplateId,
          })
          .execute();
        await trx
          .insertInto('referral_events')
          .values({
            referral_id: id,
            seq: 1,
            status: 'requested',
            at,
            by_professional_id: referrer.professionalId,
            reason: null,
            note: '',
          })
          .execute();
      });
      const made = (await store.one(id))!;
      tell(made, facts.coordinatorId);
      return made;
    },

    /** The role a professional has in a referral: the receiver, the referrer (or the case's coordinator), or none. */
    roleOf(referral: Referral, professionalId: string | null, facts: CaseFacts | null): ReferralRole | null {
      if (!professionalId) return null;
      if (referral.to.id === professionalId) return 'receiver';
      if (referral.from.id === professionalId || facts?.coordinatorId === professionalId) return 'referrer';
      return null;
    },

    /** Takes one step of the loop, or refuses (409) naming why; the status check and write are one transaction. */
    async step(
      referral: Referral,
      role: ReferralRole,
      by: string,
      step: ReferralStep & { note?: string },
      coordinatorId: string | null,
    ): Promise<Referral> {
      const at = new Date().toISOString();
      await data.write(async (trx) => {
        const row = await trx
          .selectFrom('referrals')
          .select('status')
          .where('id', '=', referral.id)
          .executeTakeFirstOrThrow();
        const problem = stepProblem(row.status, step.to, role);
        if (problem) throw new HttpError(409, problem, { code: 'step-not-allowed' });
        await trx
          .updateTable('referrals')
          .set({ status: step.to, ...momentsOf(step.to, at) })
          .where('id', '=', referral.id)
          .execute();
        await trx
          .insertInto('referral_events')
          .values({
            referral_id: referral.id,
            seq: await store.nextSeq(trx, referral.id),
            status: step.to,
            at,
            by_professional_id: by,
            reason: 'reason' in step ? step.reason : null,
            note: step.note ?? '',
          })
          .execute();
      });
      const changed = (await store.one(referral.id))!;
      tell(changed, coordinatorId);
      return changed;
    },
  };
}

export type ReferralService = ReturnType<typeof referralService>;
