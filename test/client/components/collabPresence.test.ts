import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { shareCaret } from '../../../client/src/components/collabPresence.js';

describe('sharing a caret in a shared text', () => {
  it('sends a caret only when it moved, not when others type before it', () => {
    const doc = new Y.Doc();
    const text = doc.getText('notes');
    text.insert(0, 'Slaapt beter.');
    const awareness = new Awareness(doc);
    let sent = 0;
    awareness.on('update', () => sent++);

    shareCaret(awareness, text, 7);
    expect(sent).toBe(1);
    shareCaret(awareness, text, 7);
    expect(sent).toBe(1);

    // Someone else types before the caret: its index moves, its place in the text does not.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('notes').insert(0, 'Huisarts: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    shareCaret(awareness, text, 17);
    expect(sent).toBe(1);

    shareCaret(awareness, text, 18);
    expect(sent).toBe(2);
    shareCaret(awareness, text, null);
    expect(sent).toBe(3);
    shareCaret(awareness, text, null);
    expect(sent).toBe(3);
    awareness.destroy();
  });
});
