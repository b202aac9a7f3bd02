import type { Db } from '../../server/db/database.js';
import { lastQuarters } from '../../server/collaborationHealth/aims.js';
import { statements } from '../../shared/collaborationHealthStatements.js';
import { lifeDomains } from '../../shared/domain.js';
import { generateCaseload } from './caseloadData.js';
import { seededRandom } from '../../server/demo/seededRandom.js';

/**
 * A generated district for the collaboration-health benchmark (SPEC CH4–CH7): the caseload
 * benchmark's clients, members and summary rows, and on top of them what the aims and the scan
 * results read: teams of both sides per neighbourhood, goals per life domain, referrals with their
 * moments, relapse versions, closed meetings with minutes, the clients' rating log over the last
 * four quarters and closed scan rounds with their answers. Written straight into SQL, as the
 * projections and the routes would have left them. Deterministic per seed.
 */
export interface HealthDataSpec {
  cases: number;
  neighbourhoods: number;
  coordinators: number;
  professionals: number;
  referrals: number;
  relapses: number;
  meetings: number;
  ratings: number;
  rounds: number;
  respondentsPerRound: number;
  seed: number;
}

/** Fisher–Yates with the seeded generator. */
function shuffled<T>(list: readonly T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const statuses = ['requested', 'accepted', 'in-progress', 'completed', 'rejected', 'cancelled'] as const;

/** Fills `db` (migrated, empty) and answers the district and the neighbourhood to time. */
export function generateHealthData(db: Db, spec: HealthDataSpec, now = new Date()) {
  generateCaseload(db, spec);
  const rnd = seededRandom(spec.seed + 1);
  const int = (n: number) => Math.floor(rnd() * n);
  const from = Date.parse(lastQuarters(now).from);
  const span = now.getTime() - from;
  /** A moment in the last four quarters. */
  const within = () => new Date(from + rnd() * span);
  const iso = (ms: number) => new Date(ms).toISOString();

  db.transaction(() => {
    // Two teams per neighbourhood, one per side; every professional works in their neighbourhood's.
    const team = db.prepare('INSERT INTO teams (id, name, kind, neighbourhood_id) VALUES (?, ?, ?, ?)');
    for (let n = 0; n < spec.neighbourhoods; n++) {
      team.run(`t-med-${n}`, `Eerstelijn ${n}`, 'primary-care', `n${n}`);
      team.run(`t-soc-${n}`, `Wijkteam ${n}`, 'neighbourhood-team', `n${n}`);
    }
    const people = db
      .prepare<[], { id: string; domain: string }>('SELECT id, domain FROM professionals')
      .all();
    const setTeam = db.prepare('UPDATE professionals SET team_id = ? WHERE id = ?');
    for (const [i, p] of people.entries())
      setTeam.run(`t-${p.domain === 'medical' ? 'med' : 'soc'}-${i % spec.neighbourhoods}`, p.id);
    const medical = people.filter((p) => p.domain === 'medical').map((p) => p.id);
    const social = people.filter((p) => p.domain === 'social').map((p) => p.id);
    const pickOf = (list: string[]) => list[int(list.length)]!;

    const goals = db.prepare('UPDATE case_summaries SET goals_by_domain = ? WHERE case_id = ?');
    for (let i = 0; i < spec.cases; i++) {
      const perDomain = Object.fromEntries(
        lifeDomains.map((d) => {
          const n = int(4);
          return [d, { goals: n, achieved: int(n + 1) }];
        }),
      );
      goals.run(JSON.stringify(perDomain), `case${i}`);
    }

    // The social map's services the referrals may name; a fifth are run by peers.
    db.prepare("INSERT INTO organisations (id, name, kind) VALUES ('o-bench', 'Bench', 'volunteer')").run();
    const service = db.prepare(`INSERT INTO social_services
      (id, district_id, organisation_id, name, description, for_whom, access, how_to_get_in, free,
       cost_description, opening_hours, opening_note, location, contact_name, contact_role, contact_phone,
       contact_email, peer_run, status, search_key, name_key, last_confirmed_at, updated_at)
      VALUES (?, 'd1', 'o-bench', ?, '', '', 'walk-in', '', 1, '', '[]', '', NULL, 'Bench', 'Bench',
        '010-1234567', 'bench@bench.example', ?, 'active', '', ?, ?, ?)`);
    const services = Array.from({ length: 40 }, (_, i) => `s${i}`);
    for (const [i, id] of services.entries())
      service.run(id, `Dienst ${i}`, i % 5 === 0 ? 1 : 0, `dienst ${i}`, iso(from), iso(from));

    const referral = db.prepare(`INSERT INTO referrals
      (id, case_id, from_professional_id, to_professional_id, service_id, reason, question, urgency,
       status, requested_at, accepted_at, first_contact_at, created_by)
      VALUES (?, ?, ?, ?, ?, 'Bench', 'Bench', ?, ?, ?, ?, ?, 'bench')`);
    for (let i = 0; i < spec.referrals; i++) {
      const toSocial = rnd() < 0.6;
      const requested = within().getTime();
      const status = statuses[int(statuses.length)]!;
      const accepted =
        status === 'requested' || status === 'rejected' ? null : requested + rnd() * 10 * dayMs;
      const contact = accepted !== null && status !== 'accepted' ? accepted + rnd() * 14 * dayMs : null;
      referral.run(
        `r${i}`,
        `case${int(spec.cases)}`,
        pickOf(toSocial ? medical : social),
        pickOf(toSocial ? social : medical),
        toSocial && rnd() < 0.5 ? pickOf(services) : null,
        pickOf(['routine', 'soon', 'urgent']),
        status,
        iso(requested),
        accepted === null ? null : iso(accepted),
        contact === null ? null : iso(contact),
      );
    }

    const version = db.prepare(`INSERT INTO board_versions (case_id, name, state, snapshot, created_at, kind)
      VALUES (?, 'Terugval', ?, ?, ?, 'relapse')`);
    const blob = Buffer.alloc(64);
    for (let i = 0; i < spec.relapses; i++)
      version.run(`case${int(spec.cases)}`, blob, blob, iso(within().getTime()));

    const meeting = db.prepare(`INSERT INTO meetings
      (id, neighbourhood_id, title, starts_at, chair_id, status, created_by, created_at, closed_at)
      VALUES (?, ?, 'Casusoverleg', ?, 'c0', 'closed', 'u-c0', ?, ?)`);
    const minutes = db.prepare(
      'INSERT INTO meeting_minutes (meeting_id, content, created_at) VALUES (?, ?, ?)',
    );
    for (let i = 0; i < spec.meetings; i++) {
      const starts = within().getTime();
      const closed = iso(starts + 2 * hourMs);
      meeting.run(`m${i}`, `n${i % spec.neighbourhoods}`, iso(starts), iso(starts), closed);
      const cases = Array.from({ length: 4 + int(7) }, () => ({
        alias: 'X.X.',
        usedMinutes: 5 + int(20),
        clientQuestions: Array.from({ length: int(3) }, () => ({
          text: 'Vraag',
          askedAt: iso(starts - dayMs),
          discussedBy: rnd() < 0.7 ? 'c0' : '',
        })),
      }));
      minutes.run(`m${i}`, JSON.stringify({ cases }), closed);
    }

    const rating = db.prepare(
      'INSERT INTO client_rating_log (id, case_id, domain, score, rated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < spec.ratings; i++)
      rating.run(
        `cr${i}`,
        `case${int(spec.cases)}`,
        lifeDomains[int(4)],
        1 + int(5),
        iso(within().getTime()),
      );

    // Closed district rounds, twice a year back from now, each answered by a different sample.
    const round = db.prepare(`INSERT INTO health_rounds
      (id, district_id, neighbourhood_id, title, opened_at, opened_by, closes_on, status, closed_at)
      VALUES (?, 'd1', NULL, ?, ?, 'bench', ?, 'closed', ?)`);
    const response = db.prepare(
      'INSERT INTO health_responses (round_id, professional_id, side, updated_at) VALUES (?, ?, ?, ?)',
    );
    const answer = db.prepare(
      'INSERT INTO health_answers (round_id, professional_id, statement_id, score) VALUES (?, ?, ?, ?)',
    );
    const comment = db.prepare(
      'INSERT INTO health_comments (round_id, professional_id, condition_id, text) VALUES (?, ?, ?, ?)',
    );
    for (let r = 0; r < spec.rounds; r++) {
      const closes = now.getTime() - (r * 182 + 20) * dayMs;
      const id = `round${r}`;
      round.run(id, `Scan ${r}`, iso(closes - 28 * dayMs), iso(closes).slice(0, 10), iso(closes + dayMs));
      const sample = shuffled(people, rnd).slice(0, spec.respondentsPerRound);
      for (const p of sample) {
        response.run(id, p.id, p.domain, iso(closes - rnd() * 28 * dayMs));
        for (const st of statements) answer.run(id, p.id, st.id, 1 + int(5));
        if (rnd() < 0.1)
          comment.run(id, p.id, statements[int(18)]!.group, 'Een opmerking over de samenwerking.');
      }
    }
  })();
  return { districtId: 'd1', neighbourhoodId: 'n3' };
}
