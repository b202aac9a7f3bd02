import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnSystem } from '../../../server/fhir/people.js';
import { demoCaseId } from '../../utils/demo.js';
import { api } from '../../utils/http.js';
import { fhirErrors } from '../../utils/fhirValidation.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Every demo case as a FHIR R4 bundle (SPEC FH1–FH4), held to both validators, and who may
 * download it: the case's people and the client, never someone else, each download logged.
 */
type Bundle = {
  resourceType: string;
  entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string } }[];
};
let server: TestServer;
let caseIds: string[];
beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  caseIds = (server.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );
  // The demo has no referral yet: Nadia refers Ahmet to the GP Marieke, as the board does.
  const userOf = (username: string) =>
    server.db
      .prepare('SELECT id, professional_id AS professionalId FROM users WHERE username = ?')
      .get(username) as { id: string; professionalId: string };
  const ahmet = demoCaseId(server, 'Ahmet Yılmaz');
  const made = await api(server, userOf('nadia').id, 'POST', `/api/cases/${ahmet}/referrals`, {
    toProfessionalId: userOf('marieke').professionalId,
    reason: 'Hij wil weer werken',
    question: 'Wat kan hij na de beroerte aan?',
    urgency: 'soon',
  });
  if (made.status !== 201) throw new Error(`referral: ${made.status} ${JSON.stringify(made.body)}`);
});
afterAll(async () => {
  await server?.close();
});

const of = (bundle: Bundle, type: string) =>
  bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource);
const build = async (caseId: string, withBsn = true) =>
  (await server.services.fhir.build(caseId, { withBsn }))! as unknown as Bundle;

describe('[FH1] [FH2] every demo case exports as a valid FHIR R4 collection bundle', () => {
  it('passes @medplum/core and the official R4 JSON Schema, case by case', async () => {
    expect(caseIds.length).toBeGreaterThan(3);
    for (const caseId of caseIds) expect([caseId, fhirErrors(await build(caseId))]).toEqual([caseId, []]);
  });

  it('every reference inside the bundle points at an entry of it', async () => {
    for (const caseId of caseIds) {
      const bundle = await build(caseId);
      const urls = new Set(bundle.entry.map((e) => e.fullUrl));
      const references = [...JSON.stringify(bundle).matchAll(/"reference":"(urn:uuid:[^"]+)"/g)].map(
        (m) => m[1],
      );
      for (const reference of references) expect([caseId, urls.has(reference!)]).toEqual([caseId, true]);
    }
  });

  it('holds the board, the team with its coordinator, the signal plan and the consents', async () => {
    const richest = (
      await Promise.all(
        caseIds.map(async (id) => ({ id, details: (await server.services.cases.getCase(id))! })),
      )
    ).sort((a, b) => b.details.members.length - a.details.members.length)[0]!;
    const bundle = await build(richest.id);
    const goals = of(bundle, 'Goal');
    const board = server.db
      .prepare('SELECT open_goals AS openGoals FROM case_summaries WHERE case_id = ?')
      .get(richest.id) as { openGoals: number } | undefined;
    expect(goals.length).toBeGreaterThanOrEqual(board?.openGoals ?? 1);
    expect(of(bundle, 'CarePlan')).toHaveLength(1);
    expect((of(bundle, 'CarePlan')[0]!.goal as unknown[]).length).toBe(goals.length);
    const team = of(bundle, 'CareTeam')[0]!;
    const participants = team.participant as {
      role: { coding: { code: string }[] }[];
      member: { display: string };
    }[];
    expect(participants).toHaveLength(richest.details.members.length);
    const coordinators = participants.filter((p) => p.role[0]!.coding[0]!.code === 'coordinator');
    expect(coordinators.map((p) => p.member.display)).toEqual(
      richest.details.coordinator ? [richest.details.coordinator.name] : [],
    );
    expect(of(bundle, 'PractitionerRole')).toHaveLength(richest.details.members.length);
    expect(of(bundle, 'RiskAssessment')).toHaveLength(1);
    expect(of(bundle, 'Patient')[0]!.name).toEqual([{ text: richest.details.clientName }]);
  });

  it('every referral is a ServiceRequest with its Task, every meeting action a Task', async () => {
    const count = (sql: string, caseId: string) => (server.db.prepare(sql).get(caseId) as { n: number }).n;
    let referrals = 0;
    let actions = 0;
    for (const caseId of caseIds) {
      const bundle = await build(caseId);
      const expected = {
        referrals: count('SELECT COUNT(*) AS n FROM referrals WHERE case_id = ?', caseId),
        actions: count('SELECT COUNT(*) AS n FROM meeting_actions WHERE case_id = ?', caseId),
      };
      const tasks = of(bundle, 'Task');
      expect([caseId, of(bundle, 'ServiceRequest').length]).toEqual([caseId, expected.referrals]);
      expect([caseId, tasks.filter((t) => (t.basedOn as unknown[] | undefined)?.length).length]).toEqual([
        caseId,
        expected.referrals,
      ]);
      expect([caseId, tasks.filter((t) => (t.code as { text?: string } | undefined)?.text).length]).toEqual([
        caseId,
        expected.actions,
      ]);
      referrals += expected.referrals;
      actions += expected.actions;
    }
    // The demo has both, so the mapping above was exercised.
    expect(referrals).toBeGreaterThan(0);
    expect(actions).toBeGreaterThan(0);
  });

  it('names the BSN only when the reader may see it', async () => {
    const withBsn = caseIds[0]!;
    server.db.prepare("UPDATE cases SET bsn = '111222333' WHERE id = ?").run(withBsn);
    const identifiers = async (allowed: boolean) =>
      (of(await build(withBsn, allowed), 'Patient')[0]!.identifier as { system: string }[]).map(
        (i) => i.system,
      );
    expect(await identifiers(true)).toContain(bsnSystem);
    expect(await identifiers(false)).not.toContain(bsnSystem);
  });
});

