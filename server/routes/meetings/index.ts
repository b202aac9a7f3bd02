import { Router } from 'express';
import type { Neighbourhood } from '../../../shared/api.js';
import type { MeetingDetails, MeetingsAnswer } from '../../../shared/meetingApi.js';
import { caseGrant } from '../../../shared/permissions.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import { caseAlias } from '../../meetings/store.js';
import type { Services } from '../../services/index.js';
import { meetingCaseRoutes } from './cases.js';
import { meetingCloseRoutes } from './close.js';
import { openMeeting } from './openMeeting.js';
import { meetingParamsSchema, meetingPlanSchema, newMeetingSchema } from './schema.js';
import type { MeetingPlanBody, NewMeetingBody } from './schema.js';

/** Case meetings: planning (who, when), the agenda, the meeting's cases, closing and minutes. */
export function meetingsRouter(s: Services): Router {
  const router = Router();
  const { store } = s.meetings;

  const checkPeople = async (body: Pick<MeetingPlanBody, 'attendeeIds'> & { chairId?: string }) => {
    for (const id of [...body.attendeeIds, ...(body.chairId ? [body.chairId] : [])]) {
      if (!(await store.professionalExists(id)))
        throw new HttpError(400, `attendeeIds: no professional ${id}`);
    }
  };

  router.get('/', async (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const body: MeetingsAnswer = { meetings: await store.listFor(user.professionalId!) };
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      details: { list: 'meetings', count: body.meetings.length },
    });
    res.json(body);
  });

  router.get('/neighbourhoods', async (_req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    // Archived neighbourhoods leave the picker (SPEC PP2).
    const neighbourhoods: Neighbourhood[] = await s.places.activeNeighbourhoods();
    // The neighbourhood of the person's own team, which the planning form starts with.
    const mine = user.professionalId ? await s.places.teamNeighbourhoodOf(user.professionalId) : null;
    res.json({ neighbourhoods, myNeighbourhoodId: mine });
  });

  router.post('/', validate('body', newMeetingSchema), async (req, res) => {
    const user = requireUser(res, ['professional', 'coordinator']);
    const body = req.body as NewMeetingBody;
    if (!(await store.neighbourhoodExists(body.neighbourhoodId)))
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${body.neighbourhoodId}`);
    // No new meeting goes into an archived place, whatever the picker showed (SPEC PP2).
    if (!(await s.places.isActiveNeighbourhood(body.neighbourhoodId)))
      throw new HttpError(400, `neighbourhoodId: neighbourhood ${body.neighbourhoodId} is archived`);
    await checkPeople(body);
    const chairId = body.chairId ?? user.professionalId!;
    // Whoever plans the meeting attends it, so they can prepare the agenda.
    const attendeeIds = [...new Set([...body.attendeeIds, user.professionalId!])].filter(
      (id) => id !== chairId,
    );
    // Stored in UTC, so meetings sort by time whatever offset the browser sent.
    const startsAt = new Date(body.startsAt).toISOString();
    const id = await store.create({ ...body, startsAt, chairId, attendeeIds, createdBy: user.id });
    await s.audit.record({
      event: 'api-write',
      userId: user.id,
      role: user.role,
      ...accessPoint(req),
      details: { resource: 'meeting', meetingId: id },
    });
    res.status(201).json({ id });
  });

  router.get('/:meetingId', validate('params', meetingParamsSchema), async (req, res) => {
    const { user, viewer, facts, point } = await openMeeting(s, req, res);
    const summary = (await store.summary(facts.meetingId))!;
    const agenda = [];
    for (const caseId of facts.agendaCaseIds) {
      const line = (await store.caseLine(caseId))!;
      const caseFacts = await s.access.facts(caseId);
      const grant = caseFacts ? caseGrant(viewer, caseFacts) : null;
      agenda.push({
        caseId,
        alias: caseAlias(line.clientName, line.birthYear),
        member: !!grant,
        clientName: grant ? line.clientName : null,
        access: grant?.access ?? null,
      });
    }
    const body: MeetingDetails = {
      ...summary,
      attendees: await store.attendees(facts.meetingId),
      chairUserId: await store.chairUserId(facts.chairId),
      agenda,
      iAmChair: facts.chairId === user.professionalId,
    };
    await s.audit.record({
      event: 'api-read',
      userId: user.id,
      role: user.role,
      ...point,
      // The agenda names each client (by name to members, by alias to the others).
      cases: facts.agendaCaseIds,
      details: { resource: 'meeting', meetingId: facts.meetingId },
    });
    res.json({ meeting: body });
  });

  router.put(
    '/:meetingId',
    validate('params', meetingParamsSchema),
    validate('body', meetingPlanSchema),
    async (req, res) => {
      const { user, facts, point } = await openMeeting(s, req, res, 'planned-chair');
      const body = req.body as MeetingPlanBody;
      await checkPeople(body);
      await store.update(facts.meetingId, {
        ...body,
        attendeeIds: body.attendeeIds.filter((id) => id !== body.chairId),
      });
      await s.audit.record({
        event: 'api-write',
        userId: user.id,
        role: user.role,
        ...point,
        details: { resource: 'meeting', meetingId: facts.meetingId },
      });
      // Someone who no longer attends loses the meeting's documents at once.
      await s.recheckConnections();
      res.json({ ok: true });
    },
  );

  meetingCaseRoutes(s, router);
  meetingCloseRoutes(s, router);
  return router;
}
