import type { Request, Response, Router } from 'express';
import { caseLifecycle } from '../../../cases/lifecycle.js';
import { accessPoint, requireUser } from '../../../http/session.js';
import { HttpError, validate } from '../../../http/validate.js';
import type { Services } from '../../../services/index.js';
import { openCase } from '../openCase.js';
import { caseParamsSchema } from '../schema.js';
import type { CaseParams } from '../schema.js';
import { closeBodySchema, reopenBodySchema, transferBodySchema } from './schema.js';
import type { CloseBody, ReopenBody, TransferBody } from './schema.js';

/**
 * The functional administrator hands over a case whose coordinator left (a disabled account, or
 * none), also a closed one, so someone can reopen it; any other case is its coordinator's to hand over.
 */
async function leaversCase(
  s: Services,
  req: Request,
  res: Response,
  coordinatorIsActive: (id: string) => Promise<boolean>,
) {
  const user = requireUser(res, ['admin']);
  const { caseId } = req.params as CaseParams;
  const facts = await s.access.facts(caseId);
  const entry = { caseId: facts ? caseId : null, userId: user.id, role: user.role, ...accessPoint(req) };
  if (!facts || (await coordinatorIsActive(caseId))) {
    await s.audit.record({
      ...entry,
      event: 'api-refused',
      outcome: 'refused',
      details: { resource: 'coordinator', reason: facts ? 'coordinator-active' : 'no-case' },
    });
    if (!facts) throw new HttpError(404, `caseId: no case ${caseId}`);
    throw new HttpError(403, 'the coordinator can still sign in: they hand the case over themselves');
  }
  const log = (details: Record<string, string | null>) =>
    s.audit.record({ ...entry, event: 'coordinator-transferred', authorization: 'admin:leaver', details });
  return { user, facts, log };
}

/**
 * A case's life after intake: the coordinator hands it over (both are told), closes it with a
 * reason (read-only for everyone at once, on every open board too) and reopens it. Every step
 * is in the access log; open pages hear of it on the case's change stream and read it again.
 */
export function caseLifecycleRoutes(s: Services, router: Router): void {
  const lifecycle = caseLifecycle(s.data);
  /** Open boards and plans read the case again; open sync connections follow its rights now. */
  const changed = async (caseId: string) => {
    await s.recheckConnections();
    s.caseAdmin.changes.emit('case', caseId);
  };

  router.put(
    '/:caseId/coordinator',
    validate('params', caseParamsSchema),
    validate('body', transferBodySchema),
    async (req, res) => {
      const body = req.body as TransferBody;
      const byAdmin = requireUser(res).role === 'admin';
      const opened = byAdmin
        ? await leaversCase(s, req, res, lifecycle.coordinatorIsActive)
        : await openCase(s, req, res, 'manage');
      const { user, facts } = opened;
      const { previous } = await lifecycle.transfer(facts.caseId, body, { userId: user.id });
      const details = {
        from: previous,
        to: body.coordinatorId,
        previousCoordinator: body.previousCoordinator,
      };
      if ('grant' in opened) await opened.log('coordinator-transferred', details);
      else await opened.log(details);
      const from = byAdmin ? null : user.professionalId;
      const note = body.note ?? '';
      const notice = {
        caseId: facts.caseId,
        fromProfessionalId: from,
        note,
        kind: 'coordinator-transfer',
      } as const;
      // Both are told; the previous one only while still on the case (a notice names the client).
      await s.notifications.notifyCase({ ...notice, professionalId: body.coordinatorId, state: 'new' });
      if (previous)
        await s.notifications.notifyCase({ ...notice, professionalId: previous, state: 'previous' });
      await changed(facts.caseId);
      res.status(204).end();
    },
  );

  router.post(
    '/:caseId/close',
    validate('params', caseParamsSchema),
    validate('body', closeBodySchema),
    async (req, res) => {
      const { user, facts, log } = await openCase(s, req, res, 'manage');
      const body = req.body as CloseBody;
      await lifecycle.close(facts.caseId, body, { userId: user.id });
      // The reason's code only: the closing note is about the client and stays out of the log.
      await log('case-closed', {
        reason: body.reason,
        contactAfterId: body.contactAfterId ?? facts.coordinatorId,
      });
      await changed(facts.caseId);
      res.status(204).end();
    },
  );

  router.post(
    '/:caseId/reopen',
    validate('params', caseParamsSchema),
    validate('body', reopenBodySchema),
    async (req, res) => {
      const { user, facts, log } = await openCase(s, req, res, 'manage', { whenClosed: 'allow' });
      await lifecycle.reopen(facts.caseId, (req.body as ReopenBody).reason, { userId: user.id });
      await log('case-reopened', {});
      await changed(facts.caseId);
      res.status(204).end();
    },
  );
}
