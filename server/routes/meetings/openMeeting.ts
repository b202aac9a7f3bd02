import type { Request, Response } from 'express';
import { mayChairMeeting, meetingCaseGrant, meetingGrant } from '../../../shared/meetingPermissions.js';
import { caseGrant } from '../../../shared/permissions.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import { viewerOf } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import type { MeetingCaseParams, MeetingParams } from './schema.js';

type Need = 'attend' | 'chair' | 'planned-chair';

/**
 * Resolves the meeting of the request and the person's place in it. Someone who does not attend
 * gets the same 404 as for a meeting that does not exist; every refusal is logged.
 */
export async function openMeeting(s: Services, req: Request, res: Response, need: Need = 'attend') {
  const user = requireUser(res, ['professional', 'coordinator']);
  const { meetingId } = req.params as MeetingParams;
  const facts = await s.meetings.store.facts(meetingId);
  const viewer = viewerOf(user);
  const grant = facts ? meetingGrant(viewer, facts) : null;
  const point = accessPoint(req);
  /** Logs the refusal; throw what it resolves to. */
  const refuse = async (status: number, message: string) => {
    await s.audit.record({
      event: 'api-refused',
      outcome: 'refused',
      userId: user.id,
      role: user.role,
      ...point,
      details: { route: `${req.method} ${req.baseUrl}${req.route?.path ?? ''}`, meetingId, need },
    });
    return new HttpError(status, message);
  };
  if (!facts || !grant) throw await refuse(404, `meetingId: no meeting ${meetingId} that you attend`);
  if (need !== 'attend' && !mayChairMeeting(viewer, facts))
    throw await refuse(403, 'only the chair may do this');
  if (need === 'planned-chair' && facts.status !== 'planned')
    throw await refuse(409, 'the meeting is closed');
  return { user, viewer, facts, grant, point, refuse };
}

/**
 * One case of the meeting: the person must attend and be a member of the case. An attendee who
 * is not sees the agenda line only, so here they get 404 like for a case not on the agenda.
 */
export async function openMeetingCase(
  s: Services,
  req: Request,
  res: Response,
  need: 'read' | 'write' = 'read',
) {
  const opened = await openMeeting(s, req, res);
  const { caseId } = req.params as MeetingCaseParams;
  const caseFacts = await s.access.facts(caseId);
  const grant = caseFacts ? meetingCaseGrant(opened.viewer, opened.facts, caseFacts) : null;
  if (!caseFacts || !grant)
    throw await opened.refuse(404, `caseId: no case ${caseId} on this agenda that you may open`);
  const onCase = caseGrant(opened.viewer, caseFacts)!;
  // A closed case is read-only for everyone (SPEC CL6).
  if (need === 'write' && caseFacts.status === 'closed')
    throw await opened.refuse(409, 'caseId: the case is closed');
  if (need === 'write' && onCase.access !== 'write')
    throw await opened.refuse(403, 'you may only read this case');
  return { ...opened, caseFacts, caseGrantOf: onCase, meetingCaseGrant: grant };
}
