import { describe, expect, it } from 'vitest';
import {
  actionKey,
  actionPath,
  isOverdue,
  splitActions,
  unsettled,
  withPending,
} from '../../../client/src/actions/actionList.js';
import type { ActionRow } from '../../../shared/meetingApi.js';

const action = (overrides: Partial<ActionRow>): ActionRow => ({
  meetingId: 'm1',
  meetingTitle: 'Casusoverleg Molenwijk',
  meetingStartsAt: '2026-03-02T13:00:00+01:00',
  caseId: 'case-1',
  caseLabel: 'Ahmet Yılmaz',
  actionId: 'a1',
  text: 'Werkgever bellen',
  ownerId: 'p1',
  ownerName: 'Youssef el Amrani',
  dueDate: '2026-03-10',
  done: false,
  goalId: null,
  stepId: null,
  ...overrides,
});

describe('which actions are flagged overdue', () => {
  it.each([
    ['due yesterday, open', '2026-03-09', false, true],
    ['due today, open', '2026-03-10', false, false],
    ['due tomorrow, open', '2026-03-11', false, false],
    ['due yesterday, but done', '2026-03-09', true, false],
  ])('%s', (_, dueDate, done, overdue) => {
    expect(isOverdue({ dueDate, done }, '2026-03-10')).toBe(overdue);
  });
});

describe('my actions in two lists', () => {
  it('open ones first by due date, done ones apart with the latest due first', () => {
    const rows = [
      action({ actionId: 'late-done', dueDate: '2026-04-01', done: true }),
      action({ actionId: 'later', dueDate: '2026-03-20' }),
      action({ actionId: 'early-done', dueDate: '2026-03-01', done: true }),
      action({ actionId: 'sooner', dueDate: '2026-03-05' }),
    ];
    const { open, done } = splitActions(rows);
    expect(open.map((a) => a.actionId)).toEqual(['sooner', 'later']);
    expect(done.map((a) => a.actionId)).toEqual(['late-done', 'early-done']);
  });

  it('actions due the same day follow the order of their meetings', () => {
    const { open } = splitActions([
      action({ actionId: 'second', meetingStartsAt: '2026-03-03T09:00:00+01:00' }),
      action({ actionId: 'first', meetingStartsAt: '2026-03-01T09:00:00+01:00' }),
    ]);
    expect(open.map((a) => a.actionId)).toEqual(['first', 'second']);
  });
});

describe('the address that marks an action done', () => {
  it('names meeting, case and action, each escaped', () => {
    expect(actionPath(action({ caseId: 'case 1', actionId: 'a/1' }))).toBe('/api/actions/m1/case%201/a%2F1');
  });
});

describe('a tick shows at once and stays until the server’s list shows it', () => {
  const late = action({ actionId: 'late' });
  const other = action({ actionId: 'other', done: true });
  const ticked = new Map([[actionKey(late), true]]);

  it('the list shows the pending tick over what the server sent, and leaves the rest as they are', () => {
    const shown = withPending([late, other], ticked);
    expect(shown.map((a) => a.done)).toEqual([true, true]);
    expect(shown[1]).toBe(other);
    expect(withPending([late], new Map())[0]).toBe(late);
  });

  it.each([
    ['the server still sends the old state: the tick stays', [late, other], [actionKey(late)]],
    ['the server sends it done: settled', [{ ...late, done: true }, other], []],
    ['the action left the list (the board lists open ones only): settled', [other], []],
  ])('%s', (_, served, left) => {
    expect([...unsettled(ticked, served).keys()]).toEqual(left);
  });

  it('keeps the same map when nothing settled, so the page does not render again for nothing', () => {
    expect(unsettled(ticked, [late])).toBe(ticked);
  });
});
