import type { Router } from 'express';
import type { OneTimeLinkAnswer, OrphanedCasesAnswer } from '../../../../shared/adminApi.js';
import { checked } from '../../../http/checked.js';
import type { Services } from '../../../services/index.js';
import { adminOf } from '../adminOf.js';
import {
  newProfessionalBodySchema,
  passwordResetBodySchema,
  professionalBodySchema,
  professionalParamsSchema,
  professionalsQuerySchema,
} from './schema.js';

/**
 * Professionals and their accounts: a page of the list at a time, new colleagues (with a one-time
 * link), edits, leavers (disabled at once) and password resets, and the cases a leaver left
 * without a coordinator.
 */
export function professionalRoutes(s: Services, router: Router): void {
  const linkOf = (token: string) => `${s.config.publicUrl}/invitation/${token}`;

  router.get(
    '/professionals',
    checked({ query: professionalsQuerySchema }, async ({ query }, _req, res) => {
      res.json(await s.professionals.list(query));
    }),
  );

  router.post(
    '/professionals',
    checked({ body: newProfessionalBodySchema }, async ({ body }, req, res) => {
      const { user, log } = adminOf(s, req, res);
      const made = await s.professionals.create(body, user.id);
      await log('account-created', { professionalId: made.id, userId: made.userId });
      res.status(201).json({ id: made.id, link: linkOf(made.token), expiresAt: made.expiresAt });
    }),
  );

  router.put(
    '/professionals/:professionalId',
    checked(
      { params: professionalParamsSchema, body: professionalBodySchema },
      async ({ params, body }, req, res) => {
        const { log } = adminOf(s, req, res);
        const fields = await s.professionals.update(params.professionalId, body);
        if (fields.length > 0)
          await log('professional-changed', {
            professionalId: params.professionalId,
            fields: fields.join(','),
          });
        res.json(await s.professionals.get(params.professionalId));
      },
    ),
  );

  router.post(
    '/professionals/:professionalId/disable',
    checked({ params: professionalParamsSchema }, async ({ params }, req, res) => {
      const { log } = adminOf(s, req, res);
      const done = await s.professionals.disable(params.professionalId);
      const professional = await s.professionals.get(params.professionalId);
      if (done)
        await log('account-disabled', {
          professionalId: params.professionalId,
          userId: professional.account!.userId,
          sessionsEnded: done.sessionsEnded,
          coordinates: professional.coordinates,
        });
      res.json(professional);
    }),
  );

  router.post(
    '/professionals/:professionalId/enable',
    checked({ params: professionalParamsSchema }, async ({ params }, req, res) => {
      const { log } = adminOf(s, req, res);
      const done = await s.professionals.enable(params.professionalId);
      const professional = await s.professionals.get(params.professionalId);
      if (done)
        await log('account-enabled', {
          professionalId: params.professionalId,
          userId: professional.account!.userId,
        });
      res.json(professional);
    }),
  );

  router.post(
    '/professionals/:professionalId/password-reset',
    checked(
      { params: professionalParamsSchema, body: passwordResetBodySchema },
      async ({ params, body }, req, res) => {
        const { user, log } = adminOf(s, req, res);
        const reset = await s.professionals.resetPassword(params.professionalId, user.id, body);
        const ids = { professionalId: params.professionalId, userId: reset.userId };
        await log('password-reset', { ...ids, sessionsEnded: reset.sessionsEnded });
        if (reset.twoFactorReset) await log('two-factor-reset', ids);
        res
          .status(201)
          .json({ link: linkOf(reset.token), expiresAt: reset.expiresAt } satisfies OneTimeLinkAnswer);
      },
    ),
  );

  // Clients are named by alias, yet it is a list of clients: each of them finds it in "who looked
  // at my file" (SPEC A6, LG3).
  router.get('/orphaned-cases', async (req, res) => {
    const { user, point } = adminOf(s, req, res);
    const cases = await s.professionals.orphanedCases();
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      ...point,
      cases: cases.map((c) => c.caseId),
      details: { resource: 'orphaned-cases', results: cases.length },
    });
    res.json({ cases } satisfies OrphanedCasesAnswer);
  });
}
