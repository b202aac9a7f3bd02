/**
 * The statements of the collaboration-health scan (SPEC CH1): the nine conditions under which the
 * medical and the social side usually work well together (Schrijvers 2016), each asked as a few
 * statements on a 5-point scale, and a short job-satisfaction pulse (aim 5).
 */
export const conditionIds = [
  'urgency',
  'ambition',
  'population',
  'independence',
  'building',
  'knowingOffers',
  'respect',
  'earlyRecovery',
  'peerTraining',
] as const;
export type ConditionId = (typeof conditionIds)[number];
/** The pulse is asked like a condition, but it measures aim 5 (job satisfaction). */
export type StatementGroup = ConditionId | 'pulse';

export interface Statement {
  id: string;
  group: StatementGroup;
  nl: string;
  en: string;
}

const s = (group: StatementGroup, n: number, nl: string, en: string): Statement => ({
  id: `${group}.${n}`,
  group,
  nl,
  en,
});

/** The statements in their fixed order, in plain Dutch ("je") and English. */
export const statements: readonly Statement[] = [
  s(
    'urgency',
    1,
    'Ik vind samenwerken met de andere kant echt nodig.',
    'I find working with the other side truly necessary.',
  ),
  s(
    'urgency',
    2,
    'Onze leidinggevenden en de gemeente vinden het ook dringend.',
    'Our managers and the municipality find it urgent too.',
  ),
  s('ambition', 1, 'We hebben samen een doel voor de wijk.', 'We share a goal for the neighbourhood.'),
  s(
    'ambition',
    2,
    'Beide teams geven dezelfde dingen voorrang.',
    'Both teams give priority to the same things.',
  ),
  s('population', 1, 'We werken voor dezelfde bewoners.', 'We work for the same residents.'),
  s(
    'population',
    2,
    'Ik weet welke van mijn cliënten ook bij de andere kant zijn.',
    'I know which of my clients the other side also sees.',
  ),
  s(
    'independence',
    1,
    'Ons team kan zelf beslissen, los van de gemeente.',
    'Our team can decide for itself, apart from the municipality.',
  ),
  s(
    'independence',
    2,
    'Cliënten zien ons niet als loket van de gemeente.',
    'Clients do not see us as a municipal office.',
  ),
  s(
    'building',
    1,
    'Ik werk in hetzelfde gebouw als de andere kant.',
    'I work in the same building as the other side.',
  ),
  s(
    'building',
    2,
    'Ik loop makkelijk even binnen bij een collega van de andere kant.',
    'I easily drop in on a colleague of the other side.',
  ),
  s(
    'knowingOffers',
    1,
    'Ik weet wat andere diensten en vrijwilligers bieden.',
    'I know what other services and volunteers offer.',
  ),
  s(
    'knowingOffers',
    2,
    'Ik vind snel de juiste persoon om naar te verwijzen.',
    'I quickly find the right person to refer to.',
  ),
  s(
    'respect',
    1,
    'Ik begrijp hoe de andere kant naar een cliënt kijkt.',
    'I understand how the other side looks at a client.',
  ),
  s(
    'respect',
    2,
    'De andere kant neemt mijn manier van werken serieus.',
    'The other side takes my way of working seriously.',
  ),
  s(
    'earlyRecovery',
    1,
    'Werk, geld en wonen komen al tijdens de behandeling aan bod.',
    'Work, money and housing come up during treatment already.',
  ),
  s(
    'earlyRecovery',
    2,
    'We plannen herstel samen, niet pas na de behandeling.',
    'We plan recovery together, not only after treatment.',
  ),
  s(
    'peerTraining',
    1,
    'Ik verwijs naar ervaringsdeskundigen voor hersteltraining.',
    'I refer to peer experts for recovery training.',
  ),
  s(
    'peerTraining',
    2,
    'Ervaringsdeskundigen horen bij ons netwerk.',
    'Peer experts are part of our network.',
  ),
  s('pulse', 1, 'Ik heb plezier in mijn werk.', 'I enjoy my work.'),
  s(
    'pulse',
    2,
    'De samenwerking met de andere kant geeft me energie.',
    'Working with the other side gives me energy.',
  ),
  s('pulse', 3, 'Ik heb genoeg tijd voor mijn cliënten.', 'I have enough time for my clients.'),
];
export const statementIds = statements.map((st) => st.id);
