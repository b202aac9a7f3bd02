import { Router } from 'express';
import { z } from 'zod';
import type { AppNotification } from '../../../shared/api.js';
import type { NotificationService } from '../../caseload/notifications.js';
import { openEventStream } from '../../http/eventStream.js';
import { requireUser } from '../../http/session.js';
import type { Services } from '../../services/index.js';
import { validate } from '../../http/validate.js';

const readSchema = z.object({ ids: z.array(z.uuid()).max(200).optional() });

/** A professional's notices: the list, marking them read, and a live stream of new ones. */
export function notificationsRouter(s: Services, notifications: NotificationService): Router {
  const router = Router();
  const professional = (res: Parameters<typeof requireUser>[0]) =>
    requireUser(res, ['professional', 'coordinator']);

  router.get('/', (_req, res) => {
    res.json(notifications.list(professional(res).id));
  });

  router.post('/read', validate('body', readSchema), (req, res) => {
    notifications.markRead(professional(res).id, (req.body as z.infer<typeof readSchema>).ids);
    res.status(204).end();
  });

  router.get('/events', (_req, res) => {
    const user = professional(res);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    const send = (notice: AppNotification) => stream.send('notification', notice);
    notifications.events.on(user.id, send);
    stream.onClose(() => notifications.events.off(user.id, send));
  });
  return router;
}
