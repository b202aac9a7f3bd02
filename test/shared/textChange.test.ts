import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textChange, transformPosition } from '../../shared/textChange.js';

describe('turning an edited field into a text change', () => {
  it.each([
    ['typing at the end', 'Werk', 'Werk zoeken', { index: 4, remove: 0, insert: ' zoeken' }],
    ['typing in the middle', 'Werk zoeken', 'Werk gaan zoeken', { index: 5, remove: 0, insert: 'gaan ' }],
    ['deleting a word', 'Werk gaan zoeken', 'Werk zoeken', { index: 5, remove: 5, insert: '' }],
    ['replacing a selection', 'huur betalen', 'huur regelen', { index: 5, remove: 4, insert: 'rege' }],
    ['repeated letters', 'aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
    ['clearing the field', 'abc', '', { index: 0, remove: 3, insert: '' }],
  ])('%s', (_name, previous, next, expected) => {
    const change = textChange(previous, next);
    expect(change).toEqual(expected);
    const applied =
      previous.slice(0, change.index) + change.insert + previous.slice(change.index + change.remove);
    expect(applied).toBe(next);
  });
});

describe("keeping a person's cursor in place while someone else types", () => {
  /** Applies a remote edit and returns the delta the local field sees. */
  const remoteDelta = (initial: string, edit: (text: Y.Text) => void) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, initial);
    let delta: Y.YTextEvent['delta'] = [];
    text.observe((event) => {
      delta = event.delta;
    });
    edit(text);
    return delta;
  };

  it('moves the cursor right when text is inserted before it', () => {
    const delta = remoteDelta('Ik wil werken', (t) => t.insert(0, 'Ja, '));
    expect(transformPosition(7, delta)).toBe(11);
  });

  it('keeps the cursor when text is inserted after it', () => {
    const delta = remoteDelta('Ik wil werken', (t) => t.insert(13, '!'));
    expect(transformPosition(3, delta)).toBe(3);
  });

  it('keeps the cursor before text someone else inserts exactly at it, so words do not interleave', () => {
    const delta = remoteDelta('Ik wil ', (t) => t.insert(7, 'slapen'));
    expect(transformPosition(7, delta)).toBe(7);
  });

  it('pulls the cursor back when text before it is deleted', () => {
    const delta = remoteDelta('Ik wil graag werken', (t) => t.delete(7, 6));
    expect(transformPosition(15, delta)).toBe(9);
  });

  it('puts the cursor at the start of a deleted range it was inside', () => {
    const delta = remoteDelta('Ik wil graag werken', (t) => t.delete(7, 6));
    expect(transformPosition(9, delta)).toBe(7);
  });
});
