import type { Request, Response, Router } from 'express';
import type { AccessDetails, AccessEvent } from '../../../../shared/accessLog.js';
import { setPerspectiveActive } from '../../../../shared/doc/perspectives.js';
import type { PossibleDuplicateAnswer } from '../../../../shared/intakeApi.js';
import { caseDocumentName } from '../../../../shared/protocol.js';
import { intakeService } from '../../../cases/intake.js';
import { accessPoint, requireUser } from '../../../http/session.js';
import { HttpError, validate } from '../../../http/validate.js';
import type { Services } from '../../../services/index.js';
import { accessRequestBodySchema, intakeBodySchema } from './schema.js';
import type { AccessRequestBody, IntakeBody } from './schema.js';

/**
 * The person registering, refused (and logged) unless they coordinate or work in a team, with
 * the access-log entries their registration writes: on the new case, on a case it matched.
 */
async function registrantOf(
  s: Services,
  req: Request,
  res: Response,
  mayRegister: (id: string) => Promise<boolean>,
) {
  const user = requireUser(res, ['professional', 'coordinator']);
  const point = accessPoint(req);
  const log = (event: AccessEvent, caseId: string | null, details: AccessDetails) =>
    s.audit.record({
      event,
      outcome: event === 'api-refused' ? 'refused' : 'allowed',
      caseId,
      userId: user.id,
      role: user.role,
      authorization: 'intake:team',
      ...point,
      details,
    });
  if (!(await mayRegister(user.professionalId!))) {
    await log('api-refused', null, { resource: 'intake', reason: 'no-team' });
    throw new HttpError(403, 'only coordinators and professionals of a team register clients');
  }
  return { user, log, professionalId: user.professionalId!, actor: { userId: user.id, role: user.role } };
}

/**
 * Intake: what the page offers, registering a client, and asking the coordinator of a case that
 * may be this client's to add me. A possible duplicate names whom to contact, never the case:
 * no id, no access, the same answer whether or not the request finds it again.
 */
export function caseIntakeRoutes(s: Services, router: Router): void {
  const intake = intakeService(s.data);

  router.get('/intake', async (_req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    res.json(await intake.options(user.professionalId!));
  });

  router.post('/', validate('body', intakeBodySchema), async (req, res) => {
    const { log, professionalId, user, actor } = await registrantOf(s, req, res, intake.mayRegister);
    const body = req.body as IntakeBody;
    // Bad people or place answer 400 first: the duplicate warning is no free look-up (SPEC CL3).
    await intake.check(body, { professionalId });
    const duplicates = await intake.possibleDuplicates(body.clientName, body.dateOfBirth);
    if (duplicates.length > 0 && !body.despitePossibleDuplicate) {
      // Each client whose coordinator was named sees it in "who looked at my file".
      for (const d of duplicates)
        await log('possible-duplicate', d.caseId, { coordinatorId: d.coordinatorId, named: !!d.contact });
      const answer: PossibleDuplicateAnswer = {
        error:
          'a case with this name and date of birth may exist already: contact its coordinator, or register anyway',
        code: 'possible-duplicate',
        contacts: duplicates.map((d) => d.contact),
      };
      res.status(409).json(answer);
      return;
    }
    const { caseId, memberIds } = await intake.register(body, { userId: user.id, professionalId });
    try {
      // The board's defaults come when it loads (BoardDefaults); the chosen perspectives are the registrant's change.
      await s.registry.use(
        caseDocumentName(caseId),
        (doc) => doc.transact(() => body.perspectives.forEach((p) => setPerspectiveActive(doc, p, true))),
        actor,
      );
    } catch (error) {
      await intake.forget(caseId);
      throw error;
    }
    await log('case-registered', caseId, {
      coordinatorId: body.coordinatorId,
      members: memberIds.join(','),
      perspectives: body.perspectives.length,
      possibleDuplicates: duplicates.length,
    });
    res.status(201).json({ id: caseId });
  });

  router.post('/access-requests', validate('body', accessRequestBodySchema), async (req, res) => {
    const { log, professionalId } = await registrantOf(s, req, res, intake.mayRegister);
    const body = req.body as AccessRequestBody;
    const found = (await intake.possibleDuplicates(body.clientName, body.dateOfBirth)).filter(
      (d) => d.coordinatorId === body.coordinatorId && d.contact,
    );
    for (const d of found) {
      // One unread request per colleague and case: asking again is logged, but notifies nobody again.
      const pending = await intake.accessRequestPending(d.caseId, body.coordinatorId, professionalId);
      await log('access-requested', d.caseId, { coordinatorId: body.coordinatorId, notified: !pending });
      if (pending) continue;
      await s.notifications.notifyCase({
        caseId: d.caseId,
        professionalId: body.coordinatorId,
        fromProfessionalId: professionalId,
        kind: 'access-request',
        state: null,
        note: body.message ?? '',
      });
    }
    if (found.length === 0) await log('api-refused', null, { resource: 'access-request', matched: 0 });
    // The same answer either way: asking tells nothing the duplicate warning did not.
    res.status(202).json({ sent: true });
  });
}
