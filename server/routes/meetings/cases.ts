import type { Router } from 'express';
import { caseGrant } from '../../../shared/permissions.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { HttpError, validate } from '../../http/validate.js';
import { boardMoment } from '../../versions/store.js';
import type { Services } from '../../services/index.js';
import { markQuestionDiscussed } from '../cases/clientQuestions.js';
import { openMeeting, openMeetingCase } from './openMeeting.js';
import {
  actionParamsSchema,
  actionStepSchema,
  agendaCaseSchema,
  meetingCaseParamsSchema,
  meetingParamsSchema,
  meetingQuestionParamsSchema,
} from './schema.js';
import type {
  ActionParams,
  ActionStepBody,
  AgendaCaseBody,
  MeetingCaseParams,
  MeetingQuestionParams,
} from './schema.js';

/** The cases of a meeting: putting them on the agenda, what changed since last time, actions to steps. */
export function meetingCaseRoutes(s: Services, router: Router): void {
  const { store, service, versions } = s.meetings;

  // An attendee puts a case they work on (write access) from the meeting's neighbourhood on the agenda.
  router.post(
    '/:meetingId/agenda',
    validate('params', meetingParamsSchema),
    validate('body', agendaCaseSchema),
    async (req, res) => {
      const { user, viewer, facts, point, refuse } = await openMeeting(s, req, res);
      if (facts.status !== 'planned') throw await refuse(409, 'the meeting is closed');
      const body = req.body as AgendaCaseBody;
      const caseFacts = await s.access.facts(body.caseId);
      const grant = caseFacts ? caseGrant(viewer, caseFacts) : null;
      if (!grant) throw await refuse(404, `caseId: no case ${body.caseId} that you may open`);
      // A closed case is read-only for everyone (SPEC CL6).
      if (caseFacts!.status === 'closed') throw await refuse(409, 'caseId: the case is closed');
      if (grant.access !== 'write') throw await refuse(403, 'caseId: you may only read this case');
      const meeting = (await store.summary(facts.meetingId))!;
      if ((await store.caseLine(body.caseId))!.neighbourhoodId !== meeting.neighbourhoodId)
        throw new HttpError(400, 'caseId: the case belongs to another neighbourhood');
      if (facts.agendaCaseIds.includes(body.caseId))
        throw new HttpError(409, 'caseId: the case is already on the agenda');
      await service.addCase(facts.meetingId, body.caseId, body, { userId: user.id, role: user.role });
      await s.audit.record({
        event: 'api-write',
        caseId: body.caseId,
        userId: user.id,
        role: user.role,
        authorization: grant.authorization,
        ...point,
        details: { resource: 'meeting-agenda', meetingId: facts.meetingId },
      });
      res.status(201).json({ ok: true });
    },
  );

  // The chair, or a member who may change the case, takes it off the agenda.
  router.delete(
    '/:meetingId/agenda/:caseId',
    validate('params', meetingCaseParamsSchema),
    async (req, res) => {
      const { user, viewer, facts, point, refuse } = await openMeeting(s, req, res);
      if (facts.status !== 'planned') throw await refuse(409, 'the meeting is closed');
      const { caseId } = req.params as MeetingCaseParams;
      const caseFacts = await s.access.facts(caseId);
      const grant = caseFacts ? caseGrant(viewer, caseFacts) : null;
      const chair = facts.chairId === user.professionalId;
      if (!facts.agendaCaseIds.includes(caseId))
        throw await refuse(404, `caseId: no case ${caseId} on this agenda`);
      if (!chair && grant?.access !== 'write')
        throw await refuse(403, 'only the chair or a member of the case may do this');
      await service.removeCase(facts.meetingId, caseId, { userId: user.id, role: user.role });
      await s.audit.record({
        event: 'api-write',
        caseId,
        userId: user.id,
        role: user.role,
        authorization: chair ? 'meeting:chair' : grant!.authorization,
        ...point,
        details: { resource: 'meeting-agenda', meetingId: facts.meetingId, removed: true },
      });
      await s.recheckConnections();
      res.json({ ok: true });
    },
  );

  router.get(
    '/:meetingId/cases/:caseId/changes',
    validate('params', meetingCaseParamsSchema),
    async (req, res) => {
      const { user, facts, point, caseFacts, meetingCaseGrant } = await openMeetingCase(s, req, res);
      const closedAt = (await store.summary(facts.meetingId))!.closedAt;
      const board = await s.registry.use(caseDocumentName(caseFacts.caseId), boardMoment);
      const answer = await versions.changes(caseFacts.caseId, facts.meetingId, closedAt, board);
      await s.audit.record({
        event: 'api-read',
        caseId: caseFacts.caseId,
        userId: user.id,
        role: user.role,
        authorization: meetingCaseGrant.authorization,
        ...point,
        details: { resource: 'changes-since-meeting', meetingId: facts.meetingId },
      });
      res.json(answer);
    },
  );

  router.post(
    '/:meetingId/cases/:caseId/actions/:actionId/step',
    validate('params', actionParamsSchema),
    validate('body', actionStepSchema),
    async (req, res) => {
      const { user, point, caseFacts, caseGrantOf } = await openMeetingCase(s, req, res, 'write');
      const { meetingId, actionId } = req.params as ActionParams;
      const result = await service.actionToStep(
        meetingId,
        caseFacts.caseId,
        actionId,
        (req.body as ActionStepBody).goalId,
        { userId: user.id, role: user.role },
      );
      if ('error' in result) throw new HttpError(400, result.error!);
      await s.audit.record({
        event: 'api-write',
        caseId: caseFacts.caseId,
        userId: user.id,
        role: user.role,
        authorization: caseGrantOf.authorization,
        ...point,
        details: { resource: 'action-step', meetingId },
      });
      res.status(201).json({ stepId: result.stepId });
    },
  );

  // A member with write access marks a client's question discussed in this open meeting: the
  // board records who and in which meeting, and the minutes list it.
  router.post(
    '/:meetingId/cases/:caseId/client-questions/:questionId/discussed',
    validate('params', meetingQuestionParamsSchema),
    async (req, res) => {
      const { user, facts, caseFacts, caseGrantOf, point, refuse } = await openMeetingCase(
        s,
        req,
        res,
        'write',
      );
      if (facts.status !== 'planned') throw await refuse(409, 'the meeting is closed');
      const { questionId } = req.params as MeetingQuestionParams;
      await markQuestionDiscussed(s, res, {
        user,
        caseId: caseFacts.caseId,
        questionId,
        authorization: caseGrantOf.authorization,
        point,
        meetingId: facts.meetingId,
      });
    },
  );
}
