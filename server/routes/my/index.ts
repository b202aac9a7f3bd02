import { Router } from 'express';
import type { FileAccess } from '../../../shared/api.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { openEventStream } from '../../http/eventStream.js';
import { HttpError, validate } from '../../http/validate.js';
import type { ClientPlanService } from '../../services/clientPlan.js';
import type { Services } from '../../services/index.js';
import { clientOf } from './client.js';
import { myConsentRoutes } from './consents.js';
import { myFileRoutes } from './file.js';
import { goalParamsSchema, wordsSchema } from './schema.js';
import type { GoalParams, WordsBody } from './schema.js';
import { myVoiceRoutes } from './voice.js';

/**
 * The client's own pages: their plan (a projection, live), their words, questions and ratings,
 * their consents, who looked at their file.
 */
export function myRouter(s: Services, plans: ClientPlanService): Router {
  const router = Router();

  router.get('/plan', async (req, res) => {
    const client = clientOf(s, req, res);
    const plan = await plans.plan(client.caseId);
    if (!plan) throw new HttpError(404, 'your plan was not found');
    await client.read({ resource: 'plan' });
    res.json({ plan });
  });

  /**
   * Server-sent events: the plan as soon as the stream opens (so a reconnecting page catches up),
   * then again whenever a change to the board changes what the client sees.
   */
  router.get('/plan/events', async (req, res) => {
    const { caseId } = clientOf(s, req, res);
    const name = caseDocumentName(caseId);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    let timer: NodeJS.Timeout | null = null;
    let lastSent = '';
    const send = async () => {
      timer = null;
      const plan = await plans.plan(caseId);
      if (!plan) return;
      // Most board edits (a hidden goal, a perspective) leave the client's plan as it was.
      const serialized = JSON.stringify(plan);
      if (serialized === lastSent) return;
      lastSent = serialized;
      stream.send('plan', plan);
    };
    // One send at a time, so an older plan never overtakes a newer one.
    let sending = Promise.resolve();
    const sendInTurn = () => {
      sending = sending
        .then(send)
        .catch((error: unknown) => s.log.error('plan event failed', { error: String(error) }));
    };
    const onChange = (changed: string) => {
      if (changed !== name || timer) return;
      timer = setTimeout(sendInTurn, 300);
    };
    s.registry.changes.on('change', onChange);
    // Closing or reopening the case changes the plan without touching the board.
    const onCase = (changed: string) => changed === caseId && onChange(name);
    s.caseAdmin.changes.on('case', onCase);
    // A referral of the client moved on (SPEC RF7).
    const onReferral = (change: { caseId: string }) => change.caseId === caseId && onChange(name);
    s.referrals.changes.on('referral', onReferral);
    stream.onClose(() => {
      s.registry.changes.off('change', onChange);
      s.caseAdmin.changes.off('case', onCase);
      s.referrals.changes.off('referral', onReferral);
      if (timer) clearTimeout(timer);
    });
    sendInTurn();
  });

  router.put(
    '/goals/:goalId/words',
    validate('params', goalParamsSchema),
    validate('body', wordsSchema),
    async (req, res) => {
      const client = clientOf(s, req, res);
      await client.mustBeOpen('goal-words');
      const { goalId } = req.params as GoalParams;
      const ok = await plans.setClientWords(
        client.caseId,
        client.actor,
        goalId,
        (req.body as WordsBody).words,
      );
      await client.wrote(ok, { resource: 'goal-words', goalId });
      if (!ok) throw new HttpError(404, `goalId: no goal ${goalId} in your plan`);
      res.status(204).end();
    },
  );

  router.get('/access-log', async (req, res) => {
    const client = clientOf(s, req, res);
    const names = await s.data.db.selectFrom('users').select(['id', 'display_name as name']).execute();
    const byId = new Map(names.map((u) => [u.id, u.name]));
    const entries: FileAccess[] = (await s.audit.whoLookedAt(client.caseId)).map((e) => ({
      at: e.at,
      event: e.event,
      name: (e.userId && byId.get(e.userId)) || '—',
      role: e.role,
    }));
    await client.read({ resource: 'access-log' });
    res.json({ entries });
  });

  myVoiceRoutes(s, router);
  myConsentRoutes(s, router);
  myFileRoutes(s, router);
  return router;
}
