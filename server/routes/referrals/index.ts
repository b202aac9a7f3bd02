import { Router } from 'express';
import type { Request, Response } from 'express';
import type { Referral, ReferralInbox } from '../../../shared/referralApi.js';
import { documentGrant } from '../../../shared/permissions.js';
import { checked } from '../../http/checked.js';
import { openEventStream } from '../../http/eventStream.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import type { ReferralChange } from '../../referrals/service.js';
import { referralParamsSchema, stepBodySchema } from './schema.js';

const professionals = ['professional', 'coordinator'] as const;

/**
 * Referrals as the people in them see them (SPEC RF2–RF6): the inbox of referrals to me and by
 * me, one referral, its next step, and adding its receiver to the case team. Who may see one: its
 * two people, the case's coordinator and whoever may open the case; anyone else gets the same 404
 * as for a referral that does not exist. Every read and change is in the access log.
 */
export function referralsRouter(s: Services): Router {
  const router = Router();

  /** The referral of the request and the person's place in it; refuses (and logs) anyone else. */
  async function openReferral(req: Request, res: Response) {
    const user = requireUser(res, [...professionals]);
    const parsed = referralParamsSchema.safeParse(req.params);
    if (!parsed.success) throw new HttpError(400, 'referralId: must be a referral id');
    const { referralId } = parsed.data;
    const referral = await s.referrals.store.one(referralId);
    const facts = referral ? await s.access.facts(referral.caseId) : null;
    const viewer = viewerOf(user);
    const role = referral ? s.referrals.roleOf(referral, user.professionalId, facts) : null;
    const grant = facts ? documentGrant(viewer, facts, 'shared') : null;
    const point = accessPoint(req);
    if (!referral || !facts || (!role && !grant)) {
      await s.audit.record({
        event: 'api-refused',
        outcome: 'refused',
        caseId: referral ? referral.caseId : null,
        userId: user.id,
        role: user.role,
        ...point,
        details: { route: `${req.method} ${req.baseUrl}${req.route?.path ?? ''}` },
      });
      throw new HttpError(404, `referralId: no referral ${referralId} that you may see`);
    }
    const authorization = role ? `referral:${role}` : grant!.authorization;
    const log = (
      event: 'api-read' | 'referral-changed' | 'membership-changed',
      details: Record<string, string | number | boolean | null>,
    ) =>
      s.audit.record({
        event,
        caseId: referral.caseId,
        userId: user.id,
        role: user.role,
        authorization,
        ...point,
        details,
      });
    return { user, referral, facts, role, grant, log };
  }

  router.get('/', async (req, res) => {
    const user = requireUser(res, [...professionals]);
    const inbox: ReferralInbox = user.professionalId
      ? await s.referrals.store.inboxOf(user.professionalId)
      : { incoming: [], outgoing: [] };
    const all = [...inbox.incoming, ...inbox.outgoing];
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      cases: [...new Set(all.map((r) => r.caseId))],
      details: { list: 'referrals', count: all.length },
    });
    res.json(inbox);
  });

  // Before `/:referralId`: tells an open inbox to read again when one of its referrals changed.
  router.get('/stream', (req, res) => {
    const user = requireUser(res, [...professionals]);
    const stream = openEventStream(res, s.sessions, s.config.accessRecheckMs);
    const listener = (change: ReferralChange) => {
      if (user.professionalId && change.professionalIds.includes(user.professionalId))
        stream.send('changed', {});
    };
    s.referrals.changes.on('referral', listener);
    stream.onClose(() => s.referrals.changes.off('referral', listener));
  });

  router.get('/:referralId', async (req, res) => {
    const { referral, log } = await openReferral(req, res);
    await log('api-read', { resource: 'referral' });
    res.json({ referral } satisfies { referral: Referral });
  });

  router.post(
    '/:referralId/status',
    checked({ body: stepBodySchema }, async ({ body }, req, res) => {
      const { user, referral, facts, role, log } = await openReferral(req, res);
      if (!role)
        throw new HttpError(403, 'only the person referred to or the referrer may change a referral');
      const changed = await s.referrals.step(referral, role, user.professionalId!, body, facts.coordinatorId);
      await log('referral-changed', {
        referralId: referral.id,
        status: body.to,
        reason: 'reason' in body ? body.reason : null,
      });
      // The other person hears of it (and the coordinator, when it was not theirs to do).
      const others = [
        changed.from.id,
        changed.to.id,
        ...(facts.coordinatorId ? [facts.coordinatorId] : []),
      ].filter((id) => id !== user.professionalId);
      await s.notifications.notifyReferral({
        referralId: changed.id,
        caseId: changed.caseId,
        status: changed.status,
        toProfessionalIds: others,
        fromProfessionalId: user.professionalId!,
      });
      res.json({ referral: changed } satisfies { referral: Referral });
    }),
  );

  /** Adds the receiver of an accepted referral to the case team, in one step (SPEC RF6). */
  router.post('/:referralId/member', async (req, res) => {
    const { user, referral, facts, grant, log } = await openReferral(req, res);
    const coordinator = facts.coordinatorId !== null && facts.coordinatorId === user.professionalId;
    const referrerWhoWrites = referral.from.id === user.professionalId && grant?.access === 'write';
    if (!coordinator && !referrerWhoWrites)
      throw new HttpError(
        403,
        'only the coordinator, or the referrer who may change the case, adds people to it',
      );
    if (facts.status === 'closed') throw new HttpError(409, 'this case is closed', { code: 'case-closed' });
    if (referral.status !== 'accepted' && referral.status !== 'in-progress')
      throw new HttpError(409, 'the person referred to joins the team once they accepted', {
        code: 'not-accepted',
      });
    await s.caseAdmin.setMember(referral.caseId, referral.to.id, referral.to.roleTitle, 'write');
    await log('membership-changed', { professionalId: referral.to.id, access: 'write', via: 'referral' });
    await s.recheckConnections();
    s.referrals.changes.emit('referral', {
      referralId: referral.id,
      caseId: referral.caseId,
      professionalIds: [
        referral.from.id,
        referral.to.id,
        ...(facts.coordinatorId ? [facts.coordinatorId] : []),
      ],
    } satisfies ReferralChange);
    res.status(204).end();
  });

  return router;
}
