import { Router } from 'express';
import { z } from 'zod';
import type { AppNotification } from '../../../shared/api.js';
import type { NotificationService } from '../../caseload/notifications.js';
import { openEventStream } from '../../http/eventStream.js';
import { accessPoint, requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';
import { validate } from '../../http/validate.js';

const readSchema = z.object({ ids: z.array(z.uuid()).max(200).optional() });

/**
 * A professional's notices: the list, marking them read, and a live stream of new ones. A notice
 * names the client and carries the observation's note, so reading it is an access-log read of
 * that client: the list as one entry naming every client in it, each pushed notice as its own.
 */
export function notificationsRouter(s: Services, notifications: NotificationService): Router {
  const router = Router();
  const professional = (res: Parameters<typeof requireUser>[0]) =>
    requireUser(res, ['professional', 'coordinator']);

  router.get('/', async (req, res) => {
    const user = professional(res);
    const answer = await notifications.list(user.id);
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      authorization: 'recipient',
      ...accessPoint(req),
      cases: answer.notifications.map((n) => n.caseId),
      details: { resource: 'notifications' },
    });
    res.json(answer);
  });

  router.post('/read', validate('body', readSchema), async (req, res) => {
    await notifications.markRead(professional(res).id, (req.body as z.infer<typeof readSchema>).ids);
    res.status(204).end();
  });

  router.get('/events', (req, res) => {
    const user = professional(res);
    const point = accessPoint(req);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    /** Logs the read, then pushes the notice: one whose read could not be logged is not sent. */
    const push = async (notice: AppNotification) => {
      await s.audit.record({
        event: 'api-read',
        caseId: notice.caseId,
        userId: user.id,
        role: user.role,
        authorization: 'recipient',
        ...point,
        details: { resource: 'notification', notificationId: notice.id, pushed: true },
      });
      stream.send('notification', notice);
    };
    // Called by the event emitter, so nobody awaits it: a failure is logged (no personal data).
    const send = (notice: AppNotification) =>
      void push(notice).catch((error: unknown) =>
        s.log.error('pushing a notification failed', { error: String(error) }),
      );
    notifications.events.on(user.id, send);
    stream.onClose(() => notifications.events.off(user.id, send));
  });
  return router;
}
