import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientFile } from '../../../shared/rightsApi.js';
import { api } from '../../utils/http.js';
import { markers, startRetentionFixture } from '../retention/fixture.js';
import type { RetentionFixture } from '../retention/fixture.js';

let f: RetentionFixture;
beforeAll(async () => {
  f = await startRetentionFixture();
});
afterAll(async () => {
  await f?.server.close();
});

const exports = async () =>
  (await f.server.services.audit.search({ caseId: f.t.caseId, event: 'export', limit: 1000 })).sort(
    (a, b) => a.id - b.id,
  );

describe('[RT9][RT10] the client downloads everything stored about them', () => {
  let file: ClientFile;
  it('the JSON file comes as a download whose name names nobody', async () => {
    const answer = await api(f.server, f.t.client.userId, 'GET', '/api/my/file.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mijn-dossier-\d{4}-\d\d-\d\d\.json"$/,
    );
    file = answer.body as ClientFile;
    expect(file).toMatchObject({ format: 'veelzijdig/client-file', version: 1, madeBy: { role: 'client' } });
  });

  it('holds their details, goals, signal plan, observations, questions, both compartments, meetings and consents', () => {
    expect(file.client).toMatchObject({
      name: markers.name,
      birthYear: 1961,
      neighbourhood: 'Testbuurt',
      status: 'open',
    });
    expect(file.client.details).toMatchObject({
      address: markers.address,
      phone: markers.phone,
      bsn: markers.bsn,
    });
    expect(file.goals.map((g) => g.title)).toEqual([markers.goal]);
    expect(file.signalPlan.currentState).toBe('amber');
    expect(file.observations.map((o) => o.note)).toEqual([markers.observation]);
    expect(file.voice.questions.map((q) => q.text)).toEqual([markers.question]);
    expect(file.voice.ratings.housing).toMatchObject({ score: 2, sentence: markers.rating });
    expect(file.voice.ratingHistory).toEqual([
      { domain: 'housing', score: 2, ratedAt: file.voice.ratings.housing!.at },
    ]);
    expect(file.compartments).toEqual([
      expect.objectContaining({
        side: 'medical',
        included: true,
        notes: [expect.objectContaining({ text: markers.medicalNote, author: 'Huisarts' })],
      }),
      expect.objectContaining({
        side: 'social',
        included: true,
        notes: [expect.objectContaining({ text: markers.socialNote })],
      }),
    ]);
    expect(file.meetings).toEqual([
      expect.objectContaining({
        question: markers.question2,
        status: 'closed',
        decisions: [markers.meetingNote],
        actions: [expect.objectContaining({ text: markers.action, owner: 'Huisarts' })],
      }),
    ]);
    expect(file.consents).toEqual([
      expect.objectContaining({ compartment: 'medical', sharedWithDomain: 'social' }),
    ]);
    expect(file.referrals).toEqual([]);
    expect(file.coordinator?.name).toBe('Coördinator');
    expect(file.team.map((m) => m.name).sort()).toEqual([
      'Apotheker',
      'Coördinator',
      'Huisarts',
      'Schuldhulpverlener',
    ]);
    expect(file.versions.length).toBeGreaterThan(0);
    expect(file.accessLog.length).toBeGreaterThan(0);
  });

  it('the print page reads the same copy; each copy is an export in the access log, without client data', async () => {
    const answer = await api(f.server, f.t.client.userId, 'GET', '/api/my/file');
    expect(answer.status).toBe(200);
    expect((answer.body as { file: ClientFile }).file.goals).toEqual(file.goals);
    const logged = await exports();
    expect(logged.map((e) => [e.userId, e.authorization, e.details?.format])).toEqual([
      [f.t.client.userId, 'client-self', 'json'],
      [f.t.client.userId, 'client-self', 'print'],
    ]);
    for (const marker of Object.values(markers)) expect(JSON.stringify(logged)).not.toContain(marker);
    // The next copy shows the earlier ones in "who looked at my file".
    const next = (await api(f.server, f.t.client.userId, 'GET', '/api/my/file')).body as { file: ClientFile };
    expect(next.file.accessLog.filter((e) => e.event === 'export')).toHaveLength(2);
  });
});

