import { localToday } from '../../shared/attention.js';
import { defaultPerspectives, lifeDomains, recoveryPhases } from '../../shared/domain.js';
import type { Db } from '../../server/db/database.js';
import { scoreWithValidity } from '../../server/caseload/riskScore.js';
import type { RiskSummary } from '../../server/caseload/riskScore.js';
import { foldName } from '../../shared/search.js';
import { seededRandom } from '../../server/demo/seededRandom.js';

/**
 * A generated municipality for the caseload benchmark: thousands of open cases with members and
 * summary rows of every kind (each state and none, perspectives, owners, due dates around today),
 * written straight into SQL as the projection would have left them (with the risk score and the
 * folded name the caseload sorts on). Deterministic per seed.
 */
export interface CaseloadDataSpec {
  cases: number;
  neighbourhoods: number;
  /** Each coordinates cases / coordinators cases. */
  coordinators: number;
  /** Other professionals, 2–4 of them members of each case. */
  professionals: number;
  seed: number;
}

export interface CaseloadData {
  /** A coordinator (with an account) and how many cases they see. */
  coordinator: { professionalId: string; userId: string; visible: number };
  /** A professional on every case (with an account), e.g. the district's pharmacist. */
  everywhere: { professionalId: string; userId: string; visible: number };
  /** A professional who owns work on many boards, for the owner filter. */
  owner: string;
  neighbourhood: string;
}

const firstNames = [
  'Jan',
  'Anna',
  'Mohamed',
  'Fatima',
  'Kees',
  'Özlem',
  'Piet',
  'Sanne',
  'Ahmet',
  'Ingrid',
  'Jorge',
  'Mariam',
];
const lastNames = [
  'de Vries',
  'Jansen',
  'Yılmaz',
  'Bakker',
  'El Amrani',
  'Visser',
  'Kowalski',
  'Pinas',
  'Smit',
  'Haile',
];

export function generateCaseload(db: Db, spec: CaseloadDataSpec): CaseloadData {
  const rnd = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = Date.now();
  const isoAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const dayFromToday = (days: number) => localToday(new Date(now + days * 86_400_000));
  const created = new Date(now).toISOString();

  db.transaction(() => {
    db.prepare("INSERT INTO districts (id, name) VALUES ('d1', 'Bench')").run();
    const neighbourhood = db.prepare(
      "INSERT INTO neighbourhoods (id, district_id, name) VALUES (?, 'd1', ?)",
    );
    for (let i = 0; i < spec.neighbourhoods; i++) neighbourhood.run(`n${i}`, `Buurt ${i}`);
    const professional = db.prepare(
      "INSERT INTO professionals (id, name, role_title, domain) VALUES (?, ?, 'Bench', ?)",
    );
    const user = db.prepare(
      'INSERT INTO users (id, username, display_name, role, professional_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < spec.coordinators; i++) {
      professional.run(`c${i}`, `Regievoerder ${i}`, 'social');
      user.run(`u-c${i}`, `c${i}`, `Regievoerder ${i}`, 'coordinator', `c${i}`, created);
    }
    for (let i = 0; i < spec.professionals; i++)
      professional.run(`p${i}`, `Professional ${i}`, i % 2 ? 'social' : 'medical');
    professional.run('everywhere', 'Wijkapotheker', 'medical');
    user.run('u-everywhere', 'everywhere', 'Wijkapotheker', 'professional', 'everywhere', created);

    const insertCase = db.prepare(`INSERT INTO cases
      (id, client_name, client_name_key, neighbourhood_id, coordinator_id, recovery_context, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const member = db.prepare(
      "INSERT OR IGNORE INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, 'bench', ?)",
    );
    const summary = db.prepare(`INSERT INTO case_summaries
      (case_id, signal_state, phase_by_domain, open_step_due_dates, stalled_goals, open_goals, owners, perspectives,
       escalations, has_signal_plan, last_observation_at, next_meeting_at, last_change_at, updated_at,
       risk_score, risk_valid_until)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`);
    for (let i = 0; i < spec.cases; i++) {
      const id = `case${i}`;
      const clientName = `${pick(firstNames)} ${pick(lastNames)} ${i}`;
      insertCase.run(
        id,
        clientName,
        foldName(clientName),
        `n${i % spec.neighbourhoods}`,
        `c${i % spec.coordinators}`,
        pick(['stroke', 'psychiatric', 'addiction'] as const),
        created,
      );
      const members = new Set<string>();
      while (members.size < 2 + Math.floor(rnd() * 3))
        members.add(`p${Math.floor(rnd() * spec.professionals)}`);
      if (i % 7 === 0) members.add('p0'); // p0 owns work on many boards
      for (const m of members) member.run(id, m, rnd() < 0.2 ? 'read' : 'write');
      member.run(id, 'everywhere', 'read');
      if (rnd() < 0.05) continue; // never opened since the summaries came: no row yet

      const r = rnd();
      const state = r < 0.1 ? null : r < 0.7 ? 'green' : r < 0.9 ? 'amber' : 'red';
      const phases = Object.fromEntries(
        lifeDomains.map((d) => [d, rnd() < 0.3 ? null : pick(recoveryPhases)]),
      );
      const dueDates = Array.from({ length: Math.floor(rnd() * 7) }, () =>
        dayFromToday(Math.floor(rnd() * 60) - 30),
      ).sort();
      const owners = [...members].filter(() => rnd() < 0.6).sort();
      const perspectives = defaultPerspectives.filter(() => rnd() < 0.3);
      const escalations = state === 'amber' || state === 'red' ? [isoAgo(Math.floor(rnd() * 60))] : [];
      // Drawn in this order, so every run (and every version of this file) makes the same data.
      const stalledGoals = rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0;
      const openGoals = 1 + Math.floor(rnd() * 8);
      const row: RiskSummary = {
        signalState: state,
        openStepDueDates: JSON.stringify(dueDates),
        escalations: JSON.stringify(escalations),
        stalledGoals,
        hasSignalPlan: rnd() < 0.8 ? 1 : 0,
        lastObservationAt: state === null ? null : isoAgo(Math.floor(rnd() * 45)),
      };
      const risk = scoreWithValidity(row, new Date(now));
      summary.run(
        id,
        state,
        JSON.stringify(phases),
        row.openStepDueDates,
        row.stalledGoals,
        openGoals,
        JSON.stringify(owners),
        JSON.stringify(perspectives),
        row.escalations,
        row.hasSignalPlan,
        row.lastObservationAt,
        isoAgo(rnd() * 20),
        created,
        risk.score,
        risk.validUntil,
      );
    }
  })();

  const visible = (professionalId: string) =>
    db
      .prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM cases c WHERE c.coordinator_id = ?
         OR c.id IN (SELECT case_id FROM case_members WHERE professional_id = ?)`,
      )
      .get(professionalId, professionalId)!.n;
  return {
    coordinator: { professionalId: 'c0', userId: 'u-c0', visible: visible('c0') },
    everywhere: { professionalId: 'everywhere', userId: 'u-everywhere', visible: visible('everywhere') },
    owner: 'p0',
    neighbourhood: 'n5',
  };
}
