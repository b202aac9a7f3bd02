import type * as Y from 'yjs';
import { createGoal, goalText, goalsInCell, goalsOf, moveGoal, readBoard } from '../../shared/doc/board.js';
import { perspectiveText, setPerspectiveActive, setPerspectiveLead } from '../../shared/doc/perspectives.js';
import type { NewGoal } from '../../shared/doc/board.js';
import { lifeDomains, recoveryPhases } from '../../shared/domain.js';
import { seededRandom } from '../../server/demo/seededRandom.js';

/** A seeded integer below `n`, so both servers get the same sequence of edits. */
export function random(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  return (n: number) => Math.floor(next() * n);
}

const goals: Omit<NewGoal, 'id'>[] = [
  {
    title: 'Weer zelf boodschappen doen',
    clientWords: 'Ik wil zelf naar de winkel kunnen, zonder dat mijn dochter mee moet.',
    domain: 'care',
    phase: 'treatment',
    perspectives: ['patient'],
    steps: [{ text: 'Samen met de buurvrouw naar de supermarkt' }, { text: 'Boodschappenlijst oefenen' }],
  },
  {
    title: 'Schulden in kaart brengen',
    clientWords: 'De brieven stapelen zich op.',
    domain: 'income',
    phase: 'transition',
    perspectives: ['unemployed', 'low-literacy'],
    steps: [{ text: 'Post samen openen' }, { text: 'Afspraak schuldhulpverlening' }],
  },
  {
    title: 'Passende woning vinden',
    domain: 'housing',
    phase: 'rebuilding',
    status: 'active',
    steps: [{ text: 'Inschrijven woningnet' }],
  },
  {
    title: 'Vrijwilligerswerk bij de kringloop',
    clientWords: 'Iets doen met mijn handen.',
    domain: 'work',
    phase: 'rebuilding',
    perspectives: ['unemployed'],
  },
  {
    title: 'Medicatie zelf beheren',
    domain: 'care',
    phase: 'transition',
    perspectives: ['patient'],
    steps: [{ text: 'Weekdoos met de apotheek' }, { text: 'Herinnering op de telefoon', done: true }],
  },
  { title: 'Dagritme opbouwen', domain: 'care', phase: 'treatment', visibleToClient: true },
];

export const goalsPerBoard = goals.length;

/** Sets up a realistic board through the typed accessors (so it passes shape validation). */
export function seedBoard(doc: Y.Doc, board: number): void {
  setPerspectiveActive(doc, 'patient', true);
  setPerspectiveLead(doc, 'patient', 'prof-gp-1');
  perspectiveText(doc, 'patient', 'situation').insert(0, 'Herstelt van een beroerte, woont alleen.');
  setPerspectiveActive(doc, 'unemployed', true);
  perspectiveText(doc, 'unemployed', 'strengths').insert(0, 'Was twintig jaar timmerman.');
  goals.forEach((goal, n) =>
    createGoal(doc, { ...goal, id: `g${board}-${n}`, createdAt: '2026-01-05T09:00:00Z' }),
  );
}

const letters = 'abcdefghijklmnopqrstuvwxyz ';
/** Titles are kept around this length (typing past it also deletes a character). */
const titleLength = 60;

export type EditKind = 'type' | 'move';

/**
 * One user action on the board: typing a character into a goal's title (85 %) or moving a
 * goal to a random cell and position (15 %). Returns what was done.
 */
export function editBoard(doc: Y.Doc, pick: (n: number) => number): EditKind {
  const ids = [...goalsOf(doc).keys()].sort();
  const id = ids[pick(ids.length)]!;
  if (pick(100) < 85) {
    const title = goalText(doc, id, 'title');
    const char = letters[pick(letters.length)]!;
    doc.transact(() => {
      title.insert(pick(title.length + 1), char);
      if (title.length > titleLength) title.delete(pick(title.length), 1);
    });
    return 'type';
  }
  const domain = lifeDomains[pick(lifeDomains.length)]!;
  const phase = recoveryPhases[pick(recoveryPhases.length)]!;
  const cell = goalsInCell(readBoard(doc).goals, domain, phase);
  moveGoal(doc, id, { domain, phase, index: pick(cell.length + 1) });
  return 'move';
}
