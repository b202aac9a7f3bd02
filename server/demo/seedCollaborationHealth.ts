import { randomUUID } from 'node:crypto';
import type { Side } from '../../shared/collaborationHealth.js';
import { statements, type StatementGroup } from '../../shared/collaborationHealthStatements.js';
import { healthDb } from '../collaborationHealth/tables.js';
import type { Executor } from '../storage/data.js';
import type { DemoData } from './types.js';
import { seededRandom } from './seededRandom.js';

/**
 * How each side tends to score a condition (1–5) in the demo district. The sources name culture
 * and trust as the biggest barriers, so the sides differ most on respect (the social side feels
 * less heard) and on working from one building (the social team holds its hour in the health
 * centre, so it drops in more easily than the GPs do); elsewhere they lie close together.
 */
const leanings: Record<Side, Record<StatementGroup, number>> = {
  medical: {
    urgency: 4.1,
    ambition: 3.4,
    population: 3.7,
    independence: 3.0,
    building: 2.3,
    knowingOffers: 2.8,
    respect: 3.9,
    earlyRecovery: 2.8,
    peerTraining: 2.8,
    pulse: 3.5,
  },
  social: {
    urgency: 4.2,
    ambition: 3.5,
    population: 3.4,
    independence: 2.7,
    building: 3.6,
    knowingOffers: 3.5,
    respect: 2.6,
    earlyRecovery: 3.1,
    peerTraining: 3.1,
    pulse: 3.3,
  },
};

/** After the spring scan the district started a joint consultation hour: autumn is a little better there. */
const autumnShift: Partial<Record<StatementGroup, number>> = {
  building: 0.3,
  knowingOffers: 0.3,
  respect: 0.2,
  earlyRecovery: 0.2,
};

/** Comments as professionals write them, per condition; none names a person or a client. */
const demoComments: Record<'spring' | 'autumn', Partial<Record<StatementGroup, string[]>>> = {
  spring: {
    building: [
      'We zitten in verschillende gebouwen; even overleggen kost al snel een dag bellen en mailen.',
      'Een vaste werkplek in het gezondheidscentrum zou veel schelen.',
    ],
    respect: [
      'In het overleg wordt de medische kant vaak als eerste en als laatste gehoord.',
      'De huisarts verwacht soms dat het wijkteam binnen een week een woning regelt.',
    ],
    earlyRecovery: ['Schulden komen vaak pas ter sprake als de behandeling bijna klaar is.'],
    urgency: ['Iedereen zegt dat samenwerken belangrijk is, maar er komt geen tijd voor vrij.'],
  },
  autumn: {
    building: [
      'Sinds het wijkteam op dinsdag spreekuur houdt in het gezondheidscentrum loop ik makkelijker binnen.',
      'Het spreekuur helpt, maar de andere dagen zien we elkaar nog weinig.',
    ],
    respect: [
      'De andere kant denkt in diagnoses, wij in wat iemand zelf wil. Dat botst soms, maar we leren van elkaar.',
      'Ik merk dat mijn inbreng in het overleg nu vaker wordt meegenomen.',
    ],
    knowingOffers: [
      'De sociale kaart helpt, maar ik weet niet altijd welke vrijwilligersgroep nu plek heeft.',
    ],
    peerTraining: ['De herstelgroep van De Brug is een aanrader; cliënten praten daar vrijer dan bij ons.'],
  },
};

const dayMs = 86_400_000;
const isoDay = (from: Date, days: number) =>
  new Date(from.getTime() + days * dayMs).toISOString().slice(0, 10);

/** The last day `month`-`day` (1-based month, UTC) that lies before `today`. */
function lastBefore(today: Date, month: number, day: number): Date {
  const year = today.getUTCFullYear();
  const thisYear = new Date(Date.UTC(year, month - 1, day));
  return thisYear.getTime() < Date.UTC(year, today.getUTCMonth(), today.getUTCDate())
    ? thisYear
    : new Date(Date.UTC(year - 1, month - 1, day));
}