describe('[FH1] [FH4] who downloads a case as FHIR', () => {
  const memberOf = (caseId: string) =>
    (
      server.db
        .prepare(
          `SELECT u.id FROM users u JOIN case_members m ON m.professional_id = u.professional_id
           WHERE m.case_id = ? LIMIT 1`,
        )
        .get(caseId) as { id: string }
    ).id;
  const clientCase = () =>
    server.db
      .prepare("SELECT id, client_case_id AS caseId FROM users WHERE role = 'client' LIMIT 1")
      .get() as {
      id: string;
      caseId: string;
    };
  const exports = async (caseId: string) =>
    (await server.services.audit.search({ caseId, event: 'export', limit: 1000 })).filter(
      (e) => (e.details as { resource?: string } | null)?.resource === 'fhir',
    ).length;

  it('a member gets the bundle as application/fhir+json, named after no one, and it is logged', async () => {
    const caseId = clientCase().caseId;
    const before = await exports(caseId);
    const answer = await api(server, memberOf(caseId), 'GET', `/api/cases/${caseId}/fhir`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="clientplan-\d{4}-\d\d-\d\d\.fhir\.json"$/,
    );
    expect(fhirErrors(answer.body as Bundle)).toEqual([]);
    expect(await exports(caseId)).toBe(before + 1);
  });

  it('the client downloads their own plan; someone of another case gets nothing', async () => {
    const client = clientCase();
    const own = await api(server, client.id, 'GET', '/api/my/fhir');
    expect(own.status).toBe(200);
    const patient = of(own.body as Bundle, 'Patient')[0]!;
    expect((patient.identifier as { value: string }[])[0]!.value).toBe(client.caseId);
    const other = caseIds.find((id) => id !== client.caseId && memberOf(id) !== memberOf(client.caseId));
    const outsider = server.db
      .prepare(
        `SELECT u.id FROM users u WHERE u.professional_id IS NOT NULL AND u.role <> 'admin' AND NOT EXISTS
           (SELECT 1 FROM case_members m WHERE m.case_id = ? AND m.professional_id = u.professional_id)
           AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = ? AND c.coordinator_id = u.professional_id) LIMIT 1`,
      )
      .get(client.caseId, client.caseId) as { id: string };
    expect((await api(server, outsider.id, 'GET', `/api/cases/${client.caseId}/fhir`)).status).toBe(404);
    expect((await api(server, client.id, 'GET', `/api/cases/${other}/fhir`)).status).toBe(403);
  });
});

describe('[FH3] our code systems at their canonical URLs', () => {
  it('serves each code system, value set and extension a bundle uses, valid, for anyone', async () => {
    const bundle = JSON.stringify(await build(caseIds[0]!));
    const systems = new Set(
      [...bundle.matchAll(/"system":"(https?:\/\/[^"]+\/api\/fhir\/CodeSystem\/[^"]+)"/g)].map((m) => m[1]!),
    );
    expect(systems.size).toBeGreaterThan(2);
    for (const url of systems) {
      const path = new URL(url).pathname;
      const answer = await api(server, null, 'GET', path);
      expect([path, answer.status]).toEqual([path, 200]);
      expect(fhirErrors(answer.body as Bundle)).toEqual([]);
      expect((answer.body as { url: string }).url).toBe(url);
      const valueSet = await api(server, null, 'GET', path.replace('CodeSystem', 'ValueSet'));
      expect(fhirErrors(valueSet.body as Bundle)).toEqual([]);
    }
    const extensions = new Set(
      [...bundle.matchAll(/"url":"(https?:\/\/[^"]+\/api\/fhir\/StructureDefinition\/[^"]+)"/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(extensions.size).toBe(3);
    for (const url of extensions) {
      const answer = await api(server, null, 'GET', new URL(url).pathname);
      expect([url, answer.status, fhirErrors(answer.body as Bundle)]).toEqual([url, 200, []]);
      expect((answer.body as { url: string }).url).toBe(url);
    }
    const unknown = await api(server, null, 'GET', '/api/fhir/CodeSystem/shoe-size');
    expect(unknown.status).toBe(404);
  });
});
