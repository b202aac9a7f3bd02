import { describe, expect, it } from 'vitest';
import { boardChanges } from '../../shared/boardChanges.js';
import type { BoardMoment } from '../../shared/boardChanges.js';
import type { Goal } from '../../shared/doc/board.js';
import type { Observation } from '../../shared/doc/signalPlan.js';
import type { BoardChange } from '../../shared/meetingApi.js';
import { goalWith } from '../utils/boardData.js';

const goal = (overrides: Partial<Goal> = {}): Goal =>
  goalWith({ title: 'Weer naar de volkstuin', ...overrides });

const observation = (overrides: Partial<Observation> = {}): Observation => ({
  id: 'o1',
  at: '2026-03-01T10:00:00.000Z',
  authorId: 'p-anna',
  authorName: 'Anna',
  state: 'green',
  note: 'Gaat goed',
  relapse: false,
  moves: [],
  ...overrides,
});

const moment = (goals: Goal[] = [], observations: Observation[] = []): BoardMoment => ({
  goals,
  observations,
});

/** What the next meeting should hear about, [M2]: the kept version against the board now. */
describe('what changed since the last meeting [M2]', () => {
  const green = observation({ id: 'o1', state: 'green', at: '2026-03-01T10:00:00.000Z' });
  const cases: { name: string; before: BoardMoment; after: BoardMoment; changes: BoardChange[] }[] = [
    {
      name: 'a board that did not change has nothing to report',
      before: moment([goal()], [green]),
      after: moment([goal()], [green]),
      changes: [],
    },
    {
      name: 'a new goal is reported with its cell',
      before: moment(),
      after: moment([goal({ id: 'g2', title: 'Eigen kamer', domain: 'housing', phase: 'transition' })]),
      changes: [
        { kind: 'goal-added', goalId: 'g2', title: 'Eigen kamer', domain: 'housing', phase: 'transition' },
      ],
    },
    {
      name: 'a removed goal is reported by the title it had',
      before: moment([goal({ title: 'Schulden op orde' })]),
      after: moment(),
      changes: [{ kind: 'goal-removed', goalId: 'g1', title: 'Schulden op orde' }],
    },
    {
      name: 'a goal moved to another life domain is reported with where it came from',
      before: moment([goal({ domain: 'care' })]),
      after: moment([goal({ domain: 'work' })]),
      changes: [
        {
          kind: 'goal-moved',
          goalId: 'g1',
          title: 'Weer naar de volkstuin',
          from: { domain: 'care', phase: 'treatment' },
          to: { domain: 'work', phase: 'treatment' },
        },
      ],
    },
    {
      name: 'a goal moved to another recovery phase is reported as moved',
      before: moment([goal({ phase: 'treatment' })]),
      after: moment([goal({ phase: 'rebuilding' })]),
      changes: [
        {
          kind: 'goal-moved',
          goalId: 'g1',
          title: 'Weer naar de volkstuin',
          from: { domain: 'care', phase: 'treatment' },
          to: { domain: 'care', phase: 'rebuilding' },
        },
      ],
    },
    {
      name: 'a goal reordered within its cell is not a move',
      before: moment([goal({ order: 'a0' })]),
      after: moment([goal({ order: 'a5' })]),
      changes: [],
    },
    {
      name: 'a goal newly achieved is reported',
      before: moment([goal({ status: 'active' })]),
      after: moment([goal({ status: 'achieved' })]),
      changes: [{ kind: 'goal-achieved', goalId: 'g1', title: 'Weer naar de volkstuin' }],
    },
    {
      name: 'a goal newly stalled is reported',
      before: moment([goal({ status: 'open' })]),
      after: moment([goal({ status: 'stalled' })]),
      changes: [{ kind: 'goal-stalled', goalId: 'g1', title: 'Weer naar de volkstuin' }],
    },
    {
      name: 'a goal that was already achieved is not reported again',
      before: moment([goal({ status: 'achieved' })]),
      after: moment([goal({ status: 'achieved' })]),
      changes: [],
    },
    {
      name: 'other status changes (open to active) are not reported',
      before: moment([goal({ status: 'open' })]),
      after: moment([goal({ status: 'active' })]),
      changes: [],
    },
    {
      name: 'a goal moved and achieved at once reports the move, then the achievement',
      before: moment([goal({ phase: 'transition', status: 'active' })]),
      after: moment([goal({ phase: 'sustaining', status: 'achieved' })]),
      changes: [
        {
          kind: 'goal-moved',
          goalId: 'g1',
          title: 'Weer naar de volkstuin',
          from: { domain: 'care', phase: 'transition' },
          to: { domain: 'care', phase: 'sustaining' },
        },
        { kind: 'goal-achieved', goalId: 'g1', title: 'Weer naar de volkstuin' },
      ],
    },
    {
      name: 'a new observation in another state reports the new signal state and the observation',
      before: moment([], [green]),
      after: moment(
        [],
        [
          green,
          observation({ id: 'o2', state: 'amber', at: '2026-03-08T10:00:00.000Z', note: 'Slaapt slecht' }),
        ],
      ),
      changes: [
        { kind: 'signal-state', from: 'green', to: 'amber' },
        {
          kind: 'observation',
          at: '2026-03-08T10:00:00.000Z',
          state: 'amber',
          authorName: 'Anna',
          note: 'Slaapt slecht',
        },
      ],
    },
    {
      name: 'the first observation ever reports a signal state coming from none',
      before: moment(),
      after: moment([], [green]),
      changes: [
        { kind: 'signal-state', from: null, to: 'green' },
        { kind: 'observation', at: green.at, state: 'green', authorName: 'Anna', note: 'Gaat goed' },
      ],
    },
    {
      name: 'a new observation in the same state reports only the observation',
      before: moment([], [green]),
      after: moment(
        [],
        [green, observation({ id: 'o2', at: '2026-03-08T10:00:00.000Z', note: 'Nog steeds' })],
      ),
      changes: [
        {
          kind: 'observation',
          at: '2026-03-08T10:00:00.000Z',
          state: 'green',
          authorName: 'Anna',
          note: 'Nog steeds',
        },
      ],
    },
  ];

  for (const { name, before, after, changes } of cases) {
    it(name, () => {
      expect(boardChanges(before, after)).toEqual(changes);
    });
  }

  it('new observations are reported oldest first, and those the last meeting saw are not', () => {
    const seen = observation({ id: 'o1', at: '2026-03-01T10:00:00.000Z', note: 'gezien' });
    const timeline = [
      seen,
      observation({ id: 'o2', at: '2026-03-02T10:00:00.000Z', note: 'eerste' }),
      observation({ id: 'o3', at: '2026-03-03T10:00:00.000Z', note: 'tweede' }),
    ];
    const changes = boardChanges(moment([], [seen]), moment([], timeline));
    expect(changes.map((c) => (c.kind === 'observation' ? c.note : c.kind))).toEqual(['eerste', 'tweede']);
  });

  it('lists goal changes first (in the board order, removed ones after), then the signal state, then observations', () => {
    const before = moment(
      [goal({ id: 'stays', status: 'active' }), goal({ id: 'goes' })],
      [observation({ id: 'o1', state: 'green' })],
    );
    const after = moment(
      [goal({ id: 'new', order: 'a0' }), goal({ id: 'stays', order: 'a1', status: 'stalled' })],
      [
        observation({ id: 'o1', state: 'green' }),
        observation({ id: 'o2', state: 'red', at: '2026-03-05T10:00:00.000Z' }),
      ],
    );
    expect(boardChanges(before, after).map((c) => c.kind)).toEqual([
      'goal-added',
      'goal-stalled',
      'goal-removed',
      'signal-state',
      'observation',
    ]);
  });
});