/** Dutch month names, for the open round's title. */
const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * The demo district's scan rounds (SPEC CH1–CH5), in the seed's transaction: last spring's and
 * last autumn's closed rounds, answered by most professionals of both sides (enough to show both
 * sides at the default minimum of 5), and an open round closing in three weeks that nobody has
 * answered yet, so a demo professional sees one waiting for them.
 */
export async function seedCollaborationHealth(trx: Executor, dataset: DemoData, today: Date): Promise<void> {
  const db = healthDb(trx);
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  const openedBy = admin?.id ?? 'demo';
  const springEnd = lastBefore(today, 4, 30);
  const autumnEnd = lastBefore(today, 10, 31);
  const closed = [
    { season: 'spring' as const, title: `Voorjaarsscan ${springEnd.getUTCFullYear()}`, end: springEnd },
    { season: 'autumn' as const, title: `Najaarsscan ${autumnEnd.getUTCFullYear()}`, end: autumnEnd },
  ];
  for (const [index, round] of closed.entries()) {
    const id = randomUUID();
    const opened = new Date(round.end.getTime() - 24 * dayMs + 8 * 3_600_000);
    await db
      .insertInto('health_rounds')
      .values({
        id,
        district_id: dataset.district.id,
        neighbourhood_id: null,
        title: round.title,
        opened_at: opened.toISOString(),
        opened_by: openedBy,
        closes_on: isoDay(round.end, 0),
        status: 'closed',
        closed_at: new Date(round.end.getTime() + dayMs + 9 * 3_600_000).toISOString(),
      })
      .execute();
    await seedAnswers(trx, id, dataset, round.season, opened, index + 1);
  }
  await db
    .insertInto('health_rounds')
    .values({
      id: randomUUID(),
      district_id: dataset.district.id,
      neighbourhood_id: null,
      title: `Scan ${months[today.getUTCMonth()]} ${today.getUTCFullYear()}`,
      opened_at: new Date(today.getTime() - 2 * dayMs).toISOString(),
      opened_by: openedBy,
      closes_on: isoDay(today, 21),
      status: 'open',
      closed_at: null,
    })
    .execute();
}

/** Most professionals answer a round (a different few skip each time), with a comment now and then. */
async function seedAnswers(
  trx: Executor,
  roundId: string,
  dataset: DemoData,
  season: 'spring' | 'autumn',
  opened: Date,
  seed: number,
): Promise<void> {
  const db = healthDb(trx);
  const random = seededRandom(seed * 7919);
  const skipEvery = season === 'spring' ? 6 : 8;
  const respondents = dataset.professionals.filter((_, i) => (i + seed) % skipEvery !== 0);
  const toComment = Object.entries(demoComments[season]).flatMap(([group, texts]) =>
    texts.map((text) => ({ group, text })),
  );
  for (const [i, p] of respondents.entries()) {
    const key = { round_id: roundId, professional_id: p.id };
    const answeredAt = new Date(opened.getTime() + ((i * 5) % 20) * dayMs + (i % 9) * 3_600_000);
    await db
      .insertInto('health_responses')
      .values({ ...key, side: p.domain, updated_at: answeredAt.toISOString() })
      .execute();
    // Each person leans a little more or less positive than their side as a whole.
    const personal = (random() - 0.5) * 0.8;
    await db
      .insertInto('health_answers')
      .values(
        statements.map((st) => {
          const base =
            leanings[p.domain][st.group] + (season === 'autumn' ? (autumnShift[st.group] ?? 0) : 0);
          const score = Math.round(base + personal + (random() - 0.5) * 1.8);
          return { ...key, statement_id: st.id, score: Math.min(5, Math.max(1, score)) };
        }),
      )
      .execute();
    // Every third respondent writes one of the round's comments, until they are all placed.
    const comment = i % 3 === 1 ? toComment[(i - 1) / 3] : undefined;
    if (comment)
      await db
        .insertInto('health_comments')
        .values({ ...key, condition_id: comment.group, text: comment.text })
        .execute();
  }
}
