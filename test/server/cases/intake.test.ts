import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../shared/api.js';
import { readBoard } from '../../../shared/doc/board.js';
import type { IntakeRequest, PossibleDuplicateAnswer } from '../../../shared/intakeApi.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { addProfessional } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam } from '../../utils/caseTeam.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Intake (SPEC CL1–CL4): registering a client, the possible-duplicate warning, who may register. */
let server: TestServer;
let t: CaseTeam;
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterEach(async () => {
  await server.close();
});

const intake = (overrides: Partial<IntakeRequest> = {}): IntakeRequest => ({
  clientName: 'Fatma Yılmaz',
  dateOfBirth: '1961-04-12',
  neighbourhoodId: 'n1',
  address: 'Kerkstraat 1',
  phone: '06 1234 5678',
  preferredLanguage: 'tr',
  readingLevel: 'low',
  recoveryContext: 'stroke',
  perspectives: ['patient', 'low-literacy'],
  coordinatorId: t.coordinator.professionalId!,
  members: [
    { professionalId: t.gp.professionalId!, access: 'write' },
    { professionalId: t.pharmacist.professionalId!, access: 'read' },
  ],
  ...overrides,
});
const register = (who: { userId: string }, body: unknown) =>
  api(server, who.userId, 'POST', '/api/cases', body);