describe('[RT10][RT11] the coordinator makes the copy on the client’s behalf; nobody else', () => {
  it('the coordinator gets the copy, without the compartment closed to them', async () => {
    const answer = await api(
      f.server,
      f.t.coordinator.userId,
      'GET',
      `/api/cases/${f.t.caseId}/client-file.json`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toContain('attachment; filename="clientdossier-');
    const file = answer.body as ClientFile;
    expect(file.madeBy).toEqual({ name: 'Coördinator', role: 'coordinator' });
    // The client's consent shares the medical notes with the social side, so the (social) coordinator sees them.
    expect(file.compartments.map((c) => [c.side, c.included])).toEqual([
      ['medical', true],
      ['social', true],
    ]);
    expect(file.client.details.bsn).toBe(markers.bsn);
    expect((await exports()).at(-1)).toMatchObject({
      userId: f.t.coordinator.userId,
      authorization: 'coordinator',
    });
  });

  it('without the consent the medical notes stay out, marked as left out', async () => {
    f.server.db
      .prepare("UPDATE consents SET withdrawn_at = '2026-01-01T00:00:00.000Z' WHERE case_id = ?")
      .run(f.t.caseId);
    const answer = await api(f.server, f.t.coordinator.userId, 'GET', `/api/cases/${f.t.caseId}/client-file`);
    const { file } = answer.body as { file: ClientFile };
    expect(file.compartments[0]).toEqual({ side: 'medical', included: false, notes: [] });
    expect(JSON.stringify(file)).not.toContain(markers.medicalNote);
  });

  it('a member who is not the coordinator, a client of another case and an admin are refused, and logged', async () => {
    const path = `/api/cases/${f.t.caseId}/client-file.json`;
    const before = (await exports()).length;
    expect((await api(f.server, f.t.gp.userId, 'GET', path)).status).toBe(403);
    expect((await api(f.server, f.t.socialWorker.userId, 'GET', path)).status).toBe(403);
    expect((await api(f.server, f.t.teamMate.userId, 'GET', path)).status).toBe(404);
    expect((await api(f.server, f.t.otherCoordinator.userId, 'GET', path)).status).toBe(404);
    expect((await api(f.server, f.t.otherClient.userId, 'GET', path)).status).toBe(403);
    expect((await api(f.server, f.t.admin.userId, 'GET', path)).status).toBe(403);
    expect((await api(f.server, f.t.admin.userId, 'GET', '/api/my/file.json')).status).toBe(403);
    expect((await api(f.server, f.t.coordinator.userId, 'GET', '/api/my/file.json')).status).toBe(403);
    expect(await exports()).toHaveLength(before);
    const refused = await f.server.services.audit.search({
      caseId: f.t.caseId,
      event: 'api-refused',
      limit: 1000,
    });
    expect(refused.map((e) => e.userId)).toEqual(
      expect.arrayContaining([f.t.gp.userId, f.t.teamMate.userId]),
    );
  });

  it("the other case's client gets their own file, never this one", async () => {
    const answer = await api(f.server, f.t.otherClient.userId, 'GET', '/api/my/file.json');
    const file = answer.body as ClientFile;
    expect(file.client.name).not.toBe(markers.name);
    expect(JSON.stringify(file)).not.toContain(markers.goal);
  });

  it('a closed case can still be copied, by the client and by its coordinator', async () => {
    await api(f.server, f.t.coordinator.userId, 'POST', `/api/cases/${f.t.caseId}/close`, {
      reason: 'moved-away',
      note: 'Verhuisd naar een andere stad',
    });
    expect(
      (await api(f.server, f.t.coordinator.userId, 'GET', `/api/cases/${f.t.caseId}/client-file`)).status,
    ).toBe(200);
    const own = await api(f.server, f.t.client.userId, 'GET', '/api/my/file');
    expect((own.body as { file: ClientFile }).file.client.status).toBe('closed');
  });
});
