import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { AdminUser, Neighbourhood, Organisation, Team, TeamsAnswer } from '../../../shared/api.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { accessLogQuerySchema, professionalBodySchema, teamBodySchema, userParamsSchema } from './schema.js';
import type { AccessLogQuery, ProfessionalBody, TeamBody, UserParams } from './schema.js';

/** The functional administrator: teams, professionals with their accounts, and the access log. */
export function adminRouter(s: Services): Router {
  const router = Router();
  const admin = (res: Parameters<typeof requireUser>[0]) => requireUser(res, ['admin']);

  router.get('/teams', (_req, res) => {
    admin(res);
    const answer: TeamsAnswer = {
      teams: s.db
        .prepare<[], Team>(
          'SELECT id, name, kind, neighbourhood_id AS neighbourhoodId FROM teams ORDER BY name',
        )
        .all(),
      neighbourhoods: s.db
        .prepare<[], Neighbourhood>('SELECT id, name FROM neighbourhoods ORDER BY name')
        .all(),
      organisations: s.db
        .prepare<[], Organisation>('SELECT id, name, kind FROM organisations ORDER BY name')
        .all(),
    };
    res.json(answer);
  });

  router.post('/teams', validate('body', teamBodySchema), (req, res) => {
    admin(res);
    const team = req.body as TeamBody;
    if (!s.db.prepare('SELECT 1 FROM neighbourhoods WHERE id = ?').get(team.neighbourhoodId)) {
      throw new HttpError(400, `neighbourhoodId: no neighbourhood ${team.neighbourhoodId}`);
    }
    const id = `team-${randomUUID().slice(0, 8)}`;
    s.db
      .prepare('INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES (?, ?, ?, ?)')
      .run(id, team.name, team.kind, team.neighbourhoodId);
    res.status(201).json({ id });
  });

  router.get('/users', (_req, res) => {
    admin(res);
    const rows = s.db
      .prepare<[], Omit<AdminUser, 'isClient' | 'hasPassword'> & { isClient: number; hasPassword: number }>(
        `SELECT u.id, u.username, u.display_name AS displayName, u.role, u.professional_id AS professionalId,
        u.client_case_id IS NOT NULL AS isClient, u.password_hash IS NOT NULL AS hasPassword, u.disabled_at AS disabledAt
        FROM users u ORDER BY u.display_name`,
      )
      .all();
    const users: AdminUser[] = rows.map((u) => ({
      ...u,
      isClient: u.isClient === 1,
      hasPassword: u.hasPassword === 1,
    }));
    res.json({ users });
  });

  /** Creates a professional and their account; they set their password with the returned link. */
  router.post('/professionals', validate('body', professionalBodySchema), (req, res) => {
    const user = admin(res);
    const p = req.body as ProfessionalBody;
    const id = `prof-${randomUUID().slice(0, 8)}`;
    const { link, expiresAt } = s.db.transaction(() => {
      if (p.teamId && !s.db.prepare('SELECT 1 FROM teams WHERE id = ?').get(p.teamId))
        throw new HttpError(400, `teamId: no team ${p.teamId}`);
      if (
        p.organisationId &&
        !s.db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(p.organisationId)
      ) {
        throw new HttpError(400, `organisationId: no organisation ${p.organisationId}`);
      }
      s.db
        .prepare(
          `INSERT INTO professionals (id, name, role_title, domain, team_id, organisation_id, phone, email)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, p.name, p.roleTitle, p.domain, p.teamId, p.organisationId, p.phone, p.email);
      const userId = s.accounts.create({
        username: p.username,
        displayName: p.name,
        role: p.role,
        professionalId: id,
      });
      const invitation = s.accounts.invite(userId, user.id);
      return {
        link: `${s.config.publicUrl}/invitation/${invitation.token}`,
        expiresAt: invitation.expiresAt,
      };
    })();
    s.audit.record({
      event: 'account-created',
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details: { professionalId: id },
    });
    res.status(201).json({ id, link, expiresAt });
  });

  /**
   * Account recovery for a client (an invitation never touches an existing account): the old
   * password stops working, every session of the client ends (their open pages close within
   * seconds), and the admin gets one new one-time link to hand over; an earlier link stops working.
   */
  router.post('/users/:userId/recovery', validate('params', userParamsSchema), (req, res) => {
    const user = admin(res);
    const { userId } = req.params as UserParams;
    const client = s.db
      .prepare<[string], { role: string; clientCaseId: string | null }>(
        'SELECT role, client_case_id AS clientCaseId FROM users WHERE id = ?',
      )
      .get(userId);
    if (!client) throw new HttpError(404, `userId: no account ${userId}`);
    if (client.role !== 'client') throw new HttpError(400, 'userId: only a client account is recovered here');
    const { token, expiresAt } = s.accounts.recover(userId, user.id);
    s.sessions.endAllOf(userId);
    s.recheckConnections();
    s.audit.record({
      event: 'account-recovery',
      caseId: client.clientCaseId,
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details: { clientUserId: userId },
    });
    res.status(201).json({ link: `${s.config.publicUrl}/invitation/${token}`, expiresAt });
  });

  router.get('/access-log', validate('query', accessLogQuerySchema), (req, res) => {
    const user = admin(res);
    const q = res.locals.query as AccessLogQuery;
    const entries = s.audit.search(q);
    s.audit.record({
      event: 'search',
      userId: user.id,
      role: 'admin',
      authorization: 'admin',
      caseId: q.caseId ?? null,
      ...accessPoint(req),
      details: { resource: 'access-log', results: entries.length },
    });
    res.json({ entries });
  });
  return router;
}
