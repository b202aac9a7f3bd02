import type { Router } from 'express';
import { readBoard } from '../../../shared/doc/board.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import type { Referral, ReferralOptions } from '../../../shared/referralApi.js';
import { checked } from '../../http/checked.js';
import { HttpError } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { letterValues } from '../../letters/values.js';
import { letterBodySchema, optionsQuerySchema, referralBodySchema } from '../referrals/schema.js';
import { openCase } from './openCase.js';
import { caseParamsSchema } from './schema.js';

/**
 * A case's referrals (SPEC RF1, RF3): its members read them; who may change the case refers the
 * client to a named person, carrying a compartment's information only on a consent in force.
 */
export function caseReferralRoutes(s: Services, router: Router): void {
  router.get(
    '/:caseId/referrals',
    checked({ params: caseParamsSchema }, async (_input, req, res) => {
      const { facts, log } = await openCase(s, req, res, 'read');
      const referrals = await s.referrals.store.ofCase(facts.caseId);
      await log('api-read', { resource: 'referrals', count: referrals.length });
      res.json({ referrals } satisfies { referrals: Referral[] });
    }),
  );

  router.get(
    '/:caseId/referral-options',
    checked({ params: caseParamsSchema, query: optionsQuerySchema }, async ({ query }, req, res) => {
      const { user, facts } = await openCase(s, req, res, 'write');
      res.json(
        (await s.referrals.options(viewerOf(user), facts, query.toProfessionalId)) satisfies ReferralOptions,
      );
    }),
  );

  /** A standard letter filled in for the referral being written; the referrer edits it before sending (SPEC LT3). */
  router.post(
    '/:caseId/letter',
    checked({ params: caseParamsSchema, body: letterBodySchema }, async ({ body }, req, res) => {
      const { user, facts } = await openCase(s, req, res, 'write');
      const template = await s.letters.one(body.templateId);
      const district = await s.data.db
        .selectFrom('cases as c')
        .innerJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
        .select('n.district_id')
        .where('c.id', '=', facts.caseId)
        .executeTakeFirstOrThrow();
      if (!template || template.archivedAt || template.districtId !== district.district_id)
        throw new HttpError(400, "templateId: no standard letter of that id in the client's district", {
          code: 'unknown-template',
        });
      const goalTitle = body.goalId
        ? ((
            await s.registry.use(caseDocumentName(facts.caseId), (doc) =>
              readBoard(doc).goals.find((g) => g.id === body.goalId),
            )
          )?.title ?? null)
        : null;
      const carry = body.carries
        ? (await s.referrals.options(viewerOf(user), facts, body.toProfessionalId)).carry[body.carries]
        : null;
      const values = await letterValues(s, {
        caseId: facts.caseId,
        facts,
        referrerId: user.professionalId!,
        toProfessionalId: body.toProfessionalId,
        goalTitle,
        serviceId: body.serviceId,
        reason: body.reason,
        question: body.question,
        consentId: carry?.consentId ?? null,
      });
      res.json(s.letters.merge(template, values));
    }),
  );

  router.post(
    '/:caseId/referrals',
    checked({ params: caseParamsSchema, body: referralBodySchema }, async ({ body }, req, res) => {
      const { user, facts, log } = await openCase(s, req, res, 'write');
      let goalTitle: string | null = null;
      if (body.goalId) {
        const goal = await s.registry.use(caseDocumentName(facts.caseId), (doc) =>
          readBoard(doc).goals.find((g) => g.id === body.goalId),
        );
        if (!goal)
          throw new HttpError(400, `goalId: no goal ${body.goalId} on this board`, { code: 'unknown-goal' });
        goalTitle = goal.title;
      }
      const referral = await s.referrals.create(
        { ...viewerOf(user), professionalId: user.professionalId! },
        facts,
        {
          ...body,
          goalTitle,
        },
      );
      await log('referral-made', {
        referralId: referral.id,
        toProfessionalId: referral.to.id,
        urgency: referral.urgency,
        carries: referral.carries?.compartment ?? null,
        consentId: referral.carries?.consentId ?? null,
      });
      await s.notifications.notifyReferral({
        referralId: referral.id,
        caseId: referral.caseId,
        status: 'requested',
        toProfessionalIds: [referral.to.id],
        fromProfessionalId: referral.from.id,
      });
      res.status(201).json({ id: referral.id });
    }),
  );
}
