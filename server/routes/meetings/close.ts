import type { Request, Response, Router } from 'express';
import { defaultPerspectives } from '../../../shared/domain.js';
import type { PerspectiveId } from '../../../shared/domain.js';
import { attentionSpread } from '../../../shared/meetingAttention.js';
import type { AttentionAnswer } from '../../../shared/meetingApi.js';
import type { Viewer } from '../../../shared/permissions.js';
import { HttpError, validate } from '../../http/validate.js';
import { minutesFor, minutesMarkdown } from '../../meetings/minutes.js';
import type { Services } from '../../services/index.js';
import { openMeeting } from './openMeeting.js';
import { meetingParamsSchema, minutesExportQuerySchema } from './schema.js';
import type { MinutesExportQuery } from './schema.js';

/** Closing a meeting, its minutes (per reader: only cases they are a member of in full), attention. */
export function meetingCloseRoutes(s: Services, router: Router): void {
  const { service, actions } = s.meetings;
  const readable = (viewer: Viewer) => s.access.visibleCaseIds(viewer);

  router.post('/:meetingId/close', validate('params', meetingParamsSchema), async (req, res) => {
    const { user, viewer, facts, point } = await openMeeting(s, req, res, 'planned-chair');
    const minutes = await service.close(facts, { userId: user.id, role: user.role });
    if (!minutes) throw new HttpError(409, 'the meeting is closed');
    for (const caseId of facts.agendaCaseIds) {
      await s.audit.record({
        event: 'api-write',
        caseId,
        userId: user.id,
        role: user.role,
        authorization: 'meeting:chair',
        ...point,
        details: { resource: 'meeting-close', meetingId: facts.meetingId },
      });
    }
    // From now on the meeting's documents can only be read.
    await s.recheckConnections();
    res.json({ minutes: minutesFor(minutes, await readable(viewer)) });
  });

  const readMinutes = async (req: Request, res: Response, event: 'api-read' | 'export') => {
    const { user, viewer, facts, point } = await openMeeting(s, req, res);
    const stored = await service.minutes(facts.meetingId);
    if (!stored) throw new HttpError(409, 'meetingId: the meeting has no minutes until it is closed');
    const visible = await readable(viewer);
    const minutes = minutesFor(stored, visible);
    for (const c of minutes.cases.filter((c) => c.visible)) {
      await s.audit.record({
        event,
        caseId: c.caseId,
        userId: user.id,
        role: user.role,
        ...point,
        details: { resource: 'minutes', meetingId: facts.meetingId },
      });
    }
    return minutes;
  };

  router.get('/:meetingId/minutes', validate('params', meetingParamsSchema), async (req, res) => {
    res.json({ minutes: await readMinutes(req, res, 'api-read') });
  });

  router.get(
    '/:meetingId/minutes.md',
    validate('params', meetingParamsSchema),
    validate('query', minutesExportQuerySchema),
    async (req, res) => {
      const { tz } = res.locals.query as MinutesExportQuery;
      const minutes = await readMinutes(req, res, 'export');
      res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="verslag-${minutes.startsAt.slice(0, 10)}.md"`,
      );
      res.send(minutesMarkdown(minutes, tz));
    },
  );

  // How the meeting's time spread over the perspectives, over the cases this person may see.
  router.get('/:meetingId/attention', validate('params', meetingParamsSchema), async (req, res) => {
    const { viewer, facts } = await openMeeting(s, req, res);
    const visible = await readable(viewer);
    const times = await service.agendaTimes(facts.meetingId);
    const tags = await actions.tagsOf(facts.meetingId);
    const cases = facts.agendaCaseIds
      .filter((id) => visible.has(id))
      .map((id) => ({ usedMs: times.get(id) ?? 0, perspectives: (tags.get(id) ?? []) as PerspectiveId[] }));
    const { spread } = attentionSpread(cases, defaultPerspectives);
    const body: AttentionAnswer = { spread };
    res.json(body);
  });
}
