import { Router } from 'express';
import type { ActionsAnswer } from '../../../shared/meetingApi.js';
import { caseGrant } from '../../../shared/permissions.js';
import { openEventStream } from '../../http/eventStream.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { actionDoneSchema, actionParamsSchema } from '../meetings/schema.js';
import type { ActionDoneBody, ActionParams } from '../meetings/schema.js';

/** "My actions": a professional's actions from every meeting and case, marked done here. */
export function actionsRouter(s: Services): Router {
  const router = Router();
  const { actions, service } = s.meetings;

  router.get('/mine', async (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const body: ActionsAnswer = {
      actions: await actions.mine(user.professionalId!, await s.access.visibleCaseIds(viewerOf(user))),
    };
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      details: { list: 'my-actions', count: body.actions.length },
    });
    res.json(body);
  });

  // Tells the page to fetch again when one of the person's actions changed.
  router.get('/mine/stream', (_req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    const listener = (ownerId: string) => {
      if (ownerId === user.professionalId) stream.send('changed', {});
    };
    actions.changes.on('owner', listener);
    stream.onClose(() => actions.changes.off('owner', listener));
  });

  // The owner marks their action done; so may a member who may change the case.
  router.put(
    '/:meetingId/:caseId/:actionId',
    validate('params', actionParamsSchema),
    validate('body', actionDoneSchema),
    async (req, res) => {
      const user = requireUser(res, ['professional', 'coordinator']);
      const { meetingId, caseId, actionId } = req.params as ActionParams;
      const row = await actions.one(meetingId, caseId, actionId);
      const facts = await s.access.facts(caseId);
      const grant = facts ? caseGrant(viewerOf(user), facts) : null;
      const owner = row?.ownerId === user.professionalId;
      if (!row || (!owner && grant?.access !== 'write')) {
        await s.audit.record({
          event: 'api-refused',
          outcome: 'refused',
          caseId: facts ? caseId : null,
          userId: user.id,
          role: user.role,
          ...accessPoint(req),
          details: { route: 'PUT /api/actions', meetingId },
        });
        throw new HttpError(404, `actionId: no action ${actionId} of yours`);
      }
      const done = (req.body as ActionDoneBody).done;
      if (
        !(await service.setActionDone(meetingId, caseId, actionId, done, {
          userId: user.id,
          role: user.role,
        }))
      )
        throw new HttpError(404, `actionId: no action ${actionId} of yours`);
      await s.audit.record({
        event: 'api-write',
        caseId,
        userId: user.id,
        role: user.role,
        authorization: owner ? 'action-owner' : grant!.authorization,
        ...accessPoint(req),
        details: { resource: 'action', meetingId, done },
      });
      res.json({ ok: true });
    },
  );
  return router;
}