const caseCount = () => (server.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
const details = async (who: { userId: string }, id: string) =>
  ((await api(server, who.userId, 'GET', `/api/cases/${id}`)).body as { case: CaseDetails }).case;
const audit = (event: string) =>
  server.db.prepare('SELECT case_id AS caseId, details FROM access_log WHERE event = ?').all(event) as {
    caseId: string | null;
    details: string;
  }[];

describe('[CL1] registering a client', () => {
  it('stores the case with a random id, its members, and opens a board with the chosen perspectives', async () => {
    const answer = await register(t.socialWorker, intake());
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { id } = answer.body as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toMatch(/fatma|yilmaz/i);
    const c = await details(t.coordinator, id);
    expect(c.coordinator?.id).toBe(t.coordinator.professionalId);
    expect(c.members.map((m) => [m.id, m.access]).sort()).toEqual(
      [
        [t.coordinator.professionalId, 'write'],
        [t.gp.professionalId, 'write'],
        [t.pharmacist.professionalId, 'read'],
        // Who registered is on the case, so they can open the board they made.
        [t.socialWorker.professionalId, 'write'],
      ].sort(),
    );
    expect(c.client).toMatchObject({
      dateOfBirth: '1961-04-12',
      readingLevel: 'low',
      preferredLanguage: 'tr',
    });
    expect(c.events.map((e) => e.kind)).toEqual(['registered']);
    const board = await server.sync.registry.use(caseDocumentName(id), (doc) => readBoard(doc));
    expect(board.goals).toEqual([]);
    expect(
      board.perspectives
        .filter((p) => p.active)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['low-literacy', 'patient']);
    // The pharmacist (read-only) opens it too; the registration is logged with ids only.
    expect((await api(server, t.pharmacist.userId, 'GET', `/api/cases/${id}`)).status).toBe(200);
    const logged = audit('case-registered');
    expect(logged.map((e) => e.caseId)).toEqual([id]);
    expect(logged[0]!.details).not.toMatch(/Fatma|Kerkstraat|0612/);
  });

  it('two registrations of the same name get different ids', async () => {
    const a = (await register(t.socialWorker, intake({ dateOfBirth: '1970-01-01' }))).body as { id: string };
    const b = (await register(t.socialWorker, intake({ dateOfBirth: '1971-01-01' }))).body as { id: string };
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    ['clientName', { clientName: '  ' }],
    ['dateOfBirth', { dateOfBirth: '2999-01-01' }],
    ['dateOfBirth', { dateOfBirth: '12-04-1961' }],
    ['preferredLanguage', { preferredLanguage: 'Turks' }],
    ['readingLevel', { readingLevel: 'poor' }],
    ['recoveryContext', { recoveryContext: 'burnout' }],
    ['perspectives', { perspectives: ['patient', 'patient'] }],
    ['phone', { phone: 'bel me' }],
    ['bsn', { bsn: '123456789' }],
    ['neighbourhoodId', { neighbourhoodId: 'nowhere' }],
    ['coordinatorId', { coordinatorId: 'nobody' }],
    ['members.0.professionalId', { members: [{ professionalId: 'nobody', access: 'write' }] }],
    ['members.0.access', { members: [{ professionalId: 'x', access: 'admin' }] }],
  ])('bad input answers 400 naming %s, and stores nothing', async (field, overrides) => {
    const before = caseCount();
    const answer = await register(t.socialWorker, intake(overrides as Partial<IntakeRequest>));
    expect(answer.status).toBe(400);
    expect(
      (answer.body as { error: string }).error.startsWith(`${field}:`),
      JSON.stringify(answer.body),
    ).toBe(true);
    expect(caseCount()).toBe(before);
  });

  it('a coordinator whose account is disabled (a leaver) is refused by name', async () => {
    server.db
      .prepare("UPDATE users SET disabled_at = '2026-01-01' WHERE id = ?")
      .run(t.otherCoordinator.userId);
    const answer = await register(
      t.socialWorker,
      intake({ coordinatorId: t.otherCoordinator.professionalId! }),
    );
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(/^coordinatorId:/);
  });

  it('a neighbourhood of an archived district takes no new case (PP2)', async () => {
    server.db.prepare("UPDATE districts SET archived_at = '2026-01-01' WHERE id = 'd1'").run();
    const before = caseCount();
    const answer = await register(t.socialWorker, intake());
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(/^neighbourhoodId:/);
    expect(caseCount()).toBe(before);
  });
});

describe('[CL2] the BSN: optional, elfproef, only where the person may see it', () => {
  it('is stored as nine digits when given, shown to members, never in the case list or the log', async () => {
    const answer = await register(t.socialWorker, intake({ bsn: '1112.22.333' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { id } = answer.body as { id: string };
    // The board shows it masked; "Toon BSN" asks for it (CL9).
    const c = await details(t.gp, id);
    expect(c.client.hasBsn).toBe(true);
    expect(JSON.stringify(c)).not.toContain('111222333');
    const shown = await api(server, t.gp.userId, 'GET', `/api/cases/${id}/client/bsn`);
    expect(shown.body).toEqual({ bsn: '111222333' });
    const list = await api(server, t.gp.userId, 'GET', '/api/cases');
    expect(JSON.stringify(list.body)).not.toContain('111222333');
    const caseload = await api(server, t.gp.userId, 'GET', '/api/caseload');
    expect(JSON.stringify(caseload.body)).not.toContain('111222333');
    const log = server.db.prepare('SELECT details FROM access_log').all() as { details: string }[];
    expect(JSON.stringify(log)).not.toContain('111222333');
  });

  it('is not stored when left out', async () => {
    const { id } = (await register(t.socialWorker, intake())).body as { id: string };
    expect(server.db.prepare('SELECT bsn FROM cases WHERE id = ?').get(id)).toEqual({ bsn: null });
  });
});

describe('[CL3] possible duplicates name a contact, never the case', () => {
  const existing = async () => {
    const { id } = (await register(t.coordinator, intake())).body as { id: string };
    return id;
  };

  it('a second registration of the same name and date of birth is told who coordinates, and nothing is stored', async () => {
    const id = await existing();
    const before = caseCount();
    const answer = await register(
      t.otherCoordinator,
      intake({ clientName: 'fatma  YILMAZ', coordinatorId: t.otherCoordinator.professionalId!, members: [] }),
    );
    expect(answer.status).toBe(409);
    const body = answer.body as PossibleDuplicateAnswer;
    expect(body.code).toBe('possible-duplicate');
    expect(body.contacts.map((c) => c?.id)).toEqual([t.coordinator.professionalId]);
    expect(JSON.stringify(body)).not.toContain(id);
    expect(caseCount()).toBe(before);
    // No access follows from it.
    expect((await api(server, t.otherCoordinator.userId, 'GET', `/api/cases/${id}`)).status).toBe(404);
    expect(audit('possible-duplicate').map((e) => e.caseId)).toEqual([id]);
  });

  it('going on anyway registers a second case', async () => {
    await existing();
    const answer = await register(
      t.otherCoordinator,
      intake({
        coordinatorId: t.otherCoordinator.professionalId!,
        members: [],
        despitePossibleDuplicate: true,
      }),
    );
    expect(answer.status).toBe(201);
  });

  it('asking the coordinator to add me sends them a notice, and gives me no access', async () => {
    const id = await existing();
    const ask = await api(server, t.otherCoordinator.userId, 'POST', '/api/cases/access-requests', {
      clientName: 'Fatma Yılmaz',
      dateOfBirth: '1961-04-12',
      coordinatorId: t.coordinator.professionalId,
      message: 'Ik ben haar POH',
    });
    expect(ask.status).toBe(202);
    const notices = (await api(server, t.coordinator.userId, 'GET', '/api/notifications')).body as {
      notifications: { kind: string; caseId: string; from: { id: string } | null; note: string }[];
    };
    expect(notices.notifications).toMatchObject([
      {
        kind: 'access-request',
        caseId: id,
        from: { id: t.otherCoordinator.professionalId },
        note: 'Ik ben haar POH',
      },
    ]);
    expect((await api(server, t.otherCoordinator.userId, 'GET', `/api/cases/${id}`)).status).toBe(404);
    expect(audit('access-requested').map((e) => e.caseId)).toEqual([id]);
  });

  it('attack: the duplicate path never makes the registrant a member of the existing case', async () => {
    const id = await existing();
    const membersBefore = server.db.prepare('SELECT * FROM case_members WHERE case_id = ?').all(id);
    // A request naming someone who does not coordinate it, or themselves, notifies nobody.
    for (const coordinatorId of [t.otherCoordinator.professionalId!, t.gp.professionalId!]) {
      const ask = await api(server, t.otherCoordinator.userId, 'POST', '/api/cases/access-requests', {
        clientName: 'Fatma Yılmaz',
        dateOfBirth: '1961-04-12',
        coordinatorId,
      });
      expect(ask.status).toBe(202);
    }
    expect(audit('access-requested')).toEqual([]);
    // Registering "anyway" with the existing case's members does not touch that case.
    await register(
      t.otherCoordinator,
      intake({
        coordinatorId: t.otherCoordinator.professionalId!,
        members: [],
        despitePossibleDuplicate: true,
      }),
    );
    expect(server.db.prepare('SELECT * FROM case_members WHERE case_id = ?').all(id)).toEqual(membersBefore);
    expect((await api(server, t.otherCoordinator.userId, 'GET', `/api/cases/${id}`)).status).toBe(404);
  });
});

describe('[CL4] who may register', () => {
  it('attack: a client, an admin and a professional without a team are refused, and nothing is stored', async () => {
    const loner = addProfessional(server, { name: 'Zonder team' });
    const before = caseCount();
    expect((await register(t.client, intake())).status).toBe(403);
    expect((await register(t.admin, intake())).status).toBe(403);
    expect((await register(loner, intake())).status).toBe(403);
    expect((await api(server, null, 'POST', '/api/cases', intake())).status).toBe(401);
    expect(caseCount()).toBe(before);
    const options = await api(server, loner.userId, 'GET', '/api/cases/intake');
    expect((options.body as { mayRegister: boolean }).mayRegister).toBe(false);
  });

  it('the intake page is offered neighbourhoods and professionals, without leavers', async () => {
    server.db.prepare("UPDATE users SET disabled_at = '2026-01-01' WHERE id = ?").run(t.bystander.userId);
    const options = (await api(server, t.socialWorker.userId, 'GET', '/api/cases/intake')).body as {
      mayRegister: boolean;
      neighbourhoods: { id: string }[];
      professionals: { id: string }[];
    };
    expect(options.mayRegister).toBe(true);
    expect(options.neighbourhoods.map((n) => n.id)).toContain('n1');
    const ids = options.professionals.map((p) => p.id);
    expect(ids).toContain(t.gp.professionalId);
    expect(ids).not.toContain(t.bystander.professionalId);
  });
});
